using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Request bodies and parameters beyond JSON: forms, multipart files, streams, text, object query parameters,
/// text and stream responses, duplicate operationIds and undeclared path parameters. The output compiles clean; what it
/// looks like is pinned by the bodies golden folder (FeatureSpecSnapshotTests).
/// </summary>
public sealed class BodiesTests
{
    private static SpecInput Spec() => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "bodies.yaml"), "Consumer.Bodies", "BodiesClient");

    private static (GeneratorDriverRunResult Run, string Clients, string Params) Generate()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec());
        Assert.Null(run.Results.Single().Exception);
        harness.AssertOutputCompilesCleanly(run);
        return (run, GeneratedSource.Of(run, ".Clients.g.cs"), GeneratedSource.Of(run, ".Parameters.g.cs"));
    }

    [Fact]
    public void EveryOperationIsGeneratedAndCompilesWithoutWarnings()
    {
        (GeneratorDriverRunResult run, string clients, _) = Generate();

        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "SCG0005" or "SCG0007" or "SCG0008" or "SCG0013");
        foreach (string method in new[] { "CreateTokenAsync(", "UploadFileAsync(", "PutFileContentAsync(", "DownloadFileAsync(", "AddNoteAsync(", "SearchAsync(", "Search2Async(", "ListShelfBooksAsync(" })
        {
            Assert.Contains(method, clients);
        }
    }





    [Fact]
    public void DuplicateOperationIdAndUndeclaredPathParameterAreGeneratedWithWarnings()
    {
        (GeneratorDriverRunResult run, _, _) = Generate();

        // Each place is info; the build shows one warning per cause (SCG1004, SCG1019).
        Diagnostic duplicate = Assert.Single(run.Diagnostics, d => d.Id == "SCG0004");
        Assert.Equal(DiagnosticSeverity.Info, duplicate.Severity);
        Assert.Equal(new[] { "SCG1004", "SCG1019" }, run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).Order());
        Assert.Contains("'GET /search/again' is generated as 'search2'", duplicate.GetMessage());

        Diagnostic undeclared = Assert.Single(run.Diagnostics, d => d.Id == "SCG0019");
        Assert.Contains("'shelfId'", undeclared.GetMessage());
    }


    [Fact]
    public void NestedScalarChoicesAreLookedAtOnceAndAChoiceHoldingItselfIsNoScalar()
    {
        // Level k is a choice of six references to level k-1 down to [string, integer]: walked variant by variant that
        // is 6^8 visits inside the compiler; each schema is now decided once. `Loop` lists itself among its variants.
        var yaml = new System.Text.StringBuilder("""
            openapi: 3.0.1
            info: { title: Choices, version: '1' }
            paths:
              /deep/{key}:
                get:
                  operationId: getDeep
                  parameters:
                    - { name: key, in: path, required: true, schema: { $ref: '#/components/schemas/Level8' } }
                    - { name: loop, in: header, schema: { $ref: '#/components/schemas/Loop' } }
                  responses: { '204': { description: done } }
            components:
              schemas:
                Level0: { anyOf: [ { type: string }, { type: integer } ] }
                Loop: { oneOf: [ { type: string }, { $ref: '#/components/schemas/Loop' } ] }

            """);
        for (int level = 1; level <= 8; level++)
        {
            string previous = "{ $ref: '#/components/schemas/Level" + (level - 1) + "' }";
            yaml.Append("    Level" + level + ": { oneOf: [ " + string.Join(", ", Enumerable.Repeat(previous, 6)) + " ] }\n");
        }

        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(new SpecInput("/specs/choices.yaml", yaml.ToString(), "Consumer.Choices", "ChoicesClient"));
        string parameters = GeneratedSource.Of(run, ".Parameters.g.cs");

        Assert.Contains("public required string Key { get; init; }", parameters);
        Assert.DoesNotContain("string? Loop", parameters);
    }

}
