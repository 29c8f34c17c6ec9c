using System;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>The pooled path-and-query builder generated operations use.</summary>
public class RequestUriBuilderTests
{
    [Fact]
    public void PathValuesAreEscapedAsOneSegment()
    {
        var builder = new RequestUriBuilder();
        builder.AppendLiteral("api/atlas/v2/orgs/");
        builder.AppendPathValue("a/b c?d");
        builder.AppendLiteral("/invites");

        Assert.Equal("api/atlas/v2/orgs/a%2Fb%20c%3Fd/invites", builder.ToStringAndClear());
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public void DotSegmentOrEmptyPathValueThrowsArgumentException(string value)
    {
        var builder = new RequestUriBuilder();
        builder.AppendLiteral("groups/1/invites/");

        bool escapedThrew = Throws(ref builder, value, urlSafe: false);
        bool urlSafeThrew = Throws(ref builder, value, urlSafe: true);

        Assert.True(escapedThrew, "AppendPathValue accepted " + value);
        Assert.True(urlSafeThrew, "AppendUrlSafeValue accepted " + value);
        Assert.Equal("groups/1/invites/", builder.ToStringAndClear());
    }

    [Fact]
    public void NullQueryValuesAreLeftOutAndTheFirstGetsQuestionMark()
    {
        var builder = new RequestUriBuilder();
        builder.AppendLiteral("invites");
        builder.AppendQuery("envelope", (bool?)null);
        builder.AppendQuery("pretty", (bool?)true);
        builder.AppendQuery("username", (string?)null);
        builder.AppendQuery("itemsPerPage", (long?)100);
        builder.AppendQuery("since", (DateTimeOffset?)new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero));

        Assert.Equal("invites?pretty=true&itemsPerPage=100&since=2024-05-01T12%3A30%3A00.0000000%2B00%3A00", builder.ToStringAndClear());
    }

    [Fact]
    public void QueryValuesAreEscaped()
    {
        var builder = new RequestUriBuilder();
        builder.AppendLiteral("invites");
        builder.AppendQuery("username", "jane+x@example.com&admin=true");

        Assert.Equal("invites?username=jane%2Bx%40example.com%26admin%3Dtrue", builder.ToStringAndClear());
    }

    [Fact]
    public void NumbersAreFormattedInvariantly()
    {
        var builder = new RequestUriBuilder();
        builder.AppendPathValue(long.MinValue);
        builder.AppendQuery("ratio", (double?)0.5);
        builder.AppendQuery("flag", (bool?)false);

        Assert.Equal("-9223372036854775808?ratio=0.5&flag=false", builder.ToStringAndClear());
    }

    [Fact]
    public void BuilderGrowsBeyondItsInitialBuffer()
    {
        string segment = new('a', 1000);
        var builder = new RequestUriBuilder();
        builder.AppendLiteral("x/");
        builder.AppendPathValue(segment);
        builder.AppendQuery("q", segment);

        Assert.Equal("x/" + segment + "?q=" + segment, builder.ToStringAndClear());
    }

    private static bool Throws(ref RequestUriBuilder builder, string value, bool urlSafe)
    {
        try
        {
            if (urlSafe)
            {
                builder.AppendUrlSafeValue(value);
            }
            else
            {
                builder.AppendPathValue(value);
            }

            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
