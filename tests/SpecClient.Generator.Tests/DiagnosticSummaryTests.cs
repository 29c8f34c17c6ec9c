using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecClient.Generator.Tests;

/// <summary>
/// A problem repeated across a spec is one warning per cause (count, first places, fix) and one info per place, so
/// a vendor's spec with hundreds of union schemas cannot bury the warning that matters in its user's build.
/// </summary>
public sealed class DiagnosticSummaryTests
{
    private const string FileName = "repeated-problems.yaml";

    private readonly ITestOutputHelper _output;

    public DiagnosticSummaryTests(ITestOutputHelper output) => _output = output;

    private static SpecInput Spec() => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, FileName), "Consumer.Repeated", "RepeatedClient");

    private static IReadOnlyList<Diagnostic> Diagnostics(SpecInput spec)
    {
        GeneratorRunResult result = new GeneratorHarness().Run(spec).Results.Single();
        Assert.Null(result.Exception);
        return result.Diagnostics;
    }

    [Fact]
    public void ManyPlacesWithFiveCausesGiveFiveWarnings()
    {
        IReadOnlyList<Diagnostic> diagnostics = Diagnostics(Spec());

        string[] warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).ToArray();
        Assert.Equal(new[] { "SCG1003", "SCG1005", "SCG1007", "SCG1011", "SCG1015" }, warnings.OrderBy(id => id));
        Assert.Equal(5, diagnostics.Count(d => d.Id == "SCG0003"));
        Assert.Equal(10, diagnostics.Count(d => d.Id == "SCG0005"));
        Assert.Equal(5, diagnostics.Count(d => d.Id == "SCG0007"));
        Assert.Equal(5, diagnostics.Count(d => d.Id == "SCG0011"));
        Assert.Equal(5, diagnostics.Count(d => d.Id == "SCG0015"));
        Assert.All(diagnostics.Where(d => !d.Id.StartsWith("SCG1", System.StringComparison.Ordinal)), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [Fact]
    public void EachPlaceKeepsItsLineAndColumnAsInfo()
    {
        IReadOnlyList<Diagnostic> diagnostics = Diagnostics(Spec());

        List<Diagnostic> patterns = diagnostics.Where(d => d.Id == "SCG0011").ToList();
        Assert.All(patterns, d => Assert.EndsWith(FileName, d.Location.GetLineSpan().Path));
        Assert.Equal(5, patterns.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).Distinct().Count());
        Diagnostic first = patterns[0];
        Assert.Equal((18, 22), (first.Location.GetLineSpan().StartLinePosition.Line + 1, first.Location.GetLineSpan().StartLinePosition.Character + 1));
    }

    [Fact]
    public void SummaryGivesTheCountTheFirstPlacesAndTheFix()
    {
        IReadOnlyList<Diagnostic> diagnostics = Diagnostics(Spec());

        Diagnostic unions = diagnostics.Single(d => d.Id == "SCG1005");
        string message = unions.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("10 schemas of 'repeated-problems.yaml': oneOf/anyOf of several variants", message);
        Assert.Contains("('Size1', 'Location1', 'Size2' and 7 more)", message);
        Assert.Contains("Unions=\"true\"", message);
        Assert.Contains("Info SCG0005 marks each", message);

        // The summary points at the first place, so a click in the build output lands in the spec.
        Diagnostic firstUnion = diagnostics.First(d => d.Id == "SCG0005");
        Assert.Equal(firstUnion.Location.GetLineSpan(), unions.Location.GetLineSpan());
        DiagnosticAssert.Single(diagnostics, "SCG1005", FileName, 232, 7);
        _output.WriteLine(unions.ToString());

        string references = diagnostics.Single(d => d.Id == "SCG1003").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("5 references of 'repeated-problems.yaml': $refs to other files", references);
        Assert.Contains("bundle", references);
    }

    [Fact]
    public void SummariesAreTheSameOnEveryRun()
    {
        string[] first = Diagnostics(Spec()).Select(d => d.ToString()).ToArray();
        string[] second = Diagnostics(Spec()).Select(d => d.ToString()).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void UnionsTurnedOnLeaveNoUnionSummary()
    {
        IReadOnlyList<Diagnostic> diagnostics = Diagnostics(Spec() with { Unions = true });

        Assert.DoesNotContain(diagnostics, d => d.Id is "SCG1005" or "SCG0005");
        Assert.Equal(4, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
    }

    [Fact]
    public void OnePlaceGivesOneSummaryInTheSingular()
    {
        SpecInput spec = SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "broken-refs.yaml"), "Consumer.Api", "ApiClient");

        IReadOnlyList<Diagnostic> diagnostics = Diagnostics(spec);

        Diagnostic summary = DiagnosticAssert.Single(diagnostics, "SCG1005", "broken-refs.yaml", 62, 11);
        Assert.Equal(DiagnosticSeverity.Warning, summary.Severity);
        Assert.StartsWith("1 schema of 'broken-refs.yaml'", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        string place = diagnostics.Single(d => d.Id == "SCG0005").GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1];
        Assert.Contains("('" + place + "')", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("more", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
