using System;
using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using SpecClient.Generator.Parsing;
using SpecClient.Runtime;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Patterns checked without a regex must accept exactly what the regex accepts.</summary>
public sealed class SimplePatternTests
{
    [Theory]
    [InlineData("^([a-f0-9]{24})$", "0123456789abcdef", 24, 24)]
    [InlineData("^[A-Za-z0-9_\\-]{1,64}$", "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz", 1, 64)]
    [InlineData("^[0-9]+$", "0123456789", 1, null)]
    [InlineData("^[\\d.]*$", ".0123456789", 0, null)]
    [InlineData("^[a-z]{3,}$", "abcdefghijklmnopqrstuvwxyz", 3, null)]
    public void RecognisesOneRepeatedClass(string pattern, string characters, int min, int? max)
    {
        SimplePattern? simple = SimplePattern.TryParse(pattern);

        Assert.Equal(new SimplePattern(characters, min, max), simple);
    }

    [Theory]
    [InlineData("^[^a-f]{24}$")]
    [InlineData("^[a-f]{24}")]
    [InlineData("[a-f]{24}$")]
    [InlineData("^[a-f]{24}[0-9]$")]
    [InlineData("^([a-f]{24}$")]
    [InlineData("^[\\w]{3}$")]
    [InlineData("^[é]{3}$")]
    [InlineData("^[z-a]{3}$")]
    [InlineData("^[a-f]{5,2}$")]
    [InlineData("^(abc|def)$")]
    public void LeavesEverythingElseToTheRegex(string pattern) => Assert.Null(SimplePattern.TryParse(pattern));

    [Theory]
    [InlineData("^([a-f0-9]{24})$")]
    [InlineData("^[A-Za-z0-9_\\-]{1,8}$")]
    [InlineData("^[0-9]+$")]
    [InlineData("^[a-c]{2,}$")]
    public void AgreesWithTheRegexOnRandomInput(string pattern)
    {
        SimplePattern simple = SimplePattern.TryParse(pattern)!;
        SearchValues<char> allowed = SearchValues.Create(simple.Characters);
        Regex regex = ParameterGuard.CreatePattern(pattern);
        var random = new Random(pattern.Length);
        const string alphabet = "0123456789abcdefABCDEF_-xyz é\n";
        for (int i = 0; i < 5000; i++)
        {
            var value = new StringBuilder();
            for (int length = random.Next(0, 30); length > 0; length--)
            {
                value.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = i % 3 == 0 && pattern.Contains("{24}") ? new string('a', 24) + (i % 2 == 0 ? "\n" : string.Empty) : value.ToString();
            bool regexAccepts = regex.IsMatch(text);
            Exception? thrown = Record.Exception(() => ParameterGuard.Pattern(text, allowed, simple.MinLength, simple.MaxLength, pattern, "p"));
            Assert.True(regexAccepts == (thrown is null), $"'{text}' with {pattern}: regex {(regexAccepts ? "accepts" : "rejects")}");
        }
    }
}
