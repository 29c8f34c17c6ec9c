using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SpecClient.Corpus;

/// <summary>
/// Groups diagnostics by why they were reported: the id plus the message argument that says why (for SCG0008 "its
/// request body is 'multipart/form-data', …"), with names and numbers taken out so one reason groups many specs.
/// </summary>
public static partial class DiagnosticReasons
{
    /// <summary>
    /// The diagnostic ids that drop an operation (or a whole spec), so they explain missing methods: malformed or
    /// unsupported operations, duplicate operationIds, and documents not read at all.
    /// </summary>
    public static readonly IReadOnlySet<string> DropOperations = new HashSet<string>(StringComparer.Ordinal) { "SCG0001", "SCG0002", "SCG0004", "SCG0008", "SCG0010", "SCG0012", "SCG0016" };

    /// <summary>Whether a reason drops operations: one of <see cref="DropOperations"/>, or a required parameter SpecClient cannot send (SCG0007 "…; the operation is skipped").</summary>
    public static bool DropsOperations(string reason)
    {
        int space = reason.IndexOf(' ', StringComparison.Ordinal);
        return DropOperations.Contains(space < 0 ? reason : reason.Substring(0, space)) || reason.EndsWith("the operation is skipped", StringComparison.Ordinal);
    }

    // Which message argument says why, per id (see generator/Diagnostics/DiagnosticDescriptors.cs). Ids not listed
    // group by id alone: their arguments are only names (SCG0004's operationIds, SCG0015's paths).
    private static readonly Dictionary<string, int> ReasonArgument = new(StringComparer.Ordinal)
    {
        ["SCG0001"] = 1,
        ["SCG0002"] = 1,
        ["SCG0003"] = 1,
        ["SCG0005"] = 1,
        ["SCG0007"] = 2,
        ["SCG0008"] = 1,
        ["SCG0010"] = 1,
        ["SCG0011"] = 2,
        ["SCG0013"] = 2,
        ["SCG0016"] = 1,
        ["SCG0018"] = 1,
    };

    /// <summary>The reason key of a diagnostic: <c>SCG0005 uses anyOf with N variants; it is generated as JsonElement</c>.</summary>
    public static string Reason(string id, IReadOnlyList<string> messageArgs)
    {
        if (!ReasonArgument.TryGetValue(id, out int index) || index >= messageArgs.Count)
        {
            return id;
        }

        string why = messageArgs[index];
        if (id == "SCG0013")
        {
            // The argument is the response's media type, the reason itself; parameters such as charset are not.
            int semicolon = why.IndexOf(';', StringComparison.Ordinal);
            return id + " " + (semicolon >= 0 ? why.Substring(0, semicolon) : why).Trim().ToLowerInvariant();
        }

        return id + " " + Normalize(why);
    }

    /// <summary>
    /// Takes names out of a reason: a quoted media type stays (it is the reason), other quoted text becomes '…',
    /// numbers become N, and long reasons are cut.
    /// </summary>
    public static string Normalize(string why)
    {
        string text = Quoted().Replace(why, match => MediaType().IsMatch(match.Groups[1].Value) ? match.Value : "'…'");
        text = DerivedFrom().Replace(text, "derive from …");
        text = Number().Replace(text, "N");
        text = text.Replace('\r', ' ').Replace('\n', ' ');
        return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
    }

    // type/subtype as RFC 6838 spells them (and wildcards): 'application/vnd.api+json', 'image/*'; never a path or pattern.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/(\*|[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126})$")]
    private static partial Regex MediaType();

    // SCG0005's "cannot also derive from MicrosoftGraphEntity": the base type's name, unquoted.
    [GeneratedRegex(@"derive from [A-Za-z0-9_]+")]
    private static partial Regex DerivedFrom();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b\d+\b")]
    private static partial Regex Number();
}
