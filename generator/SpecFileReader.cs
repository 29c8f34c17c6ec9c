using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator;

/// <summary>
/// Recognises the AdditionalFiles that are OpenAPI specs (the build marks them, from <c>&lt;OpenApiSpec&gt;</c> items)
/// and reads their metadata. Every other additional file (stylecop.json…) is ignored without being read.
/// </summary>
internal static class SpecFileReader
{
    public const string KindMetadata = "build_metadata.AdditionalFiles.SpecClientKind";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.Namespace";
    public const string ClientNameMetadata = "build_metadata.AdditionalFiles.ClientName";
    public const string ApiVersionMetadata = "build_metadata.AdditionalFiles.ApiVersion";
    public const string IncludeOperationsMetadata = "build_metadata.AdditionalFiles.IncludeOperations";
    public const string ExcludeOperationsMetadata = "build_metadata.AdditionalFiles.ExcludeOperations";
    public const string UnionsMetadata = "build_metadata.AdditionalFiles.Unions";
    public const string RootNamespaceProperty = "build_property.RootNamespace";
    public const string SpecKind = "OpenApiSpec";

    public static SpecFileOptions? ReadOptions(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        AnalyzerConfigOptions options = provider.GetOptions(file);
        if (!options.TryGetValue(KindMetadata, out string? kind) || kind != SpecKind)
        {
            return null;
        }

        provider.GlobalOptions.TryGetValue(RootNamespaceProperty, out string? rootNamespace);
        return new SpecFileOptions(
            file.Path,
            Get(options, NamespaceMetadata),
            Get(options, ClientNameMetadata),
            Get(options, ApiVersionMetadata),
            string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace,
            Get(options, IncludeOperationsMetadata),
            Get(options, ExcludeOperationsMetadata),
            string.Equals(Get(options, UnionsMetadata), "true", System.StringComparison.OrdinalIgnoreCase));
    }

    private static string? Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
