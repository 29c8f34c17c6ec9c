using System;
using System.Text.RegularExpressions;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>Direct checks of the guards generated Validate() methods call.</summary>
public class ParameterGuardTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(501L)]
    [InlineData(long.MinValue)]
    public void LongOutOfRangeNamesParameterAndBounds(long value)
    {
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterGuard.Range((long?)value, 1m, 500m, "itemsPerPage"));

        Assert.Equal("itemsPerPage", exception.ParamName);
        Assert.Equal(value, exception.ActualValue);
        Assert.Contains("'itemsPerPage' must be between 1 and 500", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongRangeWithOnlyAMinimumSaysAnyForTheMaximum()
    {
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterGuard.Range((long?)-1, 0m, null, "pageNum"));

        Assert.Contains("'pageNum' must be between 0 and any", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.25)]
    public void DoubleOutOfRangeNamesParameterAndBounds(double value)
    {
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterGuard.Range((double?)value, 0m, 1m, "ratio"));

        Assert.Equal("ratio", exception.ParamName);
        Assert.Contains("'ratio' must be between 0 and 1", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "'count' must be greater than 0 and at most 10.")]
    [InlineData(11L, "'count' must be greater than 0 and at most 10.")]
    public void LongOutsideAnExclusiveMinimumSaysGreaterThan(long value, string message)
    {
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterGuard.Range((long?)value, 0m, true, 10m, false, "count"));

        Assert.Equal("count", exception.ParamName);
        Assert.Equal(value, exception.ActualValue);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExclusiveBoundsLetEverythingStrictlyInsideThrough()
    {
        ParameterGuard.Range((long?)1, 0m, true, 10m, true, "count");
        ParameterGuard.Range((long?)9, 0m, true, 10m, true, "count");
        ParameterGuard.Range((long?)null, 0m, true, 10m, true, "count");
        ParameterGuard.Range((double?)0.999, null, false, 1m, true, "ratio");
        ParameterGuard.Range((double?)null, 0m, true, 1m, true, "ratio");

        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterGuard.Range((long?)10, 0m, true, 10m, true, "count"));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void DoubleAtAnExclusiveMaximumIsOutOfRange(double value)
    {
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterGuard.Range((double?)value, null, false, 1m, true, "ratio"));

        Assert.Contains("'ratio' must be less than 1.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactLengthMessageNamesParameterExpectedAndActualLength()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => ParameterGuard.Length("abc", 24, 24, "orgId"));

        Assert.Equal("orgId", exception.ParamName);
        Assert.Contains("'orgId' must be exactly 24 characters long", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'abc' has 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoundedLengthMessageGivesTheRange()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => ParameterGuard.Length(new string('x', 11), 2, 10, "name"));

        Assert.Equal("name", exception.ParamName);
        Assert.Contains("2 to 10 characters", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimumOnlyLengthMessageSaysAnyForTheMaximum()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => ParameterGuard.Length("a", 2, null, "name"));

        Assert.Contains("2 to any characters", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongValuesAreShortenedInTheMessage()
    {
        string value = new('z', 500);

        ArgumentException exception = Assert.Throws<ArgumentException>(() => ParameterGuard.Length(value, 24, 24, "orgId"));

        Assert.DoesNotContain(value, exception.Message, StringComparison.Ordinal);
        Assert.Contains(new string('z', 64) + "…", exception.Message, StringComparison.Ordinal);
        Assert.Contains("has 500", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PatternMismatchNamesParameterAndPattern()
    {
        Regex pattern = ParameterGuard.CreatePattern("^([a-f0-9]{24})$");

        ArgumentException exception = Assert.Throws<ArgumentException>(() => ParameterGuard.Pattern("XYZ", pattern, "groupId"));

        Assert.Equal("groupId", exception.ParamName);
        Assert.Contains("'groupId' must match the pattern ^([a-f0-9]{24})$", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'XYZ'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatedPatternsHaveATimeout()
    {
        Regex pattern = ParameterGuard.CreatePattern("^a+$");

        Assert.Equal(ParameterGuard.PatternTimeout, pattern.MatchTimeout);
        Assert.True(pattern.Options.HasFlag(RegexOptions.CultureInvariant));
    }

    [Fact]
    public void NotNullThrowsArgumentNullNamingTheParameter()
    {
        ArgumentNullException exception = Assert.Throws<ArgumentNullException>(() => ParameterGuard.NotNull(null, "invitationId"));

        Assert.Equal("invitationId", exception.ParamName);
        Assert.Contains("'invitationId' is required", exception.Message, StringComparison.Ordinal);
    }
}

public sealed class PatternAnchorTests
{
    [Theory]
    [InlineData("^([a-f0-9]{24})$", "^([a-f0-9]{24})\\z")]
    [InlineData("^a\\$b$", "^a\\$b\\z")]
    [InlineData("^[$]+$", "^[$]+\\z")]
    public void DollarBecomesEndOfInputOutsideClassesAndEscapes(string pattern, string expected)
        => Xunit.Assert.Equal(expected, SpecClient.Runtime.ParameterGuard.ToDotNetAnchors(pattern));

    [Fact]
    public void TrailingNewlineDoesNotMatchAnAnchoredPattern()
    {
        System.Text.RegularExpressions.Regex pattern = SpecClient.Runtime.ParameterGuard.CreatePattern("^([a-f0-9]{24})$");

        Xunit.Assert.Throws<System.ArgumentException>(() => SpecClient.Runtime.ParameterGuard.Pattern("64b0c1d2e3f4a5b6c7d8e901\n", pattern, "orgId"));
        SpecClient.Runtime.ParameterGuard.Pattern("64b0c1d2e3f4a5b6c7d8e901", pattern, "orgId");
    }
}
