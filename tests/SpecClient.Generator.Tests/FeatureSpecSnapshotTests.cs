using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The generated source of the feature specs (unions, request bodies of every encoding, cursor and linked pages,
/// server-sent events),
/// compared with reviewed golden files: what the code looks like is pinned here, so the other tests assert behaviour.
/// </summary>
public sealed class FeatureSpecSnapshotTests
{
    public static TheoryData<string> FeatureSpecs() => new() { "unions", "bodies", "cursor-pages", "linked-pages", "event-streams" };

    [Theory]
    [MemberData(nameof(FeatureSpecs))]
    public void GeneratedSourceMatchesGoldenFiles(string name)
    {
        SpecInput spec = Spec(name);
        GeneratorRunResult result = new GeneratorHarness().Run(spec).Results.Single();

        // bodies.yaml also carries a repeated operationId and an undeclared path parameter, which generate with a warning.
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        string folder = Path.Combine(RepositoryPaths.Snapshots, name);
        string prefix = spec.Namespace + "." + spec.ClientName;
        string[] golden = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(file => Path.GetFileName(file)).OrderBy(file => file, System.StringComparer.Ordinal).ToArray() : System.Array.Empty<string>();
        string[] generated = result.GeneratedSources.Select(source => source.HintName).OrderBy(file => file, System.StringComparer.Ordinal).ToArray();
        Assert.All(generated, hintName => Assert.StartsWith(prefix + ".", hintName));
        if (!Snapshot.Updating)
        {
            Assert.Equal(golden, generated);
        }

        foreach (GeneratedSourceResult source in result.GeneratedSources)
        {
            Snapshot.Match(Path.Combine(folder, source.HintName), source.SourceText.ToString());
        }
    }

    private static SpecInput Spec(string name) => name switch
    {
        "unions" => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "unions.yaml"), "Consumer.Api", "ApiClient") with { Unions = true },
        "bodies" => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "bodies.yaml"), "Consumer.Bodies", "BodiesClient"),
        "cursor-pages" => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "cursor-pages.yaml"), "Consumer.Widgets", "WidgetsApi"),
        "event-streams" => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "event-streams.yaml"), "Consumer.Chat", "ChatApiClient"),
        _ => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "linked-pages.yaml"), "Consumer.Gadgets", "GadgetsApi"),
    };
}
