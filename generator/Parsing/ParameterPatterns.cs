using System;
using System.Collections.Generic;
using System.Globalization;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// The patterns parameters must match, each compiled once for the whole client: APIs repeat the same few
/// (Atlas: 739 pattern checks, 13 patterns), and a static field per params class was a compile cost per field.
/// </summary>
internal sealed class ParameterPatterns
{
    private readonly string _className;
    private readonly string _qualifiedClassName;
    // Keyed by the pattern alone: its characters, when it has any, follow from it.
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly List<ParameterPatternSpec> _patterns = new();

    /// <param name="className">The class holding the patterns, claimed among the spec's type names.</param>
    /// <param name="qualifiedClassName">The same, <c>global::</c>-qualified.</param>
    public ParameterPatterns(string className, string qualifiedClassName)
    {
        _className = className;
        _qualifiedClassName = qualifiedClassName;
    }

    /// <summary>The qualified field holding <paramref name="validation"/>'s pattern, added on first use.</summary>
    /// <remarks>Numbered, not named after a parameter: one pattern serves parameters of many names.</remarks>
    public string Reference(ValidationSpec validation)
    {
        string pattern = validation.Pattern ?? throw new ArgumentException("The validation has no pattern.", nameof(validation));
        if (!_fields.TryGetValue(pattern, out string? field))
        {
            field = "Pattern" + (_patterns.Count + 1).ToString(CultureInfo.InvariantCulture);
            _fields.Add(pattern, field);
            _patterns.Add(new ParameterPatternSpec(field, pattern, validation.PatternCharacters));
        }

        return _qualifiedClassName + "." + field;
    }

    public ParameterPatternsSpec ToSpec() => new(_className, _patterns.ToEquatableArray());
}
