using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The generated source of every bundled spec, compared with reviewed golden files.</summary>
public sealed class BundledSpecSnapshotTests
{
    public static TheoryData<string> BundledSpecFiles()
    {
        var data = new TheoryData<string>();
        foreach (SpecInput spec in BundledSpecs.All())
        {
            data.Add(Path.GetFileName(spec.Path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BundledSpecFiles))]
    public void GeneratedSourceMatchesGoldenFiles(string specFile)
    {
        SpecInput spec = BundledSpecs.All().Single(s => Path.GetFileName(s.Path) == specFile);
        GeneratorRunResult result = new GeneratorHarness().Run(spec).Results.Single();

        Assert.Empty(result.Diagnostics);
        string folder = Path.Combine(RepositoryPaths.Snapshots, Path.GetFileNameWithoutExtension(specFile));
        string prefix = spec.Namespace + "." + spec.ClientName;
        string[] expectedHintNames =
        {
            prefix + ".Clients.g.cs",
            prefix + ".ErrorCodes.g.cs",
            prefix + ".JsonContext.g.cs",
            prefix + ".Models.g.cs",
            prefix + ".Parameters.g.cs",
        };
        Assert.Equal(expectedHintNames, result.GeneratedSources.Select(source => source.HintName).OrderBy(name => name, System.StringComparer.Ordinal));
        foreach (GeneratedSourceResult source in result.GeneratedSources)
        {
            Snapshot.Match(Path.Combine(folder, source.HintName), source.SourceText.ToString());
        }
    }

    [Fact]
    public void AllBundledSpecsCompileTogetherWithoutWarnings()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult result = harness.Run(BundledSpecs.All().ToArray());

        Assert.Empty(result.Diagnostics);
        Assert.Equal(25, result.GeneratedTrees.Length);
        harness.AssertOutputCompilesCleanly(result);
    }

    [Fact]
    public void OutputIsDeterministicAcrossRuns()
    {
        SpecInput[] specs = BundledSpecs.All().ToArray();
        string first = string.Join("\n", new GeneratorHarness().Run(specs).GeneratedTrees.Select(tree => tree.FilePath + tree.GetText()));
        string second = string.Join("\n", new GeneratorHarness().Run(specs).GeneratedTrees.Select(tree => tree.FilePath + tree.GetText()));

        Assert.Equal(first, second);
    }
}
