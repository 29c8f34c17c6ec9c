using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Diagnostics;

/// <summary>Where in a spec file a diagnostic points: a span with its line and column (both zero-based).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>
/// A diagnostic kept as plain data, so parse results stay equatable; it becomes a Roslyn
/// <see cref="Diagnostic"/> only when reported.
/// </summary>
/// <param name="Cause">
/// For a diagnostic that can repeat per schema, path or operation: the <see cref="DiagnosticCause.Key"/> its summary
/// groups it by (<see cref="DiagnosticSummaries"/>); null for the cause its id has by default, and for the others.
/// </param>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs, string? Cause = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
        => new(descriptor.Id, location, messageArgs.ToEquatableArray());

    public static DiagnosticInfo Create(DiagnosticCause cause, LocationInfo? location, params string[] messageArgs)
        => new(cause.Detail.Id, location, messageArgs.ToEquatableArray(), cause.Key);

    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(Id);
        object[] args = new object[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
