using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The whole Atlas Administration API (315-452 operations, 540-843 schemas per version).</summary>
public sealed class FullAtlasSpecTests
{
    public static TheoryData<string> SpecFiles() => new(FullSpecs.Files);

    [SkippableTheory]
    [MemberData(nameof(SpecFiles))]
    public void FullSpecCompilesWithoutErrorsOrWarnings(string file)
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(FullSpecs.Load(file));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(run.Diagnostics, d => Assert.True(d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile, d.ToString()));
        string clients = Source(run, ".Clients.g.cs");
        int operations = Regex.Matches(clients, @"public global::System\.Threading\.Tasks\.Task(<[^\n]*>)? \w+Async\(\w+Params parameters").Count;
        Assert.InRange(operations, 300, 460);
        harness.AssertOutputCompilesCleanly(run);
    }

    [SkippableFact]
    public void WithUnionsEveryUntaggedOneOfIsTypedAndTheClientCompilesWithoutWarnings()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml") with { Unions = true });

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SCG0005");
        string models = Source(run, ".Models.g.cs");
        Assert.Contains("public readonly partial record struct GroupAlertsConfig(global::SpecClient.Runtime.JsonUnionValue Value)", models);
        Assert.Contains("public bool TryGetHost([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HostAlertConfigViewForNdsGroup? value)", models);
        harness.AssertOutputCompilesCleanly(run);
    }

    [SkippableFact]
    public void DiscriminatedOneOfBecomesBaseRecordWithDerivedRecords()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml"));

        string models = Source(run, ".Models.g.cs");
        Assert.Contains("public partial record BaseNetworkPeeringConnectionSettings\n", models);
        Assert.Contains("public sealed partial record AwsNetworkPeeringConnectionSettings : BaseNetworkPeeringConnectionSettings\n", models);
        string context = Source(run, ".JsonContext.g.cs");
        Assert.Contains("global::SpecClient.Runtime.GeneratedJson.Variants(\"providerName\", ", context);
        Assert.Contains("new global::System.Text.Json.Serialization.Metadata.JsonDerivedType(typeof(AwsNetworkPeeringConnectionSettings), \"AWS\")", context);
    }

    [SkippableFact]
    public void FilteringKeepsTheChosenOperationsAndPrunesUnusedSchemas()
    {
        GeneratorDriverRunResult full = new GeneratorHarness().Run(FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml"));
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult filtered = harness.Run(FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml", "tag:Projects;path:/api/atlas/v2/orgs/{orgId}/invites/**;getOrganization*;noSuchOperation"));

        string clients = Source(filtered, ".Clients.g.cs");
        Assert.Contains("ListProjectsAsync(", clients);
        Assert.Contains("GetOrganizationInvitationAsync(", clients);
        Assert.DoesNotContain("ListClustersAsync(", clients);
        int operations = Regex.Matches(clients, @"\n    public [^\n]*Params parameters, global::System\.Threading\.CancellationToken").Count;
        Assert.InRange(operations, 10, 60);
        int fullModels = Regex.Matches(Source(full, ".Models.g.cs"), "partial record ").Count;
        int filteredModels = Regex.Matches(Source(filtered, ".Models.g.cs"), "partial record ").Count;
        Assert.True(filteredModels * 4 < fullModels, $"{filteredModels} of {fullModels} models kept");
        Diagnostic unused = Assert.Single(filtered.Diagnostics, d => d.Id == "SCG0014");
        Assert.Contains("noSuchOperation", unused.GetMessage());
        harness.AssertOutputCompilesCleanly(filtered);
    }

    [SkippableFact]
    public void UnrelatedEditReparsesNothingAndWhitespaceEditLeavesOutputUnchanged()
    {
        var harness = new GeneratorHarness("class Program {}", "class Other {}");
        SpecInput spec = FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml");
        harness.Run(spec);

        harness.ReplaceSource(1, "class Other { int _edited; }");
        GeneratorRunResult afterCSharpEdit = harness.Run(spec).Results.Single();
        GeneratorRunResult afterWhitespaceEdit = harness.Run(spec.WithText(spec.Text + "\n\n# trailing comment\n")).Results.Single();

        Assert.All(Outputs(afterCSharpEdit, TrackingNames.Parse), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(Outputs(afterWhitespaceEdit, TrackingNames.Model), reason => Assert.NotEqual(IncrementalStepRunReason.Modified, reason));
        Assert.All(afterWhitespaceEdit.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.NotEqual(IncrementalStepRunReason.Modified, output.Reason));
    }

    private static IEnumerable<IncrementalStepRunReason> Outputs(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason);

    private static string Source(GeneratorDriverRunResult run, string suffix) => GeneratedSource.Of(run, suffix);
}
