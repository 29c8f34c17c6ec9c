using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The Accept of a bodiless response (a 204) in a document of dated vendor media types: the versions of its own path's
/// operations, the resource the server resolves, before the document's newest.
/// </summary>
public sealed class VersionedAcceptTests
{
    private const string Spec = """
        openapi: 3.0.1
        info: { title: Versions, version: "1" }
        paths:
          /invites/{id}:
            get:
              operationId: getInvite
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200":
                  description: OK
                  content:
                    application/vnd.acme.2023-01-01+json: { schema: { type: object, properties: { id: { type: string } } } }
            delete:
              operationId: deleteInvite
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "204": { description: No Content }
          /users/{id}:
            delete:
              operationId: removeUser
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "204": { description: No Content }
          /users:
            get:
              operationId: listUsers
              responses:
                "200":
                  description: OK
                  content:
                    application/vnd.acme.2025-02-19+json: { schema: { type: array, items: { type: string } } }
        """;

    [Theory]
    [InlineData("2025-03-12", "application/vnd.acme.2025-02-19+json")]
    [InlineData("2024-01-01", "application/vnd.acme.2023-01-01+json")]
    public void ABodilessResponseTakesItsPathsVersionElseTheDocumentsNewestNotLaterThanTheApiVersion(string apiVersion, string documentAccept)
    {
        var spec = new SpecInput("versions.yaml", Spec, "Consumer.Api", "ApiClient", apiVersion);
        GeneratorDriverRunResult run = new GeneratorHarness().Run(spec);
        string clients = GeneratedSource.Of(run, ".Clients.g.cs");

        // deleteInvite's path answers 2023-01-01 only; removeUser's path has no dated type: the document's choice.
        Assert.Contains("CreateRequest(s_deleteInviteAsyncOperation, uri.ToStringAndClear(), \"application/vnd.acme.2023-01-01+json\")", clients);
        Assert.Contains("CreateRequest(s_removeUserAsyncOperation, uri.ToStringAndClear(), \"" + documentAccept + "\")", clients);
    }
}
