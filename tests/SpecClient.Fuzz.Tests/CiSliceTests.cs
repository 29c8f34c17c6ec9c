using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SpecClient.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace SpecClient.Fuzz.Tests;

/// <summary>
/// The CI slice of fuzz cases (<see cref="Program.CiSlice"/>: bundled specs and filtered full Atlas specs, fixed seed):
/// no case may CRASH, HANG, end INTERNAL, give BAD-OUTPUT or make the compiler warn (WARNING breaks builds with
/// warnings as errors). Failing cases are listed with their mutations; replay one
/// with <c>dotnet run --project tools/SpecClient.Fuzz -- --replay &lt;id&gt;</c>.
/// </summary>
public sealed class CiSliceTests
{
    private readonly ITestOutputHelper _output;

    public CiSliceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task CiSliceHasNoCrashHangInternalBadOutputOrWarning()
    {
        string root = Corpus.FindRoot(AppContext.BaseDirectory);
        string output = Path.Combine(AppContext.BaseDirectory, "fuzz-ci-slice");
        var progress = new StringWriter();

        CampaignReport report = await Campaign.RunAsync(Program.CiSlice(root) with { OutputDirectory = output }, progress);

        _output.WriteLine(progress.ToString());
        _output.WriteLine("Report: " + Path.Combine(output, "report.md"));
        Assert.Equal(Program.CiSlice(root).Cases, report.Results.Count);
        Assert.DoesNotContain(report.Results, r => r.Class == CaseClass.Skipped);
        var failures = report.Failures.Concat(report.Results.Where(r => r.Class == CaseClass.Warning)).ToList();
        foreach (CaseResult failure in failures)
        {
            _output.WriteLine(Describe(failure));
        }

        Assert.True(failures.Count == 0, failures.Count + " failing fuzz case(s):\n" + string.Join("\n", failures.Select(Describe)));
    }

    private static string Describe(CaseResult result)
        => result.Id + " " + result.Class + ": " + string.Join("; ", result.Mutations) + "\n    "
            + string.Join("\n    ", result.CompileDiagnostics.Take(3).Concat(result.GeneratorDiagnostics.Take(2)).Append((result.Detail ?? string.Empty).Split('\n')[0]));
}
