using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// YAML that libyaml and PyYAML read but YamlDotNet rejects (block scalars whose leading lines hold only spaces) is
/// repaired, read to the values PyYAML gives, and reported once as SCG0018; YAML that is truly broken stays SCG0001.
/// Expected values were produced by PyYAML 6.0.3, with both its pure-Python SafeLoader and libyaml's CSafeLoader
/// (CI has no Python, so they are written out here).
/// </summary>
public sealed class YamlRepairTests
{
    // (YAML that YamlDotNet alone rejects, '/'-path to a scalar, PyYAML's value, line of the first repaired line)
    [Theory]
    [InlineData("a: |+\n    \nb: x\n", "a", "\n", 2)]
    [InlineData("a: |\n    \nb: x\n", "a", "", 2)]
    [InlineData("a: |-\n    \nb: x\n", "a", "", 2)]
    [InlineData("a: >\n    \nb: x\n", "a", "", 2)]
    [InlineData("a: >+\n\n      \nb: x\n", "a", "\n\n", 3)]
    [InlineData("a: |+\n    \n      \nb: x\n", "a", "\n\n", 2)]
    [InlineData("a: |\n    \n    text\nb: x\n", "a", "\ntext\n", 2)]
    [InlineData("a: |\n    \n      x\nb: x\n", "a", "\nx\n", 2)]
    [InlineData("a: |+\n    \n", "a", "\n", 2)]
    [InlineData("a: |\n    \n...\n", "a", "", 2)]
    [InlineData("a: |+ # note\n    \nb: x\n", "a", "\n", 2)]
    [InlineData("a: !!str |\n    \nb: x\n", "a", "", 2)]
    [InlineData("a: &r |+\n     \nb: *r\n", "b", "\n", 2)]
    [InlineData("s:\n- |\n    \n- b\n", "s/0", "", 3)]
    [InlineData("s:\n  - a: |+\n        \n    b: x\n", "s/0/a", "\n", 3)]
    [InlineData("a:\n  |\n      \nb: x\n", "a", "", 3)]
    [InlineData("\"a b\": |+\n      \n'c': >\n      \nd: 1\n", "a b", "\n", 2)]
    [InlineData("a: |+\r\n    \r\nb: x\r\n", "a", "\n", 2)]
    [InlineData("a: >-\r\n      \r\nb: x\r\n", "a", "", 2)]
    [InlineData("paths:\n  p:\n    get:\n      responses:\n        '200':\n          description: |+\n                  \n          content: {}\n", "paths/p/get/responses/200/description", "\n", 7)]
    [InlineData("a: |\n  text\n  b: |\n        \n  more\nc: |\n    \n    d\n", "a", "text\nb: |\n      \nmore\n", 7)]
    [InlineData("a: \"first\n  k: |\n      \n  end\"\nb: >\n      \nc: 1\n", "a", "first k: |\nend", 6)]
    [InlineData("a: [x,\n  \"y: |\",\n  z]\nb: |\n    \n    t\n", "b", "\nt\n", 5)]
    [InlineData("a: x # c: |\nb: |\n    \n    t\n", "b", "\nt\n", 3)]
    public void BlockScalarLeadingSpacesAreReadAsPyYamlReadsThem(string yaml, string path, string pyYamlValue, int warningLine)
    {
        var warnings = new List<DocumentWarning>();

        SpecNode? root = DocumentReader.Read(yaml, warnings, CancellationToken.None);

        Assert.Equal(pyYamlValue, Assert.IsType<ScalarNode>(Find(root, path)).Value);
        DocumentWarning warning = Assert.Single(warnings);
        Assert.Equal((warningLine - 1, 0), (warning.Node.Start.Line, warning.Node.Start.Column));
        Assert.Equal(OffsetOf(yaml, warningLine, 1), warning.Node.Start.Offset);
    }

