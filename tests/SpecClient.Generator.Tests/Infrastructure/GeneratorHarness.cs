using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Testing;
using Xunit;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>A spec file as the build passes it: its path, text and <c>OpenApiSpec</c> metadata.</summary>
internal sealed record SpecInput(string Path, string Text, string? Namespace = null, string? ClientName = null, string? ApiVersion = null, bool IsSpec = true, string? IncludeOperations = null, string? ExcludeOperations = null, bool Unions = false)
{
    public static SpecInput FromFile(string path, string? @namespace = null, string? clientName = null, string? apiVersion = null)
        => new(path, File.ReadAllText(path), @namespace, clientName, apiVersion);

    public SpecInput WithText(string text) => this with { Text = text };
}

/// <summary>Runs the generator the way the compiler does, with step tracking on, and compiles its output.</summary>
internal sealed class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private readonly Dictionary<string, InMemoryAdditionalText> _texts = new(StringComparer.Ordinal);
    private GeneratorDriver _driver;
    private CSharpCompilation _compilation;

    public GeneratorHarness(params string[] sources)
    {
        _compilation = CreateCompilation(sources);
        _driver = CSharpGeneratorDriver.Create(
            new[] { new SpecClientGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public CSharpCompilation Compilation => _compilation;

    /// <summary>Runs the generator over <paramref name="specs"/> (and any other additional files), keeping state between runs.</summary>
    public GeneratorDriverRunResult Run(params SpecInput[] specs)
    {
        var texts = specs.Select(spec => (AdditionalText)TextFor(spec)).ToImmutableArray();
        _driver = _driver.ReplaceAdditionalTexts(texts)
            .WithUpdatedAnalyzerConfigOptions(new SpecItemOptionsProvider(specs.Where(spec => spec.IsSpec).Select(spec => new SpecItemMetadata(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, spec.IncludeOperations, spec.ExcludeOperations, spec.Unions))));
        _driver = _driver.RunGenerators(_compilation, CancellationToken.None);
        return _driver.GetRunResult();
    }

    /// <summary>How often the generator read a file's text.</summary>
    public int ReadCount(string path) => _texts.TryGetValue(path, out InMemoryAdditionalText? text) ? text.ReadCount : 0;

    /// <summary>Replaces one C# source (an edit unrelated to any spec).</summary>
    public void ReplaceSource(int index, string text)
    {
        SyntaxTree old = _compilation.SyntaxTrees.ElementAt(index);
        _compilation = _compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, ParseOptions));
    }

    /// <summary>Compiles the generated sources with the input sources: the errors and warnings, or none.</summary>
    public IReadOnlyList<Diagnostic> CompileOutput(GeneratorDriverRunResult result)
    {
        CSharpCompilation output = _compilation.AddSyntaxTrees(result.GeneratedTrees);
        return output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .ToList();
    }

    /// <summary>Fails, listing the first 20, when the generated code compiled with the consumer gives any warning or error.</summary>
    public void AssertOutputCompilesCleanly(GeneratorDriverRunResult result)
    {
        IReadOnlyList<Diagnostic> problems = CompileOutput(result);
        Assert.True(problems.Count == 0, $"{problems.Count} warnings or errors; the first:\n" + string.Join("\n", problems.Take(20)));
    }

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                // As the .NET SDK does: reference-unification notices are not warnings about the code.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    private InMemoryAdditionalText TextFor(SpecInput spec)
    {
        // Unchanged files stay the same instances, as in the IDE and compiler, so caching can be observed.
        if (!_texts.TryGetValue(spec.Path, out InMemoryAdditionalText? text) || text.Content != spec.Text)
        {
            _texts[spec.Path] = text = new InMemoryAdditionalText(spec.Path, spec.Text);
        }

        return text;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(SpecClient.Runtime.ApiConnection).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            Content = text;
            _text = SourceText.From(text);
        }

        public string Content { get; }

        public override string Path { get; }

        public int ReadCount { get; private set; }

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            ReadCount++;
            return _text;
        }
    }
}
