using System;
using System.IO;

namespace SpecClient.Conformance.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ProjectDirectory => Path.Combine(Root, "tests", "SpecClient.Conformance.Tests");

    public static string BundledSpecs => Path.Combine(Root, "specs");

    public static string GeneratorTestSpecs => Path.Combine(Root, "tests", "SpecClient.Generator.Tests", "Specs");

    public static string FullAtlasSpec => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "atlas", "atlas-admin-v2-2025-03-12.yaml"));

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