    [Fact]
    public void RepairedSpecGeneratesTheClientWithOneWarningAtTheFirstRepairedLine()
    {
        SpecInput spec = SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "block-scalar-spaces.yaml"), "Consumer.Api", "ApiClient");
        var harness = new GeneratorHarness();

        GeneratorDriverRunResult run = harness.Run(spec);

        GeneratorRunResult result = run.Results.Single();
        Assert.Null(result.Exception);
        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0018", "block-scalar-spaces.yaml", 6, 1);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("2 whitespace-only lines that open block scalars", diagnostic.GetMessage());
        Assert.Equal(OffsetOf(spec.Text, 6, 1), diagnostic.Location.SourceSpan.Start);
        Assert.Equal(6, diagnostic.Location.SourceSpan.Length);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SCG0001");
        string clients = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Clients.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("GetThingsAsync", clients);
        Assert.Empty(harness.CompileOutput(run));
    }

    [Fact]
    public void RepairedSpecKeepsPyYamlsValuesAndNodePositions()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.TestSpecs, "block-scalar-spaces.yaml"));

        var root = (MappingNode)DocumentReader.Read(text, new List<DocumentWarning>(), CancellationToken.None)!;

        // PyYAML 6.0.3: info.description == '\n'; the operation's description == '\nLists things.\n'.
        Assert.Equal("\n", Assert.IsType<ScalarNode>(Find(root, "info/description")).Value);
        var operation = (MappingNode)((MappingNode)Find(root, "paths")!)["/things"]!;
        Assert.Equal("\nLists things.\n", Assert.IsType<ScalarNode>(Find(operation, "get/description")).Value);

        // Nodes after a repaired line keep their line, column and offset in the text as written.
        ScalarNode responses = ((MappingNode)Find(operation, "get")!).KeyNode("responses")!;
        Assert.Equal((13, 6, OffsetOf(text, 14, 7)), (responses.Start.Line, responses.Start.Column, responses.Start.Offset));
    }

    [Theory]
    [InlineData("a: |\n    x\n        \n    y\nb: x\n", "a", "x\n    \ny\n")]
    [InlineData("a: |\n \n  x\nb: x\n", "a", "\nx\n")]
    [InlineData("a: >\n  \n    x\n    y\nb: x\n", "a", "\nx y\n")]
    [InlineData("a: |+\n  x\n      \n\nb: 1\n", "a", "x\n    \n\n")]
    public void YamlThatYamlDotNetReadsIsNotRepaired(string yaml, string path, string pyYamlValue)
    {
        var warnings = new List<DocumentWarning>();

        SpecNode? root = DocumentReader.Read(yaml, warnings, CancellationToken.None);

        Assert.Equal(pyYamlValue, Assert.IsType<ScalarNode>(Find(root, path)).Value);
        Assert.Empty(warnings);
    }

    [Theory]
    // Leading spaces deeper than the content that follows: libyaml and PyYAML reject these too.
    [InlineData("a: |\n      \n    x\nb: 1\n", 3, 1)]
    [InlineData("a: >\n\n      \n    x\nb: 1\n", 4, 1)]
    [InlineData("a:\n  |\n        \n   x\nb: 1\n", 4, 1)]
    // A repairable block, then a real error: reported where it is in the text as written.
    [InlineData("a: |\n    \n    t\nb: {unclosed\nc: |\n      \n", 4, 4)]
    public void BrokenYamlStillReportsInvalidDocumentAtItsLineAndColumn(string yaml, int line, int column)
    {
        var exception = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(yaml, new List<DocumentWarning>(), CancellationToken.None));
        Assert.Equal((line, column), (exception.Start.Line + 1, exception.Start.Column + 1));

        GeneratorRunResult result = new GeneratorHarness().Run(new SpecInput("/specs/broken.yaml", "openapi: 3.0.1\n" + yaml, "Consumer.Api", "ApiClient")).Results.Single();
        Assert.Null(result.Exception);
        Diagnostic diagnostic = DiagnosticAssert.Single(result.Diagnostics, "SCG0001", "broken.yaml", line + 1, column);
        Assert.Equal(OffsetOf("openapi: 3.0.1\n" + yaml, line + 1, column), diagnostic.Location.SourceSpan.Start);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SCG0018");
    }

    [Fact]
    public void RepairIsLinearInTheText()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            text.Append("k").Append(i).Append(": |+\n      \n");
        }

        var warnings = new List<DocumentWarning>();
        var clock = Stopwatch.StartNew();

        var root = (MappingNode)DocumentReader.Read(text.ToString(), warnings, CancellationToken.None)!;

        clock.Stop();
        Assert.Equal(20_000, root.Entries.Count);
        Assert.All(root.Entries, entry => Assert.Equal("\n", ((ScalarNode)entry.Value).Value));
        Assert.Contains("20000 whitespace-only lines", Assert.Single(warnings).Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    /// <summary>A node by a '/'-separated path of keys and sequence indices.</summary>
    private static SpecNode? Find(SpecNode? node, string path)
    {
        foreach (string segment in path.Split('/'))
        {
            node = node switch
            {
                MappingNode mapping => mapping[segment],
                SequenceNode sequence => sequence.Items[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The offset of a one-based line and column, lines ending in \n, \r\n or \r.</summary>
    private static int OffsetOf(string text, int line, int column)
    {
        int offset = 0;
        for (int current = 1; current < line; current++)
        {
            offset = text.IndexOfAny(['\r', '\n'], offset);
            offset += text[offset] == '\r' && offset + 1 < text.Length && text[offset + 1] == '\n' ? 2 : 1;
        }

        return offset + column - 1;
    }
}
