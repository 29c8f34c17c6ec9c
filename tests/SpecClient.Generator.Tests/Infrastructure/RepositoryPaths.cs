using System;
using System.IO;

using SpecClient.Testing;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string BundledSpecs => Path.Combine(Root, "specs");

    public static string Snapshots => Path.Combine(Root, "tests", "SpecClient.Generator.Tests", "Snapshots");

    public static string TestSpecs => Path.Combine(AppContext.BaseDirectory, "Specs");
}
