using System;
using System.Globalization;
using System.Text.RegularExpressions;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

// Validation: the constraints a parameter is checked against before a request is sent.
internal sealed partial class OperationReader
{
    private ValidationSpec? ReadValidation(MappingNode? schema, string owner)
    {
        if (schema is null)
        {
            return null;
        }

        string? pattern = schema.GetString("pattern");
        SimplePattern? simple = pattern is null ? null : SimplePattern.TryParse(pattern);

        // A simple pattern is valid by construction; only the others need the regex engine to check them.
        if (pattern is not null && simple is null && pattern.Length > MaxPatternLength)
        {
            // Building a regex is superlinear in its length (300,000 characters take over 40 s): inside the compiler
            // that is a hang, and no real constraint needs a pattern this long.
            _context.Report(DiagnosticDescriptors.InvalidPattern, schema["pattern"], Abbreviate(pattern), owner, "it is longer than " + MaxPatternLength.ToString("N0", CultureInfo.InvariantCulture) + " characters");
            pattern = null;
        }
        else if (pattern is not null && simple is null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException exception)
            {
                _context.Report(DiagnosticDescriptors.InvalidPattern, schema["pattern"], Abbreviate(pattern), owner, "it is not a valid .NET regular expression (" + exception.Message + ")");
                pattern = null;
            }
        }

        (string? minimum, bool exclusiveMinimum) = Bound(schema, "minimum", "exclusiveMinimum", lower: true);
        (string? maximum, bool exclusiveMaximum) = Bound(schema, "maximum", "exclusiveMaximum", lower: false);
        var validation = new ValidationSpec(
            pattern,
            schema.GetInt32("minLength"),
            schema.GetInt32("maxLength"),
            minimum,
            maximum,
            simple?.Characters,
            simple?.MinLength ?? 0,
            simple?.MaxLength,
            ExclusiveMinimum: exclusiveMinimum,
            ExclusiveMaximum: exclusiveMaximum);
        return validation == new ValidationSpec(null, null, null, null, null) ? null : validation;
    }

    private static string Abbreviate(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "…";

    /// <summary>
    /// A lower or upper bound and whether it excludes itself. OpenAPI 3.0 writes <c>exclusiveMinimum: true</c> beside
    /// <c>minimum</c>; 3.1 (JSON Schema 2020-12) writes the bound itself, <c>exclusiveMinimum: 0</c>. When a spec
    /// gives both an inclusive and an exclusive number, the stricter one holds.
    /// </summary>
    private static (string? Bound, bool Exclusive) Bound(MappingNode schema, string inclusiveKey, string exclusiveKey, bool lower)
    {
        string? inclusive = NumberOrNull(schema, inclusiveKey);
        if (schema[exclusiveKey] is not ScalarNode { IsPlain: true } exclusive)
        {
            return (inclusive, false);
        }

        if (exclusive.Value is "true" or "false")
        {
            return (inclusive, inclusive is not null && exclusive.Value == "true");
        }

        if (NumberOrNull(schema, exclusiveKey) is not string exclusiveBound)
        {
            return (inclusive, false);
        }

        if (inclusive is null)
        {
            return (exclusiveBound, true);
        }

        decimal inclusiveValue = decimal.Parse(inclusive, NumberStyles.Float, CultureInfo.InvariantCulture);
        decimal exclusiveValue = decimal.Parse(exclusiveBound, NumberStyles.Float, CultureInfo.InvariantCulture);
        bool exclusiveIsStricter = lower ? exclusiveValue >= inclusiveValue : exclusiveValue <= inclusiveValue;
        return exclusiveIsStricter ? (exclusiveBound, true) : (inclusive, false);
    }

    private static string? NumberOrNull(MappingNode schema, string key)
        => schema[key] is ScalarNode { IsPlain: true } scalar
            && decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : null;
}
