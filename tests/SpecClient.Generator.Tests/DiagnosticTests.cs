using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>A broken spec gives a located diagnostic with a stable id, the rest still generates, and nothing throws.</summary>
public sealed class DiagnosticTests
{
    private static SpecInput Spec(string fileName) => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, fileName), "Consumer.Api", "ApiClient");

    private static GeneratorRunResult Run(SpecInput spec, out GeneratorHarness harness)
    {
        harness = new GeneratorHarness();
        GeneratorRunResult result = harness.Run(spec).Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    [Fact]
    public void MalformedYamlReportsLineAndColumn()
    {
        GeneratorRunResult result = Run(Spec("not-yaml.yaml"), out _);

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0001", "not-yaml.yaml", 3, 10);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("not-yaml.yaml", diagnostic.GetMessage());
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void DocumentWithoutOpenApiFieldIsNotOpenApi3()
    {
        GeneratorRunResult result = Run(Spec("not-openapi.yaml"), out _);

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0002", "not-openapi.yaml", 1, 1);
        Assert.Contains("no 'openapi' field", diagnostic.GetMessage());
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void UnknownOpenApiVersionPointsAtTheVersion()
    {
        GeneratorRunResult result = Run(Spec("future-openapi.yaml"), out _);

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0002", "future-openapi.yaml", 1, 10);
        Assert.Contains("'4.0.0'", diagnostic.GetMessage());
    }

    [Fact]
    public void Swagger2GetsOneDiagnosticSayingHowToConvert()
    {
        GeneratorRunResult result = Run(Spec("swagger2.yaml"), out _);

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SCG0012", diagnostic.Id);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("swagger2openapi", diagnostic.GetMessage());
    }

    [Fact]
    public void UnresolvedRefReportsLineAndColumnAndDegradesToJsonElement()
    {
        GeneratorRunResult result = Run(Spec("broken-refs.yaml"), out GeneratorHarness harness);

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0003", "broken-refs.yaml", 24, 23);
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage());
        string clients = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Clients.g.cs")).SourceText.ToString();
        Assert.Contains("Task<global::System.Text.Json.JsonElement> GetThingAsync", clients);
    }

    [Fact]
    public void EachDanglingReferenceIsReportedOnce()
    {
        GeneratorRunResult result = Run(Spec("dangling-property.yaml"), out GeneratorHarness harness);

        string[] reported = result.Diagnostics.Where(d => d.Id == "SCG0003").Select(d => d.GetMessage()).OrderBy(m => m).ToArray();
        Assert.Equal(3, reported.Length);
        Assert.Contains(reported, m => m.Contains("NoSuchFilter"));
        Assert.Contains(reported, m => m.Contains("NoSuchOwner"));
        Assert.Contains(reported, m => m.Contains("NoSuchError"));
        harness.AssertOutputCompilesCleanly(harness.Run(Spec("dangling-property.yaml")));
    }

    [Fact]
    public void DuplicateOperationIdGeneratesTheSecondOperationWithANumber()
    {
        GeneratorRunResult result = Run(Spec("broken-refs.yaml"), out _);

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0004", "broken-refs.yaml", 27, 20);
        Assert.Contains("GET /things", diagnostic.GetMessage());
        Assert.Contains("is generated as", diagnostic.GetMessage());
        string clients = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Clients.g.cs")).SourceText.ToString();
        Assert.Contains("uri.AppendLiteral(\"v1/things/\");", clients);
        Assert.Contains("CreateThingAsync", clients);
    }

    [Fact]
    public void UnsupportedSchemaDegradesToJsonElementWithInfoAtTheSchema()
    {
        GeneratorRunResult result = Run(Spec("broken-refs.yaml"), out _);

        // The place is info; the warning is its summary (SCG1005, DiagnosticSummaryTests).
        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0005", "broken-refs.yaml", 62, 11);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("oneOf with 2 variants", diagnostic.GetMessage());
        string models = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Models.g.cs")).SourceText.ToString();
        Assert.Contains("public global::System.Text.Json.JsonElement? Shape { get; set; }", models);
    }

    [Fact]
    public void InvalidPatternIsReportedAndNotChecked()
    {
        GeneratorRunResult result = Run(Spec("broken-refs.yaml"), out _);

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0011", "broken-refs.yaml", 40, 22);
        Assert.Contains("createThing.code", diagnostic.GetMessage());
        string parameters = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Parameters.g.cs")).SourceText.ToString();
        Assert.DoesNotContain("[unclosed", parameters);
        Assert.Contains("public string? Code { get; init; }", parameters);
    }

    [Fact]
    public void BrokenSpecStillGeneratesCompilableCode()
    {
        GeneratorRunResult result = Run(Spec("broken-refs.yaml"), out GeneratorHarness harness);

        Assert.NotEmpty(result.GeneratedSources);
        harness.AssertOutputCompilesCleanly(harness.Run(Spec("broken-refs.yaml")));
    }

    [Fact]
    public void JsonSpecWithTabsGeneratesCompilableClient()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec("pets.json"));

        Assert.Empty(run.Diagnostics);
        string clients = GeneratedSource.Of(run, ".Clients.g.cs");
        Assert.Contains("uri.AppendLiteral(\"api/pets/\");", clients);
        Assert.Contains("uri.AppendQuery(\"include\", item.Value);", clients);
        Assert.Contains("RequestHeaders.Add(request, \"X-Request-Id\", parameters.XRequestId);", clients);
        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("public required string Class { get; set; }", models);
        Assert.Contains("public required long Id { get; set; }", models);
        Assert.Contains("public string? PetValue { get; set; }", models);
        Assert.Contains("global::System.Collections.Generic.List<global::System.Collections.Generic.List<double>>? Grid", models);
        Assert.Contains("global::System.Collections.Generic.Dictionary<string, string>? Tags", models);
        Assert.Contains("public static readonly PetStatus _2fast;", models);
        harness.AssertOutputCompilesCleanly(run);
    }

    [Fact]
    public void OtherAdditionalFilesAreNeverRead()
    {
        var harness = new GeneratorHarness();
        var stylecop = new SpecInput("/project/stylecop.json", "{ not: [valid", IsSpec: false);

        GeneratorDriverRunResult run = harness.Run(stylecop);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.GeneratedTrees);
        Assert.Equal(0, harness.ReadCount(stylecop.Path));
    }

    [Fact]
    public void InvalidMetadataFallsBackWithWarning()
    {
        SpecInput spec = Spec("pets.json") with { Namespace = "Not A Namespace", ApiVersion = "yesterday" };

        GeneratorRunResult result = new GeneratorHarness().Run(spec).Results.Single();

        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "SCG0006"));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Consumer.Pets.ApiClient.Clients.g.cs");
    }

    [Fact]
    public void InvalidMetadataPointsAtTheSpecFile()
    {
        // The metadata lives in a project file the generator cannot see: the warning names the spec file, line 1.
        SpecInput spec = Spec("pets.json") with { ApiVersion = "yesterday" };

        GeneratorRunResult result = new GeneratorHarness().Run(spec).Results.Single();

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0006", "pets.json", 1, 1);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        Assert.Contains("ApiVersion 'yesterday'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FilterThatMatchesNothingPointsAtTheSpecFile()
    {
        SpecInput spec = Spec("versioned.yaml") with { IncludeOperations = "getWidget;noSuchOperation" };

        GeneratorRunResult result = new GeneratorHarness().Run(spec).Results.Single();

        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0014", "versioned.yaml", 1, 1);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        Assert.Contains("'noSuchOperation'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
