using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Tests;

/// <summary>JSON built from the spec's own examples reads into the generated models and writes back equivalently.</summary>
public sealed class RoundTripTests
{
    private const int SampleSize = 150;

    [SkippableFact]
    public void ExamplesFromTheFullSpecRoundTripThroughGeneratedModels()
    {
        SpecInput spec = FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml");
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(spec);
        CompiledOutput output = CompiledOutput.Compile(harness, run);
        JsonSerializerContext context = output.Context("Atlas.Full.AtlasAdminClientJsonContext");

        var stream = new YamlStream();
        stream.Load(new StringReader(spec.Text));
        var schemas = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["components"])["schemas"];
        var failures = new List<string>();
        int tried = 0;
        foreach (KeyValuePair<YamlNode, YamlNode> entry in schemas.Children)
        {
            if (tried == SampleSize)
            {
                break;
            }

            Type? type = output.FindType("Atlas.Full." + Identifiers.ToPascalCase(((YamlScalarNode)entry.Key).Value!));
            if (type is null || type.BaseType != typeof(object) || !type.IsSealed || entry.Value is not YamlMappingNode schema || ExampleObject(schema) is not JsonObject example || example.Count == 0)
            {
                continue;
            }

            tried++;
            string json = example.ToJsonString();
            try
            {
                object? model = JsonSerializer.Deserialize(json, CompiledOutput.TypeInfo(context, type));
                JsonNode written = JsonNode.Parse(JsonSerializer.Serialize(model, CompiledOutput.TypeInfo(context, type)))!;
                foreach (KeyValuePair<string, JsonNode?> property in example)
                {
                    if (!Equivalent(property.Value, written[property.Key]))
                    {
                        failures.Add($"{type.Name}.{property.Key}: wrote {written[property.Key]?.ToJsonString() ?? "nothing"} for {property.Value?.ToJsonString()}");
                    }
                }
            }
            catch (JsonException exception)
            {
                failures.Add($"{type.Name}: {exception.Message} in {json}");
            }
        }

        Assert.True(tried >= 100, $"only {tried} schemas had usable examples");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>An object of the properties that carry an <c>example</c> (plain values only), plus the required ones.</summary>
    private static JsonObject? ExampleObject(YamlMappingNode schema)
    {
        if (!schema.Children.TryGetValue(new YamlScalarNode("properties"), out YamlNode? propertiesNode) || propertiesNode is not YamlMappingNode properties)
        {
            return null;
        }

        var required = new HashSet<string>(
            schema.Children.TryGetValue(new YamlScalarNode("required"), out YamlNode? list) && list is YamlSequenceNode sequence
                ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value!)
                : Enumerable.Empty<string>());
        var result = new JsonObject();
        foreach (KeyValuePair<YamlNode, YamlNode> property in properties.Children)
        {
            string name = ((YamlScalarNode)property.Key).Value!;
            if (property.Value is not YamlMappingNode propertySchema)
            {
                return null;
            }

            JsonNode? value = Scalar(propertySchema, "example") ?? (required.Contains(name) ? Placeholder(propertySchema) : null);
            if (value is not null)
            {
                result[name] = value;
            }
            else if (required.Contains(name))
            {
                // A required nested object without an example: this schema is not a fair sample.
                return null;
            }
        }

        return result;
    }

    private static JsonNode? Scalar(YamlMappingNode schema, string key)
    {
        if (!schema.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) || node is not YamlScalarNode scalar || scalar.Value is null)
        {
            return null;
        }

        string type = schema.Children.TryGetValue(new YamlScalarNode("type"), out YamlNode? t) ? ((YamlScalarNode)t).Value ?? "" : "";
        string format = schema.Children.TryGetValue(new YamlScalarNode("format"), out YamlNode? f) ? ((YamlScalarNode)f).Value ?? "" : "";
        return type switch
        {
            "string" when format == "date-time" => DateTimeOffset.TryParse(scalar.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? JsonValue.Create(scalar.Value) : null,
            "string" => JsonValue.Create(scalar.Value),
            "integer" => long.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) ? JsonValue.Create(number) : null,
            "number" => double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) ? JsonValue.Create(real) : null,
            "boolean" => bool.TryParse(scalar.Value, out bool flag) ? JsonValue.Create(flag) : null,
            _ => null,
        };
    }

    private static JsonNode? Placeholder(YamlMappingNode schema)
    {
        string type = schema.Children.TryGetValue(new YamlScalarNode("type"), out YamlNode? t) ? ((YamlScalarNode)t).Value ?? "" : "";
        string format = schema.Children.TryGetValue(new YamlScalarNode("format"), out YamlNode? f) ? ((YamlScalarNode)f).Value ?? "" : "";
        return type switch
        {
            "string" when format == "date-time" => JsonValue.Create("2024-05-30T12:00:00Z"),
            "string" => JsonValue.Create("placeholder"),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            _ => null,
        };
    }

    /// <summary>Equal JSON, with timestamps compared as instants and numbers as numbers.</summary>
    private static bool Equivalent(JsonNode? expected, JsonNode? actual)
    {
        if (expected is JsonValue e && actual is JsonValue a)
        {
            if (e.TryGetValue(out string? left) && a.TryGetValue(out string? right))
            {
                return left == right
                    || DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset l)
                    && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset r)
                    && l == r;
            }

            if (e.TryGetValue(out double x) && a.TryGetValue(out double y))
            {
                return x == y;
            }
        }

        return JsonNode.DeepEquals(expected, actual);
    }
}
