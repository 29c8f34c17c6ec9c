using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Untagged oneOf/anyOf and OpenAPI 3.1 type lists as union structs (with <c>Unions="true"</c>).</summary>
public sealed class UnionTests
{
    private static readonly Lazy<(GeneratorDriverRunResult Run, CompiledOutput Output)> Unions30 = new(() => Compile("unions.yaml"));
    private static readonly Lazy<(GeneratorDriverRunResult Run, CompiledOutput Output)> Unions31 = new(() => Compile("unions31.yaml"));

    private static SpecInput Spec(string fileName, bool unions = true)
        => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, fileName), "Consumer.Api", "ApiClient") with { Unions = unions };

    [Theory]
    [InlineData("unions.yaml")]
    [InlineData("unions31.yaml")]
    public void UnionSpecsGenerateWithoutDiagnosticsAndCompileWithoutWarnings(string fileName)
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec(fileName));

        Assert.Empty(run.Diagnostics);
        harness.AssertOutputCompilesCleanly(run);
    }

    [Fact]
    public void WithoutTheOptionUnionsStayJsonElementWithAWarning()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(Spec("unions.yaml", unions: false));

        Assert.Contains(run.Diagnostics, d => d.Id == "SCG0005" && d.GetMessage().Contains("uses oneOf with 3 variants", StringComparison.Ordinal));
        Assert.DoesNotContain("IJsonUnion", GeneratedSource.Of(run, ".Models.g.cs"));
    }




    [Theory]
    [InlineData("Settings", """{"limit":5}""", "limit", "IsInt64")]
    [InlineData("Settings", """{"limit":"unlimited"}""", "limit", "IsString")]
    [InlineData("Settings", """{"tags":["a","b"]}""", "tags", "IsListOfString")]
    [InlineData("Settings", """{"tags":"a"}""", "tags", "IsString")]
    [InlineData("Settings", """{"labels":{"a":"b"}}""", "labels", "IsDictionaryOfString")]
    [InlineData("Settings", """{"labels":false}""", "labels", "IsBoolean")]
    [InlineData("Settings", """{"either":true}""", "either", "IsBoolean")]
    [InlineData("Settings", """{"either":1.5}""", "either", "IsDouble")]
    [InlineData("Settings", """{"either":"x"}""", "either", "IsString")]
    public void TokenKindPicksThePrimitiveVariantAndWritesItBackByteIdentical(string model, string json, string property, string isMember)
    {
        object value = RoundTrip(Unions30.Value.Output, model, json);

        Assert.True(Is(Property(value, property), isMember), json + " should read as " + isMember);
    }

    [Theory]
    [InlineData("""{"count":3}""", "IsInt32")]
    [InlineData("""{"count":3.5}""", "IsDouble")]
    [InlineData("""{"count":10000000000}""", "IsDouble")]
    public void TheFirstVariantThatReadsWins(string json, string isMember)
    {
        object value = RoundTrip(Unions30.Value.Output, "Settings", json);

        Assert.True(Is(Property(value, "count"), isMember), json + " should read as " + isMember);
    }

    [Theory]
    [InlineData("""{"eventTypeName":"HOST_DOWN","hostname":"h1"}""", "IsHost")]
    [InlineData("""{"eventTypeName":"X","metricName":"cpu","threshold":80}""", "IsMetric")]
    [InlineData("""{"eventTypeName":"BILL","invoiceLimit":100}""", "IsBilling")]
    [InlineData("""{"eventTypeName":"OTHER"}""", "IsHost")]
    public void RequiredAndUniquePropertiesPickTheRecordVariant(string json, string isMember)
    {
        object value = RoundTrip(Unions30.Value.Output, "AlertConfig", json);

        Assert.True(Is(value, isMember), json + " should read as " + isMember);
    }

    [Fact]
    public void RequiredPropertyMissingRulesAVariantOut()
    {
        // MetricAlert names metricName, but HostAlert is the only one whose required properties are all there... and a
        // metricName without eventTypeName fits none: the JSON is kept.
        object value = RoundTrip(Unions30.Value.Output, "AlertConfig", """{"metricName":"cpu"}""");

        Assert.False(Is(value, "IsMetric"));
        Assert.Equal("""{"metricName":"cpu"}""", ((JsonElement?)value.GetType().GetProperty("Unknown")!.GetValue(value))!.Value.GetRawText());
    }

    [Theory]
    [InlineData("Settings", """{"limit":true}""")]
    [InlineData("Settings", """{"tags":{"a":1}}""")]
    [InlineData("Settings", """{"either":[1,2]}""")]
    public void JsonNoVariantReadsIsKeptAndWrittenBackAsRead(string model, string json)
    {
        object value = RoundTrip(Unions30.Value.Output, model, json);

        object union = Property(value, json.Substring(2, json.IndexOf('"', 2) - 2));
        Assert.NotNull(union.GetType().GetProperty("Unknown")!.GetValue(union));
    }

    [Theory]
    [InlineData("""{"id":"abc","weight":"heavy","color":"red","state":"closed","shape":{"side":2}}""")]
    [InlineData("""{"id":42,"weight":1.25,"color":"blue","shape":{"radius":1.5}}""")]
    [InlineData("""{"id":7,"weight":"7 kg","state":"unknown-state"}""")]
    public void OpenApi31UnionsRoundTripByteIdentical(string json)
    {
        RoundTrip(Unions31.Value.Output, "Thing", json);
    }

    [Fact]
    public void NullReadsAsNoValueForNullableUnions()
    {
        CompiledOutput output = Unions31.Value.Output;
        Type thing = output.FindType("Consumer.Api.Thing")!;
        object value = JsonSerializer.Deserialize("""{"weight":null,"shape":null}""", CompiledOutput.TypeInfo(Context(output), thing))!;

        Assert.Null(thing.GetProperty("Weight")!.GetValue(value));
        Assert.Null(thing.GetProperty("Shape")!.GetValue(value));
    }

    [Fact]
    public void VariantsConvertImplicitlyAndMatchCallsTheHeldOne()
    {
        CompiledOutput output = Unions30.Value.Output;
        Type union = output.FindType("Consumer.Api.AlertConfig")!;
        Type billing = output.FindType("Consumer.Api.BillingAlert")!;
        object alert = Activator.CreateInstance(billing)!;
        billing.GetProperty("EventTypeName")!.SetValue(alert, "BILL");
        billing.GetProperty("InvoiceLimit")!.SetValue(alert, 7L);
        MethodInfo convert = union.GetMethods().Single(m => m.Name == "op_Implicit" && m.GetParameters()[0].ParameterType == billing);
        object value = convert.Invoke(null, new[] { alert })!;

        Assert.True(Is(value, "IsBilling"));
        Assert.False(Is(value, "IsHost"));
        object?[] tryArgs = { null };
        Assert.True((bool)union.GetMethod("TryGetBilling")!.Invoke(value, tryArgs)!);
        Assert.Same(alert, tryArgs[0]);
        Assert.Equal("""{"eventTypeName":"BILL","invoiceLimit":7}""", JsonSerializer.Serialize(value, CompiledOutput.TypeInfo(Context(output), union)));
    }

    [Fact]
    public void UnionsReadFromEqualJsonAreEqualAndAUnionNeverSetRefusesToBeWritten()
    {
        CompiledOutput output = Unions30.Value.Output;
        Type union = output.FindType("Consumer.Api.AlertConfig")!;
        var info = CompiledOutput.TypeInfo(Context(output), union);
        object first = JsonSerializer.Deserialize("""{"eventTypeName":"X","metricName":"cpu"}""", info)!;
        object second = JsonSerializer.Deserialize("""{"eventTypeName":"X","metricName":"cpu"}""", info)!;
        object unknown = JsonSerializer.Deserialize("""{"other":1}""", info)!;

        Assert.Equal(first, second);
        Assert.NotEqual(first, unknown);
        Assert.Equal(unknown, JsonSerializer.Deserialize("""{"other":1}""", info));
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(Activator.CreateInstance(union), info));
        Assert.Contains("AlertConfig holds no value", error.Message, StringComparison.Ordinal);
    }

    private static (GeneratorDriverRunResult Run, CompiledOutput Output) Compile(string fileName)
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec(fileName));
        return (run, CompiledOutput.Compile(harness, run));
    }

    private static JsonSerializerContext Context(CompiledOutput output) => output.Context("Consumer.Api.ApiClientJsonContext");

    /// <summary>Reads <paramref name="json"/> into the type, writes it back, and asserts the bytes are the same.</summary>
    private static object RoundTrip(CompiledOutput output, string typeName, string json)
    {
        Type type = output.FindType("Consumer.Api." + typeName) ?? throw new InvalidOperationException("no type " + typeName);
        var info = CompiledOutput.TypeInfo(Context(output), type);
        object value = JsonSerializer.Deserialize(json, info)!;
        Assert.Equal(json, JsonSerializer.Serialize(value, info));
        return value;
    }

    private static object Property(object owner, string jsonName)
    {
        object? value = owner.GetType().GetProperty(char.ToUpperInvariant(jsonName[0]) + jsonName.Substring(1))!.GetValue(owner);
        Assert.NotNull(value);
        return value!;
    }

    private static bool Is(object union, string member) => (bool)union.GetType().GetProperty(member)!.GetValue(union)!;
}
