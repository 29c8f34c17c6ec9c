using System;
using System.IO;

namespace SpecClient.Conformance.Tests.Infrastructure;

/// <summary>A spec the suite runs and the generated root client the test project compiled from it.</summary>
internal sealed record ConformanceSpec(string Name, string Path, string RootClient)
{
    public static ConformanceSpec[] All { get; } =
    {
        Bundled("atlas-v2-2023-02-01.invites", "SpecClient.Atlas.V20230201.AtlasClient"),
        Bundled("atlas-v2-2023-11-15.invites", "SpecClient.Atlas.V20231115.AtlasClient"),
        Bundled("atlas-v2-2024-05-30.invites", "SpecClient.Atlas.V20240530.AtlasClient"),
        Bundled("atlas-v2-2025-03-12.invites", "SpecClient.Atlas.V20250312.AtlasClient"),
        Bundled("cloud-manager-v1.0.invites", "SpecClient.CloudManager.V1.CloudManagerClient"),
        new("atlas-admin-v2-2025-03-12", RepositoryPaths.FullAtlasSpec, "SpecClient.Conformance.AtlasFull.AtlasAdminClient"),
        new("unions", System.IO.Path.Combine(RepositoryPaths.ProjectDirectory, "Specs", "unions.yaml"), "SpecClient.Conformance.Unions.UnionsClient"),
        new("bodies", System.IO.Path.Combine(RepositoryPaths.GeneratorTestSpecs, "bodies.yaml"), "SpecClient.Conformance.Bodies.BodiesApi"),
    };

    public static ConformanceSpec Named(string name) => Array.Find(All, s => s.Name == name) ?? throw new ArgumentException("unknown spec " + name);

    /// <summary>The generated client, or null when the spec was absent at build time (the full spec lives in ../shared).</summary>
    public Type? ClientType => typeof(ConformanceSpec).Assembly.GetType(RootClient);

    private static ConformanceSpec Bundled(string name, string rootClient)
        => new(name, System.IO.Path.Combine(RepositoryPaths.BundledSpecs, name + ".yaml"), rootClient);

    public bool Exists => File.Exists(Path);
}
