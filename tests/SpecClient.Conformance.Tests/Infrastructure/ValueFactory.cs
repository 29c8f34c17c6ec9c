using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpecClient.Conformance.Tests.Infrastructure;

/// <summary>
/// Builds JSON values a spec accepts in a request: the spec's own examples first (when they satisfy the schema's
/// enum and pattern), then defaults and enums, else a value made from the schema (Fare for patterns).
/// </summary>
internal sealed class ValueFactory
{
    private const int MaxDepth = 10;

    /// <summary>Shapes Fare cannot produce (lookaheads, alternations of addresses), tried first against a pattern.</summary>
    private static readonly string[] s_commonShapes =
    {
        "192.0.2.1", "192.0.2.0/24", "2001:db8:0:0:0:0:0:1", "cluster0.example.com:27017", "7.0.12", "32b6e34b3d91647abb20e7b8",
    };
    private readonly SpecDocument _spec;
    private readonly bool _useExamples;

    public ValueFactory(SpecDocument spec, bool useExamples = true)
    {
        _spec = spec;
        _useExamples = useExamples;
    }

    /// <summary>A value for a parameter: its example(s), then its schema's.</summary>
    public JsonNode? ForParameter(JsonObject parameter)
    {
        JsonObject schema = _spec.Resolve(parameter["schema"]) as JsonObject ?? new JsonObject();
        foreach (JsonNode? candidate in Examples(parameter))
        {
            if (Accepts(schema, candidate))
            {
                return candidate!.DeepClone();
            }
        }

        return ForSchema(schema, 0);
    }

    /// <summary>A request body for one media type's entry: its example(s), then one made from its schema.</summary>
    public JsonNode? ForMediaType(JsonObject mediaType)
    {
        foreach (JsonNode? candidate in _useExamples ? Examples(mediaType) : Enumerable.Empty<JsonNode?>())
        {
            if (candidate is not null)
            {
                return candidate.DeepClone();
            }
        }

        return ForSchema(_spec.Resolve(mediaType["schema"]) as JsonObject ?? new JsonObject(), 0);
    }

    private IEnumerable<JsonNode?> Examples(JsonObject holder)
    {
        if (holder.ContainsKey("example"))
        {
            yield return holder["example"];
        }

        if (holder["examples"] is JsonObject examples)
        {
            foreach ((string _, JsonNode? example) in examples)
            {
                if (_spec.Resolve(example) is JsonObject e && e.ContainsKey("value"))
                {
                    yield return e["value"];
                }
            }
        }
    }

    public JsonNode? ForSchema(JsonObject schema, int depth)
    {
        schema = _spec.Resolve(schema) as JsonObject ?? new JsonObject();
        if (_useExamples && schema.ContainsKey("example") && schema["example"] is not null && Accepts(schema, schema["example"]) && !HasComposition(schema))
        {
            return schema["example"]!.DeepClone();
        }

        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is JsonNode first)
        {
            return first.DeepClone();
        }

        if (schema.ContainsKey("default") && schema["default"] is not null && Accepts(schema, schema["default"]))
        {
            return schema["default"]!.DeepClone();
        }

        if (schema["oneOf"] is JsonArray || schema["anyOf"] is JsonArray)
        {
            return ForVariant(schema, depth);
        }

        if (schema["allOf"] is JsonArray || schema["properties"] is JsonObject || Type(schema) == "object")
        {
            // A base with a discriminator mapping (its subtypes allOf it back): build the first subtype.
            if (schema["discriminator"] is JsonObject { } discriminator && discriminator["propertyName"] is JsonValue property
                && discriminator["mapping"] is JsonObject mapping && mapping.FirstOrDefault() is { Key: { } key, Value: JsonValue target } && depth < MaxDepth)
            {
                JsonObject? subtype = _spec.Pointer(target.GetValue<string>()) as JsonObject;
                JsonNode? made = ReferenceEquals(subtype, schema) || subtype is null ? ForObject(schema, depth) : ForSchema(subtype, depth + 1);
                if (made is JsonObject o)
                {
                    o[property.GetValue<string>()] = key;
                }

                return made;
            }

            return ForObject(schema, depth);
        }

