using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecClient.Testing;

namespace SpecClient.Fuzz;

/// <summary>Which seed specs a campaign draws from.</summary>
public enum CorpusKind
{
    /// <summary>The bundled fragments, the small seeds under Seeds/ and the generator tests' feature specs, plus the full Atlas specs (one case in four).</summary>
    All,

    /// <summary>The bundled fragments, the small seeds and the feature specs only.</summary>
    Bundled,

    /// <summary>The full Atlas specs only (each case filtered to a few operations).</summary>
    Full,
}

/// <summary>One seed spec with the metadata the build would give it.</summary>
public sealed record SeedSpec(string Name, string Path, bool IsFull, string Namespace, string ClientName, string? ApiVersion)
{
    private string? _text;

    public string Text => _text ??= File.ReadAllText(Path);
}

/// <summary>The seed specs, found from the repository root (bundled, Seeds/, the generator tests' Specs/) and ../shared/specs/atlas (full).</summary>
public sealed class Corpus
{
    private Corpus(string root, IReadOnlyList<SeedSpec> small, IReadOnlyList<SeedSpec> full)
    {
        Root = root;
        Small = small;
        Full = full;
    }

    public string Root { get; }

    /// <summary>Bundled fragments and seeds, in a fixed order (case ids depend on it).</summary>
    public IReadOnlyList<SeedSpec> Small { get; }

    /// <summary>The full Atlas specs present beside the repository, in a fixed order; empty when ../shared is absent.</summary>
    public IReadOnlyList<SeedSpec> Full { get; }

    public static string FullSpecsDirectory(string root) => System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "specs", "atlas"));

    public static Corpus Load(string root)
    {
        var small = new List<SeedSpec>();
        foreach (string version in new[] { "2023-02-01", "2023-11-15", "2024-05-30", "2025-03-12" })
        {
            small.Add(new SeedSpec(
                "atlas-v2-" + version + ".invites",
                System.IO.Path.Combine(root, "specs", "atlas-v2-" + version + ".invites.yaml"),
                IsFull: false,
                "SpecClient.Atlas.V" + version.Replace("-", string.Empty, StringComparison.Ordinal),
                "AtlasClient",
                version));
        }

        small.Add(new SeedSpec("cloud-manager-v1.0.invites", System.IO.Path.Combine(root, "specs", "cloud-manager-v1.0.invites.yaml"), false, "SpecClient.CloudManager.V1", "CloudManagerClient", null));

        // The feature specs the generator tests are written against: each holds the constructs one feature reads
        // (unions, form and multipart bodies, 3.1 idioms…), broken ones included, so mutations start from every
        // construct the generator knows rather than from the invitation fragments alone.
        foreach (string folder in new[] { System.IO.Path.Combine("tools", "SpecClient.Fuzz", "Seeds"), System.IO.Path.Combine("tests", "SpecClient.Generator.Tests", "Specs") })
        {
            string seeds = System.IO.Path.Combine(root, folder);
            if (!Directory.Exists(seeds))
            {
                continue;
            }

            foreach (string file in Directory.GetFiles(seeds).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (!TreeMutable(file))
                {
                    // The feature specs that are broken on purpose (not YAML, YAML only the repair reads): text and byte
                    // mutations alone could use them, and the fuzzer's own corpus of broken input already covers those.
                    continue;
                }

                string name = System.IO.Path.GetFileNameWithoutExtension(file);
                string pascal = string.Concat(name.Split('-', '.', '_').Where(part => part.Length > 0).Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
                small.Add(new SeedSpec(name, file, false, "Fuzz.Seeds." + pascal, pascal + "Client", null));
            }
        }

        var full = new List<SeedSpec>();
        string fullDirectory = FullSpecsDirectory(root);
        foreach (string version in new[] { "2023-02-01", "2023-11-15", "2024-05-30", "2025-03-12" })
        {
            string path = System.IO.Path.Combine(fullDirectory, "atlas-admin-v2-" + version + ".yaml");
            if (File.Exists(path))
            {
                full.Add(new SeedSpec("atlas-admin-v2-" + version, path, true, "Atlas.Full", "AtlasAdminClient", version));
            }
        }

        return new Corpus(root, small, full);
    }

    /// <summary>Whether YamlDotNet reads the file into the tree that tree mutations edit.</summary>
    private static bool TreeMutable(string path)
    {
        try
        {
            SpecTree.Parse(File.ReadAllText(path));
            return true;
        }
        catch (Exception exception) when (exception is YamlDotNet.Core.YamlException or InvalidOperationException or InvalidCastException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The repository root: the folder above <paramref name="start"/> holding Generator.sln.</summary>
    public static string FindRoot(string start) => RepositoryRoot.Above(start);
}
