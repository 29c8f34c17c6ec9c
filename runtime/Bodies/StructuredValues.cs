using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SpecClient.Runtime;

/// <summary>
/// Turns a value's JSON form into the name/value pairs of a query or a form body, by <see cref="ParameterStyle"/>.
/// Working from the JSON form means every generated type (records, lists, dictionaries, enums) is written with the
/// names and value formats its JSON already uses, without reflection.
/// </summary>
internal static class StructuredValues
{
    /// <summary>How deep objects may nest in one value: deeper is a caller's mistake, refused rather than followed.</summary>
    private const int MaxDepth = 32;

    /// <summary>Adds the pairs of <paramref name="value"/> under <paramref name="name"/>; nothing for null.</summary>
    public static void Write(string name, JsonElement value, ParameterStyle style, bool explode, List<KeyValuePair<string, string>> pairs)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object when style == ParameterStyle.DeepObject:
                WriteDeep(name, value, pairs, 0);
                return;
            case JsonValueKind.Object when explode:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    WriteDeep(property.Name, property.Value, pairs, 1);
                }

                return;
            case JsonValueKind.Object:
                var parts = new List<string>();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                    {
                        parts.Add(property.Name);
                        parts.Add(Text(property.Value));
                    }
                }

                pairs.Add(new(name, string.Join(",", parts)));
                return;
            case JsonValueKind.Array when style == ParameterStyle.DeepObject:
                WriteDeep(name, value, pairs, 0);
                return;
            case JsonValueKind.Array when explode && style == ParameterStyle.Form:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    WriteDeep(name, item, pairs, 1);
                }

                return;
            case JsonValueKind.Array:
                string separator = style switch
                {
                    ParameterStyle.SpaceDelimited => " ",
                    ParameterStyle.PipeDelimited => "|",
                    _ => ",",
                };
                var items = new List<string>();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (item.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                    {
                        items.Add(Text(item));
                    }
                }

                pairs.Add(new(name, string.Join(separator, items)));
                return;
            default:
                pairs.Add(new(name, Text(value)));
                return;
        }
    }

    /// <summary>The pairs of a form body: each top-level property by its field's encoding (nested objects as <c>deepObject</c> unless it says otherwise).</summary>
    public static List<KeyValuePair<string, string>> Fields(JsonElement body, ReadOnlySpan<FormField> encodings)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A form body must be an object (its fields are its properties); got a JSON {body.ValueKind}.", nameof(body));
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (JsonProperty property in body.EnumerateObject())
        {
            ParameterStyle style = property.Value.ValueKind == JsonValueKind.Object ? ParameterStyle.DeepObject : ParameterStyle.Form;
            bool explode = true;
            foreach (FormField encoding in encodings)
            {
                if (encoding.Name == property.Name)
                {
                    style = encoding.Style;
                    explode = encoding.Explode;
                }
            }

            Write(property.Name, property.Value, style, explode, pairs);
        }

        return pairs;
    }

    /// <summary>
    /// <c>key[a]=1&amp;key[b][c]=2</c>; a list of values repeats its key (<c>key[tags]=x&amp;key[tags]=y</c>), a list of
    /// objects numbers them (<c>key[0][a]=1</c>).
    /// </summary>
    private static void WriteDeep(string name, JsonElement value, List<KeyValuePair<string, string>> pairs, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"The value of '{name}' nests deeper than {MaxDepth} levels; it cannot be written as query or form fields.");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    WriteDeep(name + "[" + property.Name + "]", property.Value, pairs, depth + 1);
                }

                return;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    WriteDeep(item.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : name, item, pairs, depth + 1);
                    index++;
                }

                return;
            default:
                pairs.Add(new(name, Text(value)));
                return;
        }
    }

    /// <summary>A scalar as text (a string without quotes, a number as written, true/false); anything else as JSON.</summary>
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
