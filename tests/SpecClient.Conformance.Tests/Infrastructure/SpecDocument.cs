using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Conformance.Tests.Infrastructure;

/// <summary>An OpenAPI document read on the test side, independently of the generator: YAML as a JSON tree.</summary>
internal sealed class SpecDocument
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "patch" };

    private SpecDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public static SpecDocument Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        return new SpecDocument((JsonObject)ToJson(yaml.Documents[0].RootNode)!);
    }

    /// <summary>Follows <c>$ref</c>s (local ones) until a node that is not a reference.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        for (int hops = 0; hops < 32 && node is JsonObject o && o["$ref"] is JsonValue reference; hops++)
        {
            node = Pointer(reference.GetValue<string>());
        }

        return node;
    }

    public JsonNode? Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = Root;
        foreach (string raw in reference.Substring(2).Split('/'))
        {
            string key = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject o ? o[key] : null;
        }

        return node;
    }

    public IEnumerable<SpecOperation> Operations()
    {
        if (Root["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach ((string path, JsonNode? item) in paths)
        {
            if (Resolve(item) is not JsonObject pathItem)
            {
                continue;
            }

            foreach (string method in s_methods)
            {
                if (pathItem[method] is not JsonObject operation || operation["operationId"] is not JsonValue id)
                {
                    continue;
                }

                var parameters = new Dictionary<(string Name, string In), JsonObject>();
                foreach (JsonNode? parameter in (pathItem["parameters"] as JsonArray ?? new JsonArray()).Concat(operation["parameters"] as JsonArray ?? new JsonArray()))
                {
                    if (Resolve(parameter) is JsonObject p && p["name"] is JsonValue name && p["in"] is JsonValue location)
                    {
                        parameters[(name.GetValue<string>(), location.GetValue<string>())] = p;
                    }
                }

                yield return new SpecOperation(id.GetValue<string>(), method, path, parameters.Values.ToList(), Resolve(operation["requestBody"]) as JsonObject);
            }
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? "";
        if (scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        // Numbers stay JSON text, so they read as int, long or double alike.
        if (Regex.IsMatch(value, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"))
        {
            return JsonNode.Parse(value);
        }

        return JsonValue.Create(value);
    }
}

/// <summary>One operation as the spec states it: the parameters (path-level ones merged in) and the request body.</summary>
internal sealed record SpecOperation(string OperationId, string Method, string Path, IReadOnlyList<JsonObject> Parameters, JsonObject? RequestBody);
