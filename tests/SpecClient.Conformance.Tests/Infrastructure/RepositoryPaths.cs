using System;
using System.IO;

using SpecClient.Testing;

namespace SpecClient.Conformance.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string ProjectDirectory => Path.Combine(Root, "tests", "SpecClient.Conformance.Tests");

    public static string BundledSpecs => Path.Combine(Root, "specs");

    public static string GeneratorTestSpecs => Path.Combine(Root, "tests", "SpecClient.Generator.Tests", "Specs");

    public static string FullAtlasSpec => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "atlas", "atlas-admin-v2-2025-03-12.yaml"));
}
