using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Request bodies and parameters beyond JSON: forms, multipart files, streams, text, object query parameters,
/// text and stream responses, duplicate operationIds and undeclared path parameters. The output compiles clean.
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
    public void FormBodyIsWrittenByTheRuntimeWithTheSpecsEncoding()
    {
        (_, string clients, string parameters) = Generate();

        Assert.Contains("request.Content = global::SpecClient.Runtime.RequestBodies.Form(parameters.Body, s_json.TokenRequest, new global::SpecClient.Runtime.FormField(\"scopes\", global::SpecClient.Runtime.ParameterStyle.Form, false));", clients);
        Assert.Contains("public required TokenRequest Body { get; init; }", parameters);
    }

    [Fact]
    public void MultipartPartsArePropertiesWithFilesAsFileParts()
    {
        (_, string clients, string parameters) = Generate();

        Assert.Contains("public required global::SpecClient.Runtime.FilePart File { get; init; }", parameters);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::SpecClient.Runtime.FilePart>? Attachments { get; init; }", parameters);
        Assert.Contains("public int? Copies { get; init; }", parameters);
        Assert.Contains("form.AddFile(\"file\", parameters.File);", clients);
        Assert.Contains("form.AddFiles(\"attachments\", parameters.Attachments);", clients);
        Assert.Contains("form.AddValue(\"title\", parameters.Title, s_json.String, \"text/plain\");", clients);
        Assert.Contains("form.AddValue(\"metadata\", parameters.Metadata, s_json.FileMetadata, \"application/json\");", clients);

        // The shorthand takes the required file.
        Assert.Contains("UploadFileAsync(global::SpecClient.Runtime.FilePart file, global::System.Threading.CancellationToken cancellationToken = default)", clients);
    }

    [Fact]
    public void StreamAndTextBodiesAndResponses()
    {
        (_, string clients, string parameters) = Generate();

        Assert.Contains("public required global::System.IO.Stream Body { get; init; }", parameters);
        Assert.Contains("request.Content = global::SpecClient.Runtime.RequestBodies.Binary(parameters.Body, \"application/octet-stream\");", clients);
        Assert.Contains("public string? Body { get; init; }", parameters);
        Assert.Contains("request.Content = global::SpecClient.Runtime.RequestBodies.Text(parameters.Body, \"text/plain\");", clients);
        Assert.Contains("global::System.Threading.Tasks.Task<global::System.IO.Stream> DownloadFileAsync(", clients);
        Assert.Contains("return _connection.SendForStreamAsync(request, s_json.Problem, cancellationToken);", clients);
        Assert.Contains("global::System.Threading.Tasks.Task<string> AddNoteAsync(", clients);
        Assert.Contains("return _connection.SendForTextAsync(request, null, cancellationToken);", clients);

        // CSV is handed over as a stream, asked for by its media type.
        Assert.Contains("global::System.Threading.Tasks.Task<global::System.IO.Stream> SearchAsync(", clients);
        Assert.Contains("\"text/csv\");", clients);
    }

    [Fact]
    public void ObjectAndDelimitedQueryParametersFollowTheirStyle()
    {
        (_, string clients, _) = Generate();

        Assert.Contains("uri.AppendQuery(\"filter\", parameters.Filter, s_json.Filter, global::SpecClient.Runtime.ParameterStyle.DeepObject, true);", clients);
        Assert.Contains("uri.AppendQuery(\"page\", parameters.Page, s_json.Page, global::SpecClient.Runtime.ParameterStyle.Form, true);", clients);
        Assert.Contains("uri.AppendQuery(\"point\", parameters.Point, s_json.Page, global::SpecClient.Runtime.ParameterStyle.Form, false);", clients);
        Assert.Contains("uri.AppendQuery(\"ids\", parameters.Ids, s_json.ListInt64, global::SpecClient.Runtime.ParameterStyle.PipeDelimited, false);", clients);
        Assert.Contains("uri.AppendQuery(\"words\", parameters.Words, s_json.ListString, global::SpecClient.Runtime.ParameterStyle.SpaceDelimited, false);", clients);
    }

    [Fact]
    public void DuplicateOperationIdAndUndeclaredPathParameterAreGeneratedWithWarnings()
    {
        (GeneratorDriverRunResult run, string clients, string parameters) = Generate();

        // Each place is info; the build shows one warning per cause (SCG1004, SCG1019).
        Diagnostic duplicate = Assert.Single(run.Diagnostics, d => d.Id == "SCG0004");
        Assert.Equal(DiagnosticSeverity.Info, duplicate.Severity);
        Assert.Equal(new[] { "SCG1004", "SCG1019" }, run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).Order());
        Assert.Contains("'GET /search/again' is generated as 'search2'", duplicate.GetMessage());
        // Telemetry and documentation keep the spec's operationId.
        Assert.Contains("s_search2AsyncOperation = new(\"search\", \"GET\", \"/search/again\")", clients);

        Diagnostic undeclared = Assert.Single(run.Diagnostics, d => d.Id == "SCG0019");
        Assert.Contains("'shelfId'", undeclared.GetMessage());
        Assert.Contains("public required string ShelfId { get; init; }", parameters);
        Assert.Contains("uri.AppendPathValue(parameters.ShelfId);", clients);
    }

    [Fact]
    public void PathParameterThatIsAnIdOrASlugIsAString()
    {
        (_, string clients, string parameters) = Generate();

        Assert.Contains("public required string League { get; init; }", parameters);
        Assert.Contains("uri.AppendPathValue(parameters.League);", clients);
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

    [Fact]
    public void PathListIsWrittenCommaSeparatedByTheRuntime()
    {
        (_, string clients, string parameters) = Generate();

        Assert.Contains("public required global::System.Collections.Generic.List<int> Ids { get; init; }", parameters);
        Assert.Contains("uri.AppendPathValue(parameters.Ids, s_json.ListInt32);", clients);
    }
}
