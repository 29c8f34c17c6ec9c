using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SpecClient.Generator.Tests.Infrastructure;

internal static class DiagnosticAssert
{
    /// <summary>Asserts one diagnostic with <paramref name="id"/> at a one-based line and column (as an editor shows them).</summary>
    public static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string id, string fileName, int line, int column)
    {
        List<Diagnostic> all = diagnostics.ToList();
        List<Diagnostic> matching = all.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {string.Join("; ", all)}");
        Diagnostic diagnostic = matching[0];
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith(fileName, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        return diagnostic;
    }
}
