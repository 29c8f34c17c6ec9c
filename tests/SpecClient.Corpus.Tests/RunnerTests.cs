using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Corpus;
using Xunit;

namespace SpecClient.Corpus.Tests;

public sealed class RunnerTests
{
    // Three operations; one has a path template with an unclosed '{', which the generator skips with SCG0008.
    private const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Pets", "version": "1" },
          "paths": {
            "/pets": {
              "get": { "operationId": "listPets", "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } } } } },
              "post": { "operationId": "addPet", "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } }, "responses": { "204": { "description": "added" } } }
            },
            "/pets/{petId": {
              "delete": { "operationId": "deletePet", "responses": { "204": { "description": "gone" } } }
            }
          },
          "components": { "schemas": { "Pet": { "type": "object", "properties": { "name": { "type": "string" } } } } }
        }
        """;

    [Fact]
    public void CountsDeclaredAgainstGeneratedAndClassifiesTheLoss()
    {
        SpecOutcome outcome = SpecRunner.Run("pets.json", "/corpus/pets.json", Spec, TimeSpan.FromMinutes(1), compile: false);

        Assert.Equal(3, outcome.Declared);
        Assert.Equal(2, outcome.Generated);
        Assert.Equal(1, outcome.Lost);
        Assert.Equal(1, outcome.ById["SCG0008"]);
        Assert.Equal(1, outcome.ByReason["SCG0008 the path '…' has an unclosed '…'"]);

        // The skipped operation is info at its place; the build's one warning is its summary.
        Assert.Equal(1, outcome.ById["SCG1008"]);
        Assert.Equal(1, outcome.Warnings);
        Assert.Null(outcome.Compiled);
        Assert.Null(outcome.Exception);
    }

    [Fact]
    public void CompilesTheGeneratedClientWithWarningsAsErrors()
    {
        SpecOutcome outcome = SpecRunner.Run("pets.json", "/corpus/pets.json", Spec, TimeSpan.FromMinutes(1), compile: true);

        Assert.True(outcome.Compiled, string.Join(Environment.NewLine, outcome.CompileErrors));
        Assert.Equal(0, outcome.CompileErrorCount);
    }

    [Fact]
    public void SwaggerDocumentDeclaresOperationsButGeneratesNone()
    {
        SpecOutcome outcome = SpecRunner.Run("old.json", "/corpus/old.json", """{ "swagger": "2.0", "paths": { "/a": { "get": {} } } }""", TimeSpan.FromMinutes(1), compile: true);

        Assert.Equal(1, outcome.Lost);
        Assert.Equal(1, outcome.ById["SCG0012"]);
        Assert.Null(outcome.Compiled);
    }

    [Fact]
    public void ReportSumsLossPerSpecSoExtraMethodsOffsetNothing()
    {
        var report = new CorpusReport(
            new[]
            {
                new SpecOutcome { Name = "b.json", Declared = 10, Generated = 4, ByReason = new Dictionary<string, int> { ["SCG0008 x"] = 6, ["SCG0013 text/plain"] = 2 }, ById = new Dictionary<string, int> { ["SCG0008"] = 6, ["SCG0013"] = 2 } },
                new SpecOutcome { Name = "a.json", Declared = 10, Generated = 12, ById = new Dictionary<string, int> { ["SCG0013"] = 1 } },
                new SpecOutcome { Name = "c.json", Declared = 0, Generated = 0, Exception = "parse: NullReferenceException: boom" },
                new SpecOutcome { Name = "d.json", Declared = 5, Generated = 5, Compiled = false, CompileErrorCount = 1, CompileErrors = new[] { "Pets.g.cs(1,1): CS0246 nope" } },
                new SpecOutcome { Name = "e.json", Declared = 0, Generated = 0, TimedOutWhile = "compiling", GenerateMilliseconds = 7 },
            },
            TimeSpan.FromSeconds(3));

        Assert.Equal(25, report.Declared);
        Assert.Equal(21, report.Generated);
        Assert.Equal(6, report.Lost);
        Assert.Equal(100.0 * 19 / 25, report.Coverage, 6);
        Assert.Equal(new Occurrence(3, 2), report.ById["SCG0013"]);
        Assert.Equal(new[] { "b.json" }, report.MostLost(10).Select(spec => spec.Name));
        Assert.Equal(new[] { "6× SCG0008 x" }, CorpusReport.DropReasons(report.Specs[1]));
        Assert.Equal(new[] { "c.json" }, report.Crashed.Select(spec => spec.Name));
        Assert.Equal(new[] { "d.json" }, report.CompileFailures.Select(spec => spec.Name));

        string markdown = report.Markdown("Test");
        Assert.Contains("| 5 | 25 | 21 | 6 | 76.00% | 1 | 1 | 1 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- `e.json` while compiling (generating took 7 ms)", markdown, StringComparison.Ordinal);
        Assert.Contains("| b.json | 10 | 4 | 6 | 6× SCG0008 x |", markdown, StringComparison.Ordinal);
        Assert.Contains("`Pets.g.cs(1,1): CS0246 nope`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportNamesTheSpecsBringingMostWarnings()
    {
        var report = new CorpusReport(
            new[]
            {
                new SpecOutcome { Name = "quiet.json", Warnings = 0 },
                new SpecOutcome { Name = "b.json", Warnings = 3 },
                new SpecOutcome { Name = "a.json", Warnings = 3 },
                new SpecOutcome { Name = "loud.json", Warnings = 7 },
            },
            TimeSpan.FromSeconds(1));

        Assert.Equal(7, report.MostWarnings);
        Assert.Equal(new[] { "loud.json", "a.json", "b.json" }, report.MostWarned(10).Select(spec => spec.Name));
        string markdown = report.Markdown("Test");
        Assert.Contains("At most 7 in one spec; 1 specs give more than 5.", markdown, StringComparison.Ordinal);
        Assert.Contains("| `loud.json` | 7 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyCorpusIsFullyCovered()
        => Assert.Equal(100, new CorpusReport(Array.Empty<SpecOutcome>(), TimeSpan.Zero).Coverage);
}