        return Type(schema) switch
        {
            "array" => ForArray(schema, depth),
            "integer" => JsonNode.Parse(((long)Number(schema, integer: true)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "number" => JsonNode.Parse(Number(schema, integer: false).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create(ForString(schema)),
        };
    }

    private static bool HasComposition(JsonObject schema) => schema["allOf"] is JsonArray || schema["oneOf"] is JsonArray || schema["anyOf"] is JsonArray;

    private static string? Type(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private JsonNode? ForVariant(JsonObject schema, int depth)
    {
        var variants = ((schema["oneOf"] ?? schema["anyOf"]) as JsonArray)!;
        if (schema["discriminator"] is JsonObject discriminator && discriminator["propertyName"] is JsonValue property)
        {
            if (discriminator["mapping"] is JsonObject mapping && mapping.FirstOrDefault() is { Value: JsonValue target } entry)
            {
                JsonNode? value = ForSchema(_spec.Pointer(target.GetValue<string>()) as JsonObject ?? new JsonObject(), depth);
                if (value is JsonObject o)
                {
                    o[property.GetValue<string>()] = entry.Key;
                }

                return value;
            }
        }

        JsonObject? first = variants.Select(v => _spec.Resolve(v) as JsonObject).FirstOrDefault(v => v is not null && Type(v) != "null");
        JsonNode? made = ForSchema(first ?? new JsonObject(), depth);
        if (made is JsonObject obj && schema["properties"] is JsonObject)
        {
            // Properties beside the oneOf belong to the object too.
            if (ForObject(schema, depth) is JsonObject extra)
            {
                foreach ((string key, JsonNode? value) in extra.ToList())
                {
                    extra.Remove(key);
                    obj.TryAdd(key, value);
                }
            }
        }

        return made;
    }

    private JsonObject ForObject(JsonObject schema, int depth)
    {
        var properties = new Dictionary<string, JsonObject>();
        var required = new HashSet<string>();
        JsonObject? additional = null;
        Collect(schema, properties, required, ref additional, 0);

        var result = new JsonObject();
        foreach ((string name, JsonObject property) in properties)
        {
            JsonObject resolved = _spec.Resolve(property) as JsonObject ?? property;
            bool readOnly = property["readOnly"]?.GetValue<bool>() == true || resolved["readOnly"]?.GetValue<bool>() == true;
            if (readOnly || (!required.Contains(name) && depth >= 3) || depth >= MaxDepth)
            {
                continue;
            }

            result[name] = ForSchema(property, depth + 1);
        }

        if (result.Count == 0 && additional is not null && depth < MaxDepth)
        {
            result["key"] = ForSchema(additional, depth + 1);
        }

        return result;
    }

    private void Collect(JsonObject schema, Dictionary<string, JsonObject> properties, HashSet<string> required, ref JsonObject? additional, int depth)
    {
        schema = _spec.Resolve(schema) as JsonObject ?? schema;
        if (depth > MaxDepth)
        {
            return;
        }

        if (schema["allOf"] is JsonArray parts)
        {
            foreach (JsonNode? part in parts)
            {
                if (part is JsonObject p)
                {
                    Collect(p, properties, required, ref additional, depth + 1);
                }
            }
        }

        if (schema["properties"] is JsonObject own)
        {
            foreach ((string name, JsonNode? property) in own)
            {
                if (property is JsonObject p)
                {
                    properties[name] = p;
                }
            }
        }

        if (schema["required"] is JsonArray names)
        {
            foreach (JsonNode? name in names)
            {
                required.Add(name!.GetValue<string>());
            }
        }

        if (schema["additionalProperties"] is JsonObject extra)
        {
            additional = extra;
        }
    }

    private JsonNode ForArray(JsonObject schema, int depth)
    {
        var array = new JsonArray();
        if (schema["items"] is JsonObject items && depth < MaxDepth)
        {
            array.Add(ForSchema(items, depth + 1));
        }

        return array;
    }

    private static double Number(JsonObject schema, bool integer)
    {
        double? minimum = schema["minimum"]?.GetValue<double>();
        double? maximum = schema["maximum"]?.GetValue<double>();
        double value = minimum ?? Math.Min(1, maximum ?? 1);
        if (schema["exclusiveMinimum"] is JsonValue exclusive && (exclusive.TryGetValue(out bool flag) ? flag : true) && minimum is not null)
        {
            value += integer ? 1 : 0.5;
        }

        return value;
    }

    private static string ForString(JsonObject schema)
    {
        int minLength = schema["minLength"]?.GetValue<int>() ?? 0;
        int maxLength = schema["maxLength"]?.GetValue<int>() ?? int.MaxValue;
        string value = schema["format"]?.GetValue<string>() switch
        {
            "date-time" => "2024-05-30T12:00:00Z",
            "date" => "2024-05-30",
            "email" => "ada@example.com",
            "uri" or "url" => "https://example.com/",
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "int64" or "int32" => "1",
            _ => "specclient",
        };
        if (schema["pattern"] is JsonValue pattern && !Matches(pattern.GetValue<string>(), value))
        {
            value = s_commonShapes.FirstOrDefault(c => Matches(pattern.GetValue<string>(), c)) ?? FromPattern(pattern.GetValue<string>(), minLength, maxLength) ?? value;
        }

        if (value.Length < minLength)
        {
            value = value.PadRight(minLength, 'a');
        }

        return value.Length > maxLength ? value.Substring(0, maxLength) : value;
    }

    /// <summary>A string matching the pattern: Fare's automaton, then checked with .NET's regex (ECMAScript-like).</summary>
    private static string? FromPattern(string pattern, int minLength, int maxLength)
    {
        string simplified = pattern.Trim('^', '$').Replace(@"\d", "[0-9]", StringComparison.Ordinal).Replace(@"\w", "[a-zA-Z0-9_]", StringComparison.Ordinal)
            .Replace(@"\p{L}", "a-zA-Z", StringComparison.Ordinal).Replace(@"\p{N}", "0-9", StringComparison.Ordinal).Replace("(?:", "(", StringComparison.Ordinal);
        for (int seed = 0; seed < 20; seed++)
        {
            try
            {
                string candidate = new Fare.Xeger(simplified, new Random(seed)).Generate();
                if (Matches(pattern, candidate) && candidate.Length >= minLength && candidate.Length <= maxLength && !candidate.Contains('/', StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException)
            {
                return null;
            }
        }

        return null;
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Whether an example fits the schema's enum and pattern (the spec's examples are sometimes stale).</summary>
    private bool Accepts(JsonObject schema, JsonNode? value)
    {
        schema = _spec.Resolve(schema) as JsonObject ?? schema;
        if (value is null)
        {
            return false;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            return false;
        }

        string? type = Type(schema);
        if ((type == "array" && value is not JsonArray) || (type == "object" && value is not JsonObject) || (type is "string" or "integer" or "number" or "boolean" && value is not JsonValue))
        {
            return false;
        }

        if (value is JsonValue scalar && scalar.TryGetValue(out string? text))
        {
            if (type is "integer" or "number" or "boolean" or "object" or "array")
            {
                return false;
            }

            if (schema["pattern"] is JsonValue pattern && !Matches(pattern.GetValue<string>(), text))
            {
                return false;
            }

            if (text.Length < (schema["minLength"]?.GetValue<int>() ?? 0) || text.Length > (schema["maxLength"]?.GetValue<int>() ?? int.MaxValue))
            {
                return false;
            }
        }
        else if (type == "string")
        {
            return false;
        }

        return true;
    }
}
