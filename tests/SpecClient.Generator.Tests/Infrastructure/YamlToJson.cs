using System;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// YAML → JSON for the oracles (Microsoft.OpenApi is fed JSON). Scalars are typed by the YAML 1.2 core schema, the
/// one OpenAPI documents are written for: only a plain scalar can be null, a boolean or a number; a quoted or block
/// scalar, or one tagged <c>!!str</c>, is always a string (so <c>version: "1"</c> stays the string "1", while
/// <c>maxLength: 10</c> is the number 10). A plain scalar that looks numeric but has no JSON form (<c>.inf</c>,
/// <c>.nan</c>) stays a string. Aliases are expanded; mapping keys are always strings.
/// </summary>
internal static partial class YamlToJson
{
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, stream.Documents[0].RootNode, depth: 0);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, int depth)
    {
        if (depth > 500)
        {
            throw new InvalidOperationException("The YAML nests deeper than 500 levels at " + node.Start);
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach ((YamlNode key, YamlNode value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? string.Empty);
                    Write(writer, value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (YamlNode item in sequence.Children)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new InvalidOperationException("Unexpected YAML node " + node.GetType().Name + " at " + node.Start);
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        bool plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        string tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
        if (!plain || tag is "tag:yaml.org,2002:str" or "!")
        {
            writer.WriteStringValue(value);
            return;
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (value is "true" or "True" or "TRUE")
        {
            writer.WriteBooleanValue(true);
        }
        else if (value is "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(false);
        }
        else if (DecimalInteger().IsMatch(value))
        {
            // Written as text: a JSON number has no size limit, and 2^63 must not turn into a double ("007" → 7).
            writer.WriteRawValue(BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), skipInputValidation: false);
        }
        else if (value.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex))
        {
            writer.WriteNumberValue(hex);
        }
        else if (value.StartsWith("0o", StringComparison.Ordinal) && IsOctal(value.AsSpan(2)))
        {
            writer.WriteNumberValue(System.Convert.ToInt64(value.Substring(2), 8));
        }
        else if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
        {
            // "1." and ".5" are YAML floats but not JSON numbers: normalise the spelling, keep the value.
            writer.WriteRawValue(JsonNumberText(value) ?? number.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: false);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static bool IsOctal(ReadOnlySpan<char> digits)
    {
        foreach (char c in digits)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }
        }

        return digits.Length > 0;
    }

    /// <summary>The YAML float as JSON text when it already is valid JSON (keeping its exact digits), else null.</summary>
    private static string? JsonNumberText(string value)
    {
        string text = value.TrimStart('+');
        return JsonNumber().IsMatch(text) ? text : null;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
