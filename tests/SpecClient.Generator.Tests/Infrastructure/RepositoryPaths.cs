using System;
using System.IO;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string BundledSpecs => Path.Combine(Root, "specs");

    public static string Snapshots => Path.Combine(Root, "tests", "SpecClient.Generator.Tests", "Snapshots");

    public static string TestSpecs => Path.Combine(AppContext.BaseDirectory, "Specs");

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
