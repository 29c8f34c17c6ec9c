using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SpecClient.Testing;

/// <summary>
/// One <c>OpenApiSpec</c> item's metadata as the build hands it to the generator. Linked into the fuzz and corpus tools
/// and the generator tests, which all drive the generator the way the compiler does.
/// </summary>
internal sealed record SpecItemMetadata(string Path, string? Namespace, string? ClientName, string? ApiVersion, string? IncludeOperations, string? ExcludeOperations, bool Unions = false);

/// <summary>The analyzer config the SDK writes for <c>OpenApiSpec</c> items (see generator/build/SpecClient.targets).</summary>
internal sealed class SpecItemOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, SpecItemMetadata> _byPath = new(StringComparer.Ordinal);

    public SpecItemOptionsProvider(IEnumerable<SpecItemMetadata> specs)
    {
        foreach (SpecItemMetadata spec in specs)
        {
            _byPath[spec.Path] = spec;
        }
    }

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        if (!_byPath.TryGetValue(textFile.Path, out SpecItemMetadata? spec))
        {
            return DictionaryOptions.Empty;
        }

        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SpecClientKind"] = "OpenApiSpec" };
        Add(values, "Namespace", spec.Namespace);
        Add(values, "ClientName", spec.ClientName);
        Add(values, "ApiVersion", spec.ApiVersion);
        Add(values, "IncludeOperations", spec.IncludeOperations);
        Add(values, "ExcludeOperations", spec.ExcludeOperations);
        Add(values, "Unions", spec.Unions ? "true" : null);
        return new DictionaryOptions(values);
    }

    private static void Add(Dictionary<string, string> values, string name, string? value)
    {
        if (value is not null)
        {
            values["build_metadata.AdditionalFiles." + name] = value;
        }
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
