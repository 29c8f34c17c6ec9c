using Microsoft.CodeAnalysis;

namespace SpecClient.Generator.Diagnostics;

/// <summary>
/// Why a diagnostic that can repeat (once per schema, path, operation…) was reported, with what the summary warning
/// says about all of them and how to fix it. One spec reports one summary per cause, however often it occurs.
/// </summary>
/// <param name="Detail">The per-place diagnostic (info) this cause is reported with.</param>
/// <param name="Key">Stable, unique among all causes; kept in <see cref="DiagnosticInfo.Cause"/>.</param>
/// <param name="Summary">What the places share, written to follow a count and a noun: "853 schemas of 'x.yaml': …".</param>
/// <param name="Fix">What the user can do, in the spec or in the project.</param>
internal sealed record DiagnosticCause(DiagnosticDescriptor Detail, string Key, string Summary, string Fix);
