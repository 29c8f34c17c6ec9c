using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>OpenAPI constructs seen at scale, each on a small spec.</summary>
public sealed class SpecFeatureTests
{
    private static SpecInput Spec(string fileName, string? apiVersion = null)
        => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, fileName), "Consumer.Api", "ApiClient", apiVersion);

    [Theory]
    [InlineData("2023-06-01", "application/vnd.example.2023-01-01+json", "WidgetV1")]
    [InlineData("2024-05-30", "application/vnd.example.2024-05-30+json", "WidgetV2")]
    [InlineData("2026-01-01", "application/vnd.example.2025-03-12+json", "WidgetV3")]
    [InlineData(null, "application/vnd.example.2025-03-12+json", "WidgetV3")]
    public void NewestMediaTypeNotLaterThanApiVersionIsChosenWithItsSchema(string? apiVersion, string mediaType, string model)
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(Spec("versioned.yaml", apiVersion));

        Assert.Contains("uri.ToStringAndClear(), \"" + mediaType + "\");", Source(run, ".Clients.g.cs"));
        Assert.Contains("Task<" + model + "> GetWidgetAsync(", Source(run, ".Clients.g.cs"));
    }

    [Fact]
    public void ApiVersionBeforeEveryMediaTypeWarnsAndUsesTheOldest()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(Spec("versioned.yaml", "2022-01-01"));

        Diagnostic warning = Assert.Single(run.Diagnostics, d => d.Id == "SCG0009");
        Assert.Contains("getWidget", warning.GetMessage());
        Assert.Contains("uri.ToStringAndClear(), \"application/vnd.example.2023-01-01+json\");", Source(run, ".Clients.g.cs"));
    }

    [Fact]
    public void PathsDifferingOnlyInParameterNamesAreReported()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(Spec("versioned.yaml"));

        Diagnostic diagnostic = DiagnosticAssert.Single(run.Diagnostics, "SCG0015", "versioned.yaml", 27, 3);
        Assert.Contains("/api/widgets/{widgetId}", diagnostic.GetMessage());
        Assert.Contains("DeleteWidgetByNameAsync", Source(run, ".Clients.g.cs"));
    }

    [Fact]
    public void OpenApi31TypeArraysNullAndConstGenerateCompilableCode()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec("openapi31.yaml"));

        Assert.Empty(run.Diagnostics);
        string models = Source(run, ".Models.g.cs");
        Assert.Contains("public partial record Shape\n", models);
        Assert.Contains("public string? Label { get; set; }", models);
        Assert.Contains("public long? Layer { get; set; }", models);
        Assert.Contains("public Shape? Parent { get; set; }", models);
        Assert.Contains("global::System.Collections.Generic.Dictionary<string, long?>? Params", models);
        Assert.Contains("public sealed partial record Circle : Shape", models);
        Assert.Contains("public required double Radius { get; set; }", models);
        Assert.Contains("public bool? Default { get; set; }", models);
        Assert.Contains("public string? SquareValue { get; set; }", models);
        Assert.DoesNotContain("Kind {", models);
        Assert.Contains("uri.AppendLiteral(\"v3/shapes\");", Source(run, ".Clients.g.cs"));
        harness.AssertOutputCompilesCleanly(run);
    }

    [Fact]
    public void TagNamedLikeTheRootClientGetsAnOperationsClass()
    {
        SpecInput spec = Spec("versioned.yaml") with { ClientName = "WidgetsClient" };

        GeneratorDriverRunResult run = new GeneratorHarness().Run(spec);

        string clients = Source(run, ".Clients.g.cs");
        Assert.Contains("public sealed partial class WidgetsClient : IWidgetsClient\n", clients);
        Assert.Contains("public sealed partial class WidgetsOperations : IWidgetsOperations\n", clients);
        Assert.Contains("public IWidgetsOperations Widgets { get; }", clients);
    }

    [Fact]
    public void ExcludeOperationsRemovesMatches()
    {
        SpecInput spec = Spec("versioned.yaml") with { ExcludeOperations = "delete*" };

        GeneratorDriverRunResult run = new GeneratorHarness().Run(spec);

        string clients = Source(run, ".Clients.g.cs");
        Assert.Contains("GetWidgetAsync", clients);
        Assert.DoesNotContain("DeleteWidgetByNameAsync", clients);
    }

    private static string Source(GeneratorDriverRunResult run, string suffix) => GeneratedSource.Of(run, suffix);
}
