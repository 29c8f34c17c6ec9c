using System.IO;
using Xunit;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>The real, full Atlas specs, read in place from ../shared (never copied into the repository).</summary>
internal static class FullSpecs
{
    public static string Directory => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "specs", "atlas"));

    public static string[] Files { get; } =
    {
        "atlas-admin-v2-2023-02-01.yaml",
        "atlas-admin-v2-2023-11-15.yaml",
        "atlas-admin-v2-2024-05-30.yaml",
        "atlas-admin-v2-2025-03-12.yaml",
    };

    /// <summary>The spec, or a skip that says why when ../shared is not beside the repository.</summary>
    public static SpecInput Load(string file, string? includeOperations = null)
    {
        string path = Path.Combine(Directory, file);
        Skip.IfNot(File.Exists(path), $"The full Atlas specs are read from {Directory}, which is absent: put the shared folder beside the repository to run this test.");
        string apiVersion = file.Substring("atlas-admin-v2-".Length, 10);
        return SpecInput.FromFile(path, "Atlas.Full", "AtlasAdminClient", apiVersion) with { IncludeOperations = includeOperations };
    }
}
