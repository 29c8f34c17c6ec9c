using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The YAML → JSON conversion the oracles read specs through: scalars typed by the YAML 1.2 core schema.</summary>
public sealed class YamlToJsonTests
{
    [Theory]
    [InlineData("v: 10", """{"v":10}""")]
    [InlineData("v: -3", """{"v":-3}""")]
    [InlineData("v: +3", """{"v":3}""")]
    [InlineData("v: 007", """{"v":7}""")]
    [InlineData("v: 18446744073709551616", """{"v":18446744073709551616}""")]
    [InlineData("v: 0x1F", """{"v":31}""")]
    [InlineData("v: 0o17", """{"v":15}""")]
    [InlineData("v: 1.5", """{"v":1.5}""")]
    [InlineData("v: 1e3", """{"v":1e3}""")]
    [InlineData("v: 1.", """{"v":1}""")]
    [InlineData("v: .5", """{"v":0.5}""")]
    [InlineData("v: true", """{"v":true}""")]
    [InlineData("v: False", """{"v":false}""")]
    [InlineData("v: ~", """{"v":null}""")]
    [InlineData("v: null", """{"v":null}""")]
    [InlineData("v:", """{"v":null}""")]
    public void PlainScalarsAreTypedByTheYamlCoreSchema(string yaml, string json)
        => Assert.Equal(json, YamlToJson.Convert(yaml));

    [Theory]
    [InlineData("v: \"1\"", """{"v":"1"}""")]
    [InlineData("v: 'true'", """{"v":"true"}""")]
    [InlineData("v: 'null'", """{"v":"null"}""")]
    [InlineData("v: !!str 10", """{"v":"10"}""")]
    [InlineData("v: |\n  10\n", """{"v":"10\n"}""")]
    [InlineData("v: 3.0.1", """{"v":"3.0.1"}""")]
    [InlineData("v: 2024-05-30", """{"v":"2024-05-30"}""")]
    [InlineData("v: yes", """{"v":"yes"}""")]
    [InlineData("v: .inf", """{"v":".inf"}""")]
    [InlineData("v: .nan", """{"v":".nan"}""")]
    [InlineData("v: ^([a-f0-9]{24})$", """{"v":"^([a-f0-9]{24})$"}""")]
    public void QuotedTaggedAndNonNumericScalarsStayStrings(string yaml, string json)
        => Assert.Equal(json, YamlToJson.Convert(yaml));

    [Fact]
    public void KeysAreStringsAndAliasesAreExpanded()
        => Assert.Equal(
            """{"200":{"a":[1,"x"]},"copy":{"a":[1,"x"]},"true":null}""",
            YamlToJson.Convert("200: &r\n  a: [1, x]\ncopy: *r\ntrue: ~\n"));
}
