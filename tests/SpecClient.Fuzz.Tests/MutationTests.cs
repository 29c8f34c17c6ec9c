using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Fuzz;
using Xunit;

namespace SpecClient.Fuzz.Tests;

/// <summary>A case is a pure function of its id: the same id gives the same bytes, metadata and mutations.</summary>
public sealed class MutationTests
{
    private static readonly Corpus Corpus = Corpus.Load(Corpus.FindRoot(System.AppContext.BaseDirectory));

    [Fact]
    public void CaseIdRoundTrips()
    {
        var id = new CaseId(CorpusKind.Full, 42, 1234);

        Assert.Equal("full-42-1234", id.ToString());
        Assert.Equal(id, CaseId.Parse("full-42-1234"));
        Assert.Throws<System.FormatException>(() => CaseId.Parse("full-42"));
    }

    [Fact]
    public void SameCaseIdGivesSameMutatedSpecs()
    {
        for (int index = 0; index < 60; index++)
        {
            var id = new CaseId(CorpusKind.Bundled, 3, index);
            FuzzCase first = new CaseFactory(Corpus).Build(id);
            FuzzCase second = new CaseFactory(Corpus).Build(id);

            Assert.Equal(first.Mutations, second.Mutations);
            Assert.Equal(first.Specs.Count, second.Specs.Count);
            for (int i = 0; i < first.Specs.Count; i++)
            {
                Assert.Equal(first.Specs[i] with { Bytes = System.Array.Empty<byte>() }, second.Specs[i] with { Bytes = System.Array.Empty<byte>() });
                Assert.True(first.Specs[i].Bytes.AsSpan().SequenceEqual(second.Specs[i].Bytes), id + ": spec " + i + " differs between two builds");
            }
        }
    }

    [SkippableFact]
    public void SameCaseIdGivesSameMutatedFullSpec()
    {
        Skip.If(Corpus.Full.Count == 0, "The full Atlas specs (../shared/specs/atlas) are absent.");
        var factory = new CaseFactory(Corpus);
        foreach (int index in new[] { 0, 1, 2 })
        {
            var id = new CaseId(CorpusKind.Full, 5, index);
            FuzzCase first = factory.Build(id);
            FuzzCase second = new CaseFactory(Corpus).Build(id);

            Assert.Equal(first.Mutations, second.Mutations);
            Assert.True(first.Specs[0].Bytes.AsSpan().SequenceEqual(second.Specs[0].Bytes));
            Assert.NotNull(first.Specs[0].IncludeOperations);
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentCases()
    {
        var factory = new CaseFactory(Corpus);
        IEnumerable<string> One(int seed) => Enumerable.Range(0, 20).Select(i => string.Join("|", factory.Build(new CaseId(CorpusKind.Bundled, seed, i)).Mutations));

        Assert.NotEqual(One(1), One(2));
    }

    [Fact]
    public void CasesCoverEveryMutationLevel()
    {
        var factory = new CaseFactory(Corpus);
        List<string> mutations = Enumerable.Range(0, 150).SelectMany(i => factory.Build(new CaseId(CorpusKind.Bundled, 11, i)).Mutations).ToList();

        foreach (string level in new[] { "tree:", "text:", "byte:", "metadata:", "metadata: second spec" })
        {
            Assert.Contains(mutations, m => m.StartsWith(level, System.StringComparison.Ordinal));
        }
    }
}
