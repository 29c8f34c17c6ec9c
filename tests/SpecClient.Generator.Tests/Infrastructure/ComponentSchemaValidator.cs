using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// Validates JSON against a spec's component schemas with NJsonSchema (an independent JSON Schema validator). The
/// OpenAPI 3.0 schemas are converted to JSON Schema first, all into one document's <c>definitions</c> so every
/// <c>$ref</c> resolves:
/// <list type="bullet">
/// <item><c>nullable: true</c> → <c>anyOf: [{type: null}, the schema]</c> (JSON Schema has no <c>nullable</c>).</item>
/// <item><c>oneOf</c> with a <c>discriminator</c> → <c>anyOf</c>: the discriminator picks exactly one variant, which JSON
/// Schema cannot say, and variants often accept the same object, so <c>oneOf</c> would fail valid JSON.</item>
/// <item><c>required</c> without the <c>writeOnly</c> properties: the JSON is validated as a response (OpenAPI: a
/// writeOnly property is required in requests only); <c>readOnly</c> properties stay required.</item>
/// <item>a <c>$ref</c>'s siblings are dropped (OpenAPI 3.0 ignores them); <c>discriminator</c>, <c>example</c>,
/// <c>xml</c>, <c>x-…</c> and other annotations are dropped.</item>
/// </list>
/// </summary>
internal sealed class ComponentSchemaValidator
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "discriminator", "nullable", "readOnly", "writeOnly", "example", "examples", "xml", "externalDocs", "deprecated",
    };

    private readonly JsonSchema _root;

    private ComponentSchemaValidator(JsonSchema root) => _root = root;

    public static ComponentSchemaValidator FromSpec(string specText)
    {
        JsonNode document = JsonNode.Parse(YamlToJson.Convert(specText))!;
        var definitions = new JsonObject();
        foreach ((string name, JsonNode? schema) in document["components"]?["schemas"]?.AsObject() ?? new JsonObject())
        {
            definitions[name] = Convert(schema);
        }

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["definitions"] = definitions,
        };
        return new ComponentSchemaValidator(JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult());
    }

    /// <summary>The violations of <paramref name="json"/> against the component <paramref name="name"/>, as "path: kind".</summary>
    public IReadOnlyList<string> Validate(string name, string json)
    {
        if (!_root.Definitions.TryGetValue(name, out JsonSchema? schema))
        {
            return new[] { "#: the spec has no component " + name };
        }

        return Flatten(schema.Validate(json)).ToList();
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (ValidationError error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (string nested in child.Errors.SelectMany(e => Flatten(e.Value)))
                {
                    yield return $"{error.Path}: {error.Kind} ← {nested}";
                }
            }
            else
            {
                yield return $"{error.Path}: {error.Kind}";
            }
        }
    }

    private static JsonNode? Convert(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return node?.DeepClone();
        }

        if (schema["$ref"] is JsonValue reference)
        {
            string target = reference.GetValue<string>();
            const string prefix = "#/components/schemas/";
            return new JsonObject { ["$ref"] = target.StartsWith(prefix, StringComparison.Ordinal) ? "#/definitions/" + target.Substring(prefix.Length) : target };
        }

        var converted = new JsonObject();
        bool discriminated = schema["discriminator"] is JsonObject;
        foreach ((string key, JsonNode? value) in schema)
        {
            if (Dropped.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            switch (key)
            {
                case "properties":
                    var properties = new JsonObject();
                    foreach ((string property, JsonNode? propertySchema) in value!.AsObject())
                    {
                        properties[property] = Convert(propertySchema);
                    }

                    converted[key] = properties;
                    break;
                case "items" or "additionalProperties" or "not":
                    converted[key] = Convert(value);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    string keyword = key == "oneOf" && discriminated ? "anyOf" : key;
                    converted[keyword] = new JsonArray(value!.AsArray().Select(Convert).ToArray());
                    break;
                case "required":
                    JsonObject? declared = schema["properties"] as JsonObject;
                    JsonNode[] required = value!.AsArray()
                        .Select(item => item!.GetValue<string>())
                        .Where(property => declared?[property]?["writeOnly"]?.GetValue<bool>() != true)
                        .Select(property => (JsonNode)JsonValue.Create(property))
                        .ToArray();
                    if (required.Length > 0)
                    {
                        converted[key] = new JsonArray(required);
                    }

                    break;
                default:
                    converted[key] = value?.DeepClone();
                    break;
            }
        }

        return schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>()
            ? new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, converted) }
            : converted;
    }
}
