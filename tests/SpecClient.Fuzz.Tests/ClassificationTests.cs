using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SpecClient.Fuzz;
using Xunit;

namespace SpecClient.Fuzz.Tests;

/// <summary>How a finished run is classified, and that a dying or stuck worker is recorded, never fatal.</summary>
public sealed class ClassificationTests
{
    // Stand-ins for what the generator and the compiler report; not an analyzer's own rules.
#pragma warning disable RS1029, RS2008
    private static readonly DiagnosticDescriptor ScgError = new("SCG0001", "t", "not YAML", "SpecClient", DiagnosticSeverity.Error, true);
    private static readonly DiagnosticDescriptor ScgWarning = new("SCG0003", "t", "dangling", "SpecClient", DiagnosticSeverity.Warning, true);
    private static readonly DiagnosticDescriptor ScgInternal = new("SCG0010", "t", "boom", "SpecClient", DiagnosticSeverity.Error, true);
    private static readonly DiagnosticDescriptor GeneratorFailed = new("CS8785", "t", "Generator failed", "Compiler", DiagnosticSeverity.Warning, true);
    private static readonly DiagnosticDescriptor CompileError = new("CS0102", "t", "duplicate", "Compiler", DiagnosticSeverity.Error, true);
    private static readonly DiagnosticDescriptor CompileWarning = new("CS1591", "t", "missing doc", "Compiler", DiagnosticSeverity.Warning, true);
#pragma warning restore RS1029, RS2008

    private static Diagnostic D(DiagnosticDescriptor descriptor) => Diagnostic.Create(descriptor, Location.None);

    [Fact]
    public void ClassifiesByTheFirstFailingRule()
    {
        var none = Array.Empty<Diagnostic>();

        Assert.Equal(CaseClass.Internal, CaseRunner.Classify(null, new[] { D(ScgInternal) }, none, none).Class);
        Assert.Equal(CaseClass.Internal, CaseRunner.Classify(null, new[] { D(GeneratorFailed) }, none, none).Class);
        Assert.Equal(CaseClass.Internal, CaseRunner.Classify(new InvalidOperationException(), none, none, none).Class);
        Assert.Equal(CaseClass.BadOutput, CaseRunner.Classify(null, new[] { D(ScgWarning) }, new[] { D(CompileError) }, none).Class);
        Assert.Equal(CaseClass.Ok, CaseRunner.Classify(null, new[] { D(ScgError) }, new[] { D(CompileError) }, none).Class);
        Assert.Equal(CaseClass.Warning, CaseRunner.Classify(null, new[] { D(ScgWarning) }, none, new[] { D(CompileWarning) }).Class);
        Assert.Equal(CaseClass.Ok, CaseRunner.Classify(null, new[] { D(ScgWarning) }, none, none).Class);
        Assert.Equal("BAD-OUTPUT CS0102", CaseRunner.Classify(null, none, new[] { D(CompileError), D(CompileError) }, none).Signature);
    }

    [Fact]
    public void UnmutatedBundledSpecIsOk()
    {
        var corpus = Corpus.Load(Corpus.FindRoot(AppContext.BaseDirectory));
        SeedSpec seed = corpus.Small[3];
        var fuzzCase = new FuzzCase(new CaseId(CorpusKind.Bundled, 0, 0), new[] { new FuzzSpec("/fuzz/a.yaml", System.Text.Encoding.UTF8.GetBytes(seed.Text), seed.Namespace, seed.ClientName, seed.ApiVersion, null, null) }, Array.Empty<string>());

        CaseResult result = CaseRunner.Run(fuzzCase, 0, TimeSpan.FromMinutes(2)).Result;

        Assert.True(result.Class == CaseClass.Ok, string.Join("\n", result.CompileDiagnostics.Concat(result.GeneratorDiagnostics)));
        Assert.True(result.GeneratedFiles > 0);
    }

    [Fact]
    public async Task CrashingAndHangingWorkersAreRecordedAndTheCampaignGoesOn()
    {
        string root = Corpus.FindRoot(AppContext.BaseDirectory);
        var options = new CampaignOptions
        {
            Root = root,
            Corpus = CorpusKind.Bundled,
            Seed = 9000,
            Cases = 5,
            Workers = 2,
            Deadline = TimeSpan.FromSeconds(15),
            ProgressEvery = 1,
            Hooks = new Dictionary<string, string> { ["bundled-9000-1"] = "crash", ["bundled-9000-3"] = "hang" },
        };
        var progress = new System.IO.StringWriter();

        CampaignReport report = await Campaign.RunAsync(options, progress);

        Assert.Equal(5, report.Results.Count);
        CaseResult crashed = report.Results.Single(r => r.Id == "bundled-9000-1");
        Assert.Equal(CaseClass.Crash, crashed.Class);
        Assert.Contains("Stack overflow", crashed.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(crashed.Mutations);
        Assert.Equal(CaseClass.Hang, report.Results.Single(r => r.Id == "bundled-9000-3").Class);
        Assert.Equal(5, progress.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
