using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Benchmarks;

/// <summary>The specs measured: the five bundled fragments together, and each full Atlas spec from ../shared.</summary>
internal static class SpecSources
{
    public const string Bundled = "bundled (5 fragments)";

    public static string RepositoryRoot { get; } = SpecClient.Testing.RepositoryRoot.Path;

    public static string FullSpecDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "specs", "atlas"));

    public static IEnumerable<string> Names()
    {
        yield return Bundled;
        if (Directory.Exists(FullSpecDirectory))
        {
            foreach (string file in Directory.GetFiles(FullSpecDirectory, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return Path.GetFileName(file);
            }
        }
    }

    /// <summary>The files of one measured case, with the options the build would give them.</summary>
    public static IReadOnlyList<(SpecFileOptions Options, string Text)> Load(string name)
    {
        if (name == Bundled)
        {
            return Directory.GetFiles(Path.Combine(RepositoryRoot, "specs"), "*.yaml")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select((file, index) => (new SpecFileOptions(file, "Bench.Bundled" + index, "Client", "2025-03-12", null), File.ReadAllText(file)))
                .ToList();
        }

        string path = Path.Combine(FullSpecDirectory, name);
        return new[] { (new SpecFileOptions(path, "Bench.Full", "AtlasAdminClient", name.Substring("atlas-admin-v2-".Length, 10), null), File.ReadAllText(path)) };
    }
}
