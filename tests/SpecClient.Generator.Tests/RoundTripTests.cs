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

    /// <summary>
    /// Schemas whose written JSON NJsonSchema finds invalid because of a generator defect, reported and not fixed here
    /// (generator/ is being reworked elsewhere): component name → the defect. Remove an entry when its defect is fixed.
    /// </summary>
    private static readonly Dictionary<string, string> KnownSchemaViolations = new(StringComparer.Ordinal)
    {
        // Issue 9: a discriminator mapping that sends several values to one variant registers only the first value;
        // an object with another value reads as the base record and is written without its discriminator (`name`,
        // required by both variants): 10 of its 12 values.
        ["DataFederationLimit"] = "several discriminator values for one variant: only the first is registered",
    };

    [SkippableFact]
    public void ExamplesFromTheFullSpecRoundTripThroughGeneratedModelsAndWriteSchemaValidJson()
    {
        SpecInput spec = FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml");

        (int tried, int validInputs, List<string> failures) = RoundTrip(spec, "Atlas.Full", "AtlasAdminClientJsonContext");

        Assert.True(tried >= 100, $"only {tried} schemas had usable examples");
        Assert.True(validInputs >= tried / 2, $"only {validInputs} of {tried} samples are valid against their schema, too few to check the written JSON");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void ExamplesFromTheBundledSpecsRoundTripThroughGeneratedModelsAndWriteSchemaValidJson()
    {
        int tried = 0;
        int validInputs = 0;
        var failures = new List<string>();
        foreach (SpecInput spec in BundledSpecs.All())
        {
            (int triedHere, int validHere, List<string> failuresHere) = RoundTrip(spec, spec.Namespace!, spec.ClientName + "JsonContext");
            tried += triedHere;
            validInputs += validHere;
            failures.AddRange(failuresHere.Select(failure => Path.GetFileName(spec.Path) + ": " + failure));
        }

        Assert.True(tried >= 5, $"only {tried} schemas had usable examples");
        Assert.True(validInputs >= tried / 2, $"only {validInputs} of {tried} samples are valid against their schema");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void SchemaValidatorReportsTheSchemaPathOfEachViolation()
    {
        const string spec = """
            openapi: 3.0.1
            info: { title: t, version: "1" }
            paths: {}
            components:
              schemas:
                Invitation:
                  type: object
                  required: [id, roles, secret]
                  properties:
                    id: { type: string, pattern: '^[a-f0-9]{24}$' }
                    roles: { type: array, items: { $ref: '#/components/schemas/Role' } }
                    inviterUsername: { type: string, nullable: true }
                    secret: { type: string, writeOnly: true }
                Role: { type: string, enum: [ORG_OWNER, ORG_MEMBER] }
            """;
        ComponentSchemaValidator validator = ComponentSchemaValidator.FromSpec(spec);

        Assert.Empty(validator.Validate("Invitation", """{"id":"0123456789abcdef01234567","roles":["ORG_OWNER"],"inviterUsername":null}"""));
        Assert.Equal(
            new[] { "#/id: PatternMismatch", "#/roles[0]: ArrayItemNotValid ← #/roles[0]: NotInEnumeration" },
            validator.Validate("Invitation", """{"id":"nope","roles":["ADMIN"]}"""));
        Assert.Equal(new[] { "#/roles: PropertyRequired" }, validator.Validate("Invitation", """{"id":"0123456789abcdef01234567"}"""));
    }

    /// <summary>
    /// Builds JSON from each component's examples, reads it into the generated model, writes it back, and checks the
    /// written JSON: equal to what was read, and valid against the component schema (NJsonSchema).
    /// </summary>
    private static (int Tried, int ValidInputs, List<string> Failures) RoundTrip(SpecInput spec, string @namespace, string contextName)
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(spec);
        CompiledOutput output = CompiledOutput.Compile(harness, run);
        JsonSerializerContext context = output.Context(@namespace + "." + contextName);
        ComponentSchemaValidator validator = ComponentSchemaValidator.FromSpec(spec.Text);

        var stream = new YamlStream();
        stream.Load(new StringReader(spec.Text));
        var schemas = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["components"])["schemas"];
        var failures = new List<string>();
        int tried = 0;
        int validInputs = 0;
        foreach (KeyValuePair<YamlNode, YamlNode> entry in schemas.Children)
        {
            if (tried == SampleSize)
            {
                break;
            }

            string name = ((YamlScalarNode)entry.Key).Value!;
            Type? type = output.FindType(@namespace + "." + Identifiers.ToPascalCase(name));
            if (type is null || type.BaseType != typeof(object) || !type.IsSealed || entry.Value is not YamlMappingNode schema || ExampleObject(schema) is not JsonObject example || example.Count == 0)
            {
                continue;
            }

            tried++;
            string json = example.ToJsonString();
            try
            {
                object? model = JsonSerializer.Deserialize(json, CompiledOutput.TypeInfo(context, type));
                string writtenJson = JsonSerializer.Serialize(model, CompiledOutput.TypeInfo(context, type));
                JsonNode written = JsonNode.Parse(writtenJson)!;
                foreach (KeyValuePair<string, JsonNode?> property in example)
                {
                    if (!Equivalent(property.Value, written[property.Key]))
                    {
                        failures.Add($"{type.Name}.{property.Key}: wrote {written[property.Key]?.ToJsonString() ?? "nothing"} for {property.Value?.ToJsonString()}");
                    }
                }

                // What the model wrote must be as valid as what it read: the examples and placeholders are not always
                // valid themselves (patterns, lengths), and those violations are the input's, not the model's.
                IReadOnlyList<string> inputViolations = validator.Validate(name, json);
                List<string> violations = validator.Validate(name, writtenJson).Except(inputViolations).ToList();
                validInputs += inputViolations.Count == 0 ? 1 : 0;
                if (violations.Count > 0 && !KnownSchemaViolations.ContainsKey(name))
                {
                    failures.Add($"{name}: the written JSON violates the schema (NJsonSchema): {string.Join("; ", violations)} in {writtenJson}");
                }
            }
            catch (JsonException exception)
            {
                failures.Add($"{type.Name}: {exception.Message} in {json}");
            }
        }

        // Polymorphic schemas: every value of a discriminator mapping, read as the base record and written back, keeps
        // its value and is valid against the variant it names.
        foreach (KeyValuePair<YamlNode, YamlNode> entry in schemas.Children)
        {
            string name = ((YamlScalarNode)entry.Key).Value!;
            if (entry.Value is not YamlMappingNode baseSchema
                || Child(baseSchema, "discriminator") is not YamlMappingNode discriminator
                || (Child(discriminator, "propertyName") as YamlScalarNode)?.Value is not string property
                || Child(discriminator, "mapping") is not YamlMappingNode mapping
                || output.FindType(@namespace + "." + Identifiers.ToPascalCase(name)) is not Type baseType)
            {
                continue;
            }

            foreach ((YamlNode valueNode, YamlNode targetNode) in mapping.Children)
            {
                string value = ((YamlScalarNode)valueNode).Value!;
                string target = ParseContext.LastSegment(((YamlScalarNode)targetNode).Value!);
                if (Child(schemas, target) is not YamlMappingNode variantSchema || ExampleObject(variantSchema) is not JsonObject example)
                {
                    continue;
                }

                tried++;

                // The discriminator first: the test compilation has no NET9_0_OR_GREATER, so the generated context
                // does not set AllowOutOfOrderMetadataProperties here.
                example.Remove(property);
                var polymorphic = new JsonObject { [property] = value };
                foreach ((string key, JsonNode? item) in example.ToList())
                {
                    example.Remove(key);
                    polymorphic[key] = item;
                }

                string json = polymorphic.ToJsonString();
                try
                {
                    object? model = JsonSerializer.Deserialize(json, CompiledOutput.TypeInfo(context, baseType));
                    string writtenJson = JsonSerializer.Serialize(model, CompiledOutput.TypeInfo(context, baseType));
                    string? written = JsonNode.Parse(writtenJson)![property]?.GetValue<string>();
                    IReadOnlyList<string> inputViolations = validator.Validate(target, json);
                    List<string> violations = validator.Validate(target, writtenJson).Except(inputViolations).ToList();
                    validInputs += inputViolations.Count == 0 ? 1 : 0;
                    if ((written != value || violations.Count > 0) && !KnownSchemaViolations.ContainsKey(name))
                    {
                        failures.Add($"{name} ({property}: {value} → {target}): read as {model?.GetType().Name}, wrote {property}: {written ?? "nothing"}; violations of {target} (NJsonSchema): {string.Join("; ", violations)} in {writtenJson}");
                    }
                }
                catch (JsonException exception)
                {
                    failures.Add($"{name} ({property}: {value} → {target}): {exception.Message} in {json}");
                }
            }
        }

        return (tried, validInputs, failures);
    }

    private static YamlNode? Child(YamlMappingNode node, string key)
        => node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child) ? child : null;

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

        // A value the schema accepts where that is easy (an enum's first value, common formats), so that the schema
        // validation below checks valid input.
        if (schema.Children.TryGetValue(new YamlScalarNode("enum"), out YamlNode? e) && e is YamlSequenceNode { Children.Count: > 0 } values
            && values.Children[0] is YamlScalarNode { Value: { Length: > 0 } first })
        {
            return type switch
            {
                "integer" => long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) ? JsonValue.Create(number) : null,
                "number" => double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) ? JsonValue.Create(real) : null,
                "string" or "" => JsonValue.Create(first),
                _ => null,
            };
        }

        return type switch
        {
            "string" when format == "date-time" => JsonValue.Create("2024-05-30T12:00:00Z"),
            "string" when format == "date" => JsonValue.Create("2024-05-30"),
            "string" when format == "email" => JsonValue.Create("ada@example.com"),
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
