using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Diagnostics;

/// <summary>
/// Turns the diagnostics that can repeat per schema, path or operation into one warning per spec and cause. A vendor's
/// spec can hold hundreds of places with one problem (Stripe's: 853 union schemas) that its user cannot fix; a build
/// listing each would hide the warning that matters. So each place is reported as info (the IDE shows it at its
/// line, the build does not), and one warning per cause gives the count, the first places and the fix.
/// </summary>
internal static class DiagnosticSummaries
{
    /// <summary>How many places a summary names before "and N more".</summary>
    public const int PlacesNamed = 3;

    private static readonly Dictionary<string, DiagnosticCause> s_causes = DiagnosticCauses.All.ToDictionary(cause => cause.Key, StringComparer.Ordinal);

    // Per repeatable id: its summary, the noun for its places, and which message argument names a place.
    private static readonly Dictionary<string, (DiagnosticDescriptor Summary, string One, string Many, Func<DiagnosticInfo, string> Place)> s_repeatable = new(StringComparer.Ordinal)
    {
        ["SCG0003"] = (DiagnosticDescriptors.UnresolvedReferenceSummary, "reference", "references", static d => Argument(d, 0)),
        ["SCG0004"] = (DiagnosticDescriptors.DuplicateOperationIdSummary, "operation", "operations", static d => Argument(d, 1)),
        ["SCG0005"] = (DiagnosticDescriptors.UnsupportedSchemaSummary, "schema", "schemas", static d => Argument(d, 0)),
        ["SCG0007"] = (DiagnosticDescriptors.UnsupportedParameterSummary, "parameter", "parameters", static d => Argument(d, 1) + "." + Argument(d, 0)),
        ["SCG0008"] = (DiagnosticDescriptors.InvalidOperationSummary, "operation", "operations", static d => Argument(d, 0)),
        ["SCG0009"] = (DiagnosticDescriptors.NoMediaTypeForApiVersionSummary, "operation", "operations", static d => Argument(d, 0)),
        ["SCG0011"] = (DiagnosticDescriptors.InvalidPatternSummary, "pattern", "patterns", static d => Argument(d, 1)),
        ["SCG0015"] = (DiagnosticDescriptors.DuplicatePathSignatureSummary, "path", "paths", static d => Argument(d, 0)),
        ["SCG0019"] = (DiagnosticDescriptors.UndeclaredPathParameterSummary, "operation", "operations", static d => Argument(d, 1)),
    };

    /// <summary>Whether <paramref name="id"/> is reported once per place and summed up per cause.</summary>
    public static bool IsRepeatable(string id) => s_repeatable.ContainsKey(id);

    /// <summary>The summary id of a repeatable id (SCG0005 → SCG1005); null for the others.</summary>
    public static string? SummaryIdOf(string id) => s_repeatable.TryGetValue(id, out var repeatable) ? repeatable.Summary.Id : null;

    /// <summary>
    /// The diagnostics of one spec followed by one summary per cause found, in the order each cause was first
    /// reported (so the result is as deterministic as the parse). Each summary points at its cause's first place.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> AddSummaries(string fileName, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        var groups = new List<(DiagnosticCause Cause, List<DiagnosticInfo> Places)>();
        var byCause = new Dictionary<string, List<DiagnosticInfo>>(StringComparer.Ordinal);
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            if (!s_repeatable.ContainsKey(diagnostic.Id) || CauseOf(diagnostic) is not DiagnosticCause cause)
            {
                continue;
            }

            if (!byCause.TryGetValue(cause.Key, out List<DiagnosticInfo>? places))
            {
                places = new List<DiagnosticInfo>();
                byCause.Add(cause.Key, places);
                groups.Add((cause, places));
            }

            places.Add(diagnostic);
        }

        if (groups.Count == 0)
        {
            return diagnostics.ToEquatableArray();
        }

        var result = new List<DiagnosticInfo>(diagnostics.Count + groups.Count);
        result.AddRange(diagnostics);
        foreach ((DiagnosticCause cause, List<DiagnosticInfo> places) in groups)
        {
            result.Add(Summarize(fileName, cause, places));
        }

        return result.ToEquatableArray();
    }

    private static DiagnosticInfo Summarize(string fileName, DiagnosticCause cause, List<DiagnosticInfo> places)
    {
        var repeatable = s_repeatable[cause.Detail.Id];
        string count = places.Count.ToString("N0", CultureInfo.InvariantCulture) + " " + (places.Count == 1 ? repeatable.One : repeatable.Many);

        // Distinct names: one schema can be reported at two places (a property and the component it refers to).
        List<string> names = places.Select(repeatable.Place).Distinct(StringComparer.Ordinal).ToList();
        string named = string.Join(", ", names.Take(PlacesNamed).Select(name => "'" + name + "'"));
        if (names.Count > PlacesNamed)
        {
            named += " and " + (names.Count - PlacesNamed).ToString("N0", CultureInfo.InvariantCulture) + " more";
        }

        return DiagnosticInfo.Create(repeatable.Summary, places[0].Location, count, fileName, cause.Summary, named, cause.Fix, cause.Detail.Id);
    }

    private static DiagnosticCause? CauseOf(DiagnosticInfo diagnostic)
        => diagnostic.Cause is string key && s_causes.TryGetValue(key, out DiagnosticCause? cause) ? cause : DiagnosticCauses.DefaultFor(diagnostic.Id);

    private static string Argument(DiagnosticInfo diagnostic, int index)
        => index < diagnostic.MessageArgs.Count ? diagnostic.MessageArgs[index] : string.Empty;
}
