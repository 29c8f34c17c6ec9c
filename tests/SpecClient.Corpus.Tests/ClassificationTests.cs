using System;
using SpecClient.Corpus;
using Xunit;

namespace SpecClient.Corpus.Tests;

public sealed class ClassificationTests
{
    [Fact]
    public void ResponseReasonIsTheMediaTypeWithoutParameters()
        => Assert.Equal(
            "SCG0013 application/xml",
            DiagnosticReasons.Reason("SCG0013", new[] { "200", "getPets", "Application/XML; charset=utf-8" }));

    [Fact]
    public void ReasonKeepsQuotedMediaTypesAndDropsNamesAndNumbers()
    {
        Assert.Equal(
            "SCG0008 its request body is 'multipart/form-data', and SpecClient sends JSON bodies only",
            DiagnosticReasons.Reason("SCG0008", new[] { "uploadFile", "its request body is 'multipart/form-data', and SpecClient sends JSON bodies only" }));
        Assert.Equal(
            "SCG0008 the path parameter '…' is not declared",
            DiagnosticReasons.Reason("SCG0008", new[] { "getPet", "the path parameter 'petId' is not declared" }));
        Assert.Equal(
            "SCG0005 uses anyOf with N variants; it is generated as JsonElement",
            DiagnosticReasons.Reason("SCG0005", new[] { "Pet", "uses anyOf with 12 variants; it is generated as JsonElement" }));
        Assert.Equal(
            "SCG0003 '…' is not in the document",
            DiagnosticReasons.Reason("SCG0003", new[] { "#/components/schemas/X", "'#/components/schemas/X' is not in the document" }));
    }

    [Fact]
    public void PatternsAndBaseTypeNamesAreNamesNotReasons()
    {
        Assert.Equal(
            "SCG0011 it is not a valid .NET regular expression (Invalid pattern '…' at offset N. Unrecognized escape sequence \\_.)",
            DiagnosticReasons.Reason("SCG0011", new[] { "^arn[\\/\\_]+$", "Op.arn", "it is not a valid .NET regular expression (Invalid pattern '^arn[\\/\\_]+$' at offset 9. Unrecognized escape sequence \\_.)" }));
        Assert.Equal(
            "SCG0005 is already generated as another type, so it cannot also derive from …; that variant reads as the base record",
            DiagnosticReasons.Reason("SCG0005", new[] { "User", "is already generated as another type, so it cannot also derive from MicrosoftGraphEntity; that variant reads as the base record" }));
        Assert.Equal(
            "SCG0008 its request body is 'application/vnd.api+json', and SpecClient sends JSON bodies only",
            DiagnosticReasons.Reason("SCG0008", new[] { "op", "its request body is 'application/vnd.api+json', and SpecClient sends JSON bodies only" }));
    }

    [Fact]
    public void IdsWhoseArgumentsAreOnlyNamesGroupByIdAlone()
    {
        Assert.Equal("SCG0004", DiagnosticReasons.Reason("SCG0004", new[] { "getPet", "getPet2" }));
        Assert.Equal("SCG0015", DiagnosticReasons.Reason("SCG0015", new[] { "/a/{x}", "/a/{y}" }));
    }

    [Theory]
    [InlineData("SCG0008 the path parameter '…' is not declared", true)]
    [InlineData("SCG0004", true)]
    [InlineData("SCG0007 has a type that cannot be written into a URL or header; the operation is skipped", true)]
    [InlineData("SCG0007 has a type that cannot be written into a URL or header; it is left out", false)]
    [InlineData("SCG0013 text/plain", false)]
    public void OnlyReasonsThatSkipOperationsExplainLostOperations(string reason, bool drops)
        => Assert.Equal(drops, DiagnosticReasons.DropsOperations(reason));

    [Fact]
    public void ReasonArgumentMissingFallsBackToTheId()
        => Assert.Equal("SCG0008", DiagnosticReasons.Reason("SCG0008", new[] { "onlyTheName" }));

    [Fact]
    public void OptionsRejectWhatCannotBeMeant()
    {
        Assert.Throws<ArgumentException>(() => CorpusOptions.Parse(new[] { "--compile-every", "0" }));
        Assert.Throws<ArgumentException>(() => CorpusOptions.Parse(new[] { "--min-coverage", "101" }));
        Assert.Throws<ArgumentException>(() => CorpusOptions.Parse(new[] { "--timeout" }));
        Assert.Throws<ArgumentException>(() => CorpusOptions.Parse(new[] { "--frobnicate" }));

        CorpusOptions options = CorpusOptions.Parse(new[] { "--specs", "a", "--compile", "--specs", "b", "--min-coverage", "99.5", "--no-octokit" });
        Assert.Equal(new[] { "a", "b" }, options.SpecFolders);
        Assert.Equal(1, options.CompileEvery);
        Assert.Equal(99.5, options.MinCoverage);
        Assert.False(options.Octokit);
    }
}
