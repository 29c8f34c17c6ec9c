using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Names and texts that C# does not take as they are, and OpenAPI rules that decide C# shapes: the output compiles
/// without a warning (TreatWarningsAsErrors builds) and reads and writes JSON as the spec means.
/// </summary>
public sealed class CompilableOutputTests
{
    private static SpecInput Spec(string fileName) => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, fileName), "Consumer.Api", "ApiClient");

    private static GeneratorDriverRunResult RunClean(GeneratorHarness harness, SpecInput spec)
    {
        GeneratorDriverRunResult run = harness.Run(spec);
        Assert.Null(run.Results.Single().Exception);
        harness.AssertOutputCompilesCleanly(run);
        return run;
    }

    [Fact]
    public void ErrorCodeAndDetailFieldsComeFromTheErrorSchema()
    {
        const string yaml = """
            openapi: 3.0.1
            info: { title: Errors, version: "1" }
            paths:
              /things/{id}:
                get:
                  operationId: getThing
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
                    "404": { description: gone, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
                delete:
                  operationId: deleteThing
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses:
                    "204": { description: done }
                    default: { description: failed, content: { application/json: { schema: { $ref: "#/components/schemas/Bare" } } } }
            components:
              schemas:
                Problem:
                  type: object
                  properties: { code: { type: string }, message: { type: string }, status: { type: integer } }
                Thing:
                  type: object
                  properties: { errorCode: { type: string }, detail: { type: string } }
                Bare:
                  type: object
                  properties: { status: { type: integer } }
            """;
        GeneratorDriverRunResult run = RunClean(new GeneratorHarness(), new SpecInput(Path.Combine(RepositoryPaths.TestSpecs, "error-fields.yaml"), yaml, "Consumer.Api", "ApiClient"));

        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("public sealed partial record Problem : global::SpecClient.Runtime.IApiError\n", models);
        Assert.Contains("string? global::SpecClient.Runtime.IApiError.ErrorCodeField => \"code\";", models);
        Assert.Contains("string? global::SpecClient.Runtime.IApiError.DetailField => \"message\";", models);

        // A success body with the same field names is no error; an error schema without such fields names none.
        Assert.Contains("public sealed partial record Thing\n", models);
        Assert.Contains("public sealed partial record Bare\n", models);
    }

    [Fact]
    public void NamesThatClashWithGeneratedMembersAreMadeUnique()
    {
        GeneratorDriverRunResult run = RunClean(new GeneratorHarness(), Spec("naming-hazards.yaml"));

        Assert.Empty(run.Diagnostics);
        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("public sealed partial record ToString2\n", models);
        Assert.Contains("public sealed partial record GetHashCode2\n", models);
        Assert.Contains("public sealed partial record System : global::SpecClient.Runtime.IApiError\n", models);
        Assert.Contains("public readonly partial record struct Value2(string Value) : ", models);
        Assert.Contains("public static readonly Value2 Value3;", models);
        Assert.Contains("\n        Value3 = new(\"Value\");", models);
        Assert.Contains("public static readonly Value2 IsKnown2;", models);
        Assert.Contains("\n        IsKnown2 = new(\"IsKnown\");", models);
        Assert.Contains("public static readonly Value2 KnownValues2;", models);
        Assert.Contains("\n        KnownValues2 = new(\"KnownValues\");", models);
        Assert.Contains("public static readonly Value2 Clone2;", models);
        Assert.Contains("\n        Clone2 = new(\"CLONE\");", models);
        Assert.Contains("public string? Clone2 { get; set; }", models);
        Assert.Contains("public const string ApiErrorCodes2 = \"ApiErrorCodes\";", GeneratedSource.Of(run, ".ErrorCodes.g.cs"));

        // Members named like object's would hide them (CS0108): the JSON context's metadata, a root-client property.
        Assert.Contains("JsonTypeInfo<GetType> GetType2 => ", GeneratedSource.Of(run, ".JsonContext.g.cs"));
        Assert.Contains("public IToStringClient ToString2 { get; }", GeneratedSource.Of(run, ".Clients.g.cs"));
        Assert.Contains("public bool? ReferenceEquals2 { get; set; }", models);
        Assert.Contains("public string? GetHashCode3 { get; set; }", models);
        Assert.Contains("public string? GetHashCode2Value { get; set; }", models);
    }

    [Fact]
    public void ParameterNamesNeverCollideInTheShorthandOverload()
    {
        GeneratorDriverRunResult run = RunClean(new GeneratorHarness(), Spec("naming-hazards.yaml"));

        string clients = GeneratedSource.Of(run, ".Clients.g.cs");
        Assert.Contains("GetThingAsync(string p, string p2, string body2, string cancellationToken2, long legacy, global::System.Threading.CancellationToken cancellationToken = default)", clients);
        Assert.Contains("new GetThingParams { P = p, P2 = p2, Body2 = body2, CancellationToken = cancellationToken2, Legacy = legacy }", clients);
        string parameters = GeneratedSource.Of(run, ".Parameters.g.cs");
        Assert.Contains("public string? GetThingParams2 { get; init; }", parameters);
    }

    [Fact]
    public void BlankDescriptionsGiveWayToGeneratedOnes()
    {
        GeneratorDriverRunResult run = RunClean(new GeneratorHarness(), Spec("naming-hazards.yaml"));

        Assert.Contains("/// <summary>The ToString schema.</summary>", GeneratedSource.Of(run, ".Models.g.cs"));
        Assert.Contains("/// <summary>The 'clone' property.</summary>", GeneratedSource.Of(run, ".Models.g.cs"));
        Assert.Contains("/// <summary>getThing</summary>", GeneratedSource.Of(run, ".Clients.g.cs"));
        Assert.Contains("/// <param name=\"p\">The 'p' parameter.</param>", GeneratedSource.Of(run, ".Clients.g.cs"));
        Assert.Contains("/// <summary>A blank value (1 character, U+0020).</summary>", GeneratedSource.Of(run, ".Models.g.cs"));
    }

    [Fact]
    public void DeprecatedRequiredParameterIsDocumentedNotObsolete()
    {
        GeneratorDriverRunResult run = RunClean(new GeneratorHarness(), Spec("naming-hazards.yaml"));

        string parameters = GeneratedSource.Of(run, ".Parameters.g.cs");
        Assert.Contains("/// <remarks>The API deprecates this parameter.</remarks>\n    public required long Legacy { get; init; }", parameters.Replace("\r\n", "\n"));
    }

    [Fact]
    public void ReadOnlyRequiredIsLeftOutOfRequestsAndWriteOnlyRequiredOutOfResponses()
    {
        // A request built without the server-owned id must compile; a response without the password must read.
        var harness = new GeneratorHarness("""
            namespace Consumer;

            /// <summary>User code.</summary>
            public static class Use
            {
                /// <summary>A request.</summary>
                /// <returns>The user.</returns>
                public static Consumer.Api.User NewUser() => new Consumer.Api.User { Name = "ada", Password = "secret" };
            }
            """);
        GeneratorDriverRunResult run = RunClean(harness, Spec("read-write-only.yaml"));
        CompiledOutput output = CompiledOutput.Compile(harness, run);
        JsonSerializerContext context = output.Context("Consumer.Api.ApiClientJsonContext");
        Type user = output.FindType("Consumer.Api.User")!;

        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("public string? Id { get; set; }", models);
        Assert.Contains("public required string Password { get; set; }", models);

        object? read = JsonSerializer.Deserialize("""{"name":"ada","id":"u1"}""", CompiledOutput.TypeInfo(context, user));
        Assert.Equal("u1", user.GetProperty("Id")!.GetValue(read));

        // A response without the id it owns breaks the spec, and is still read, tolerantly: the id is null
        // (docs/reading-responses.md; strict reading, which refuses it, is tested in the runtime's ResponseReadingTests).
        object? withoutId = JsonSerializer.Deserialize("""{"name":"ada"}""", CompiledOutput.TypeInfo(context, user));
        Assert.Equal("ada", user.GetProperty("Name")!.GetValue(withoutId));
        Assert.Null(user.GetProperty("Id")!.GetValue(withoutId));

        object request = output.FindType("Consumer.Use")!.GetMethod("NewUser")!.Invoke(null, null)!;
        JsonObject written = JsonNode.Parse(JsonSerializer.Serialize(request, CompiledOutput.TypeInfo(context, user)))!.AsObject();
        Assert.Equal(["name", "password"], written.Select(property => property.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SubtypeMappedFromSeveralDiscriminatorValuesKeepsEachValue()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = RunClean(harness, Spec("discriminator-values.yaml"));
        CompiledOutput output = CompiledOutput.Compile(harness, run);
        JsonSerializerContext context = output.Context("Consumer.Api.ApiClientJsonContext");
        Type list = typeof(List<>).MakeGenericType(output.FindType("Consumer.Api.Limit")!);
        const string Json = """[{"name":"bytesProcessed.weekly","value":5,"overrunPolicy":"BLOCK"},{"name":"queryCount","maximum":3},{"name":"bytesProcessed.monthly"}]""";

        object? limits = JsonSerializer.Deserialize(Json, CompiledOutput.TypeInfo(context, list));
        string written = JsonSerializer.Serialize(limits, CompiledOutput.TypeInfo(context, list));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), JsonNode.Parse(written)), written);
        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("public required LimitName Name { get; set; }", models);
        Assert.Contains("public string? OverrunPolicy { get; set; }", models);
        Assert.Contains("public int? Maximum { get; set; }", models);
    }
}
