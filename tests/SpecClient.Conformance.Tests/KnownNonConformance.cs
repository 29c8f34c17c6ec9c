using System;
using System.Collections.Generic;

namespace SpecClient.Conformance.Tests;

/// <summary>
/// Operations that do not conform for a reason outside SpecClient (Prism or the spec is wrong), each with the argument.
/// Kept honest both ways: an operation not listed that fails, or a listed one that passes, fails the suite.
/// </summary>
internal static class KnownNonConformance
{
    /// <summary>(spec, mode or "*", operationId) → why.</summary>
    private static readonly Dictionary<(string Spec, string Mode, string OperationId), string> s_entries = new()
    {
    };

    public static bool Allows(string spec, string mode, string operationId)
        => s_entries.ContainsKey((spec, mode, operationId)) || s_entries.ContainsKey((spec, "*", operationId));

    public static IReadOnlyDictionary<(string Spec, string Mode, string OperationId), string> Entries => s_entries;
}
