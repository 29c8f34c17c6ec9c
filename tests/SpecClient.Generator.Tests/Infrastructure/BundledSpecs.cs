using System.Collections.Generic;
using System.IO;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>The five bundled specs with the metadata SpecClient.targets gives them.</summary>
internal static class BundledSpecs
{
    public static IEnumerable<SpecInput> All()
    {
        yield return Atlas("2023-02-01", "V20230201");
        yield return Atlas("2023-11-15", "V20231115");
        yield return Atlas("2024-05-30", "V20240530");
        yield return Atlas("2025-03-12", "V20250312");
        yield return SpecInput.FromFile(Path.Combine(RepositoryPaths.BundledSpecs, "cloud-manager-v1.0.invites.yaml"), "SpecClient.CloudManager.V1", "CloudManagerClient");
    }

    public static SpecInput Atlas(string version, string suffix)
        => SpecInput.FromFile(Path.Combine(RepositoryPaths.BundledSpecs, "atlas-v2-" + version + ".invites.yaml"), "SpecClient.Atlas." + suffix, "AtlasClient", version);
}
