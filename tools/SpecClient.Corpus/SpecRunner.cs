using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecClient.Generator;
using SpecClient.Testing;

namespace SpecClient.Corpus;

/// <summary>What the generator made of one spec of the corpus.</summary>
public sealed record SpecOutcome
{
    /// <summary>The spec's path relative to the corpus folder.</summary>
    public required string Name { get; init; }

    /// <summary>Operations the document declares (paths × HTTP methods).</summary>
    public int Declared { get; init; }

    /// <summary>Methods the generated clients have.</summary>
    public int Generated { get; init; }

    /// <summary>Declared operations without a method (never negative).</summary>
    public int Lost => Math.Max(0, Declared - Generated);

    /// <summary>The generator or the compiler ran past the per-spec timeout (and then honoured cancellation).</summary>
    public bool TimedOut => TimedOutWhile is not null;

    /// <summary>What ran past the per-spec timeout: <c>generating</c> or <c>compiling</c>; null when nothing did.</summary>
    public string? TimedOutWhile { get; init; }

    /// <summary>An exception that escaped the parser or emitter: always a bug.</summary>
    public string? Exception { get; init; }

    /// <summary>Why the declared operations could not be counted (not JSON); the spec still runs.</summary>
    public string? CountError { get; init; }

    /// <summary>Diagnostics by id.</summary>
    public IReadOnlyDictionary<string, int> ById { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Diagnostics a default build shows as warnings (the descriptors' default severity): what the spec's user sees in
    /// every build. Problems repeated per schema or path count once per cause (their summaries), not per place.
    /// </summary>
    public int Warnings { get; init; }

    /// <summary>Diagnostics by reason (<see cref="DiagnosticReasons.Reason"/>).</summary>
    public IReadOnlyDictionary<string, int> ByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>Null when not compiled; else whether the generated code compiled with warnings as errors.</summary>
    public bool? Compiled { get; init; }

    /// <summary>The first compile errors (warnings count as errors), formatted.</summary>
    public IReadOnlyList<string> CompileErrors { get; init; } = Array.Empty<string>();

    /// <summary>How many compile errors there were in all.</summary>
    public int CompileErrorCount { get; init; }

    public long GenerateMilliseconds { get; init; }

    public long CompileMilliseconds { get; init; }
}

/// <summary>
/// Runs the generator in this process over one spec through its real pipeline, as the compiler does: the public
/// <see cref="SpecClientGenerator"/> in a <see cref="CSharpGeneratorDriver"/>, the spec an additional file with its
/// <c>OpenApiSpec</c> metadata. The output is compiled in memory the way a consumer project compiles it.
/// </summary>
public static class SpecRunner
{
    private const int ErrorsShown = 5;

    // One per operation in the generated clients (ClientEmitter): what "methods generated" counts.
    private const string OperationDescriptor = "private static readonly global::SpecClient.Runtime.ApiOperation ";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    /// <summary>Generates (and with <paramref name="compile"/> compiles) one spec, within <paramref name="timeout"/>.</summary>
    public static SpecOutcome Run(string name, string path, string text, TimeSpan timeout, bool compile)
    {
        (int declared, string? countError) = DeclaredOperations.Count(text);
        var outcome = new SpecOutcome { Name = name, Declared = declared, CountError = countError };
        using var cancellation = new CancellationTokenSource(timeout);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SpecClientGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new SpecText(path, Encoding.UTF8.GetBytes(text))),
            ParseOptions,
            new SpecItemOptionsProvider(new[] { new SpecItemMetadata(path, "Corpus.Api", "ApiClient", null, null, null) }));
        var clock = Stopwatch.StartNew();
        GeneratorDriverRunResult run;
        try
        {
            run = driver.RunGenerators(CreateCompilation(Array.Empty<SyntaxTree>()), cancellation.Token).GetRunResult();
        }
        catch (OperationCanceledException)
        {
            return outcome with { TimedOutWhile = "generating", GenerateMilliseconds = clock.ElapsedMilliseconds };
        }

        if (run.Results.Select(result => result.Exception).FirstOrDefault(exception => exception is not null) is Exception escaped)
        {
            return outcome with { Exception = escaped.GetType().Name + ": " + escaped.Message, GenerateMilliseconds = clock.ElapsedMilliseconds };
        }

        List<Diagnostic> diagnostics = run.Diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("SCG", StringComparison.Ordinal)).ToList();
        outcome = outcome with
        {
            Generated = run.GeneratedTrees.Sum(tree => CountOccurrences(tree.GetText(cancellation.Token).ToString(), OperationDescriptor)),
            ById = Tally(diagnostics, diagnostic => diagnostic.Id),
            Warnings = diagnostics.Count(diagnostic => diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Warning),
            ByReason = Tally(diagnostics, diagnostic => DiagnosticReasons.Reason(diagnostic.Id, MessageArguments(diagnostic))),
            GenerateMilliseconds = clock.ElapsedMilliseconds,
        };
        if (!compile || run.GeneratedTrees.IsEmpty)
        {
            return outcome;
        }

        clock.Restart();
        try
        {
            List<Diagnostic> errors = Compile(run.GeneratedTrees, cancellation.Token);
            return outcome with
            {
                Compiled = errors.Count == 0,
                CompileErrors = errors.Take(ErrorsShown).Select(Format).ToList(),
                CompileErrorCount = errors.Count,
                CompileMilliseconds = clock.ElapsedMilliseconds,
            };
        }
        catch (OperationCanceledException)
        {
            return outcome with { TimedOutWhile = "compiling", CompileMilliseconds = clock.ElapsedMilliseconds };
        }
    }

    /// <summary>
    /// A reported diagnostic's message arguments, read back from its message with the descriptor's format (Roslyn keeps
    /// them internal): what <see cref="DiagnosticReasons"/> groups by.
    /// </summary>
    internal static IReadOnlyList<string> MessageArguments(Diagnostic diagnostic)
    {
        string format = diagnostic.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
        string pattern = "^" + Regex.Replace(Regex.Escape(format), @"\\\{(\d+)}", match => "(?<a" + match.Groups[1].Value + ">.*?)") + "$";
        Match parsed = Regex.Match(diagnostic.GetMessage(CultureInfo.InvariantCulture), pattern, RegexOptions.Singleline);
        if (!parsed.Success)
        {
            return Array.Empty<string>();
        }

        var arguments = new List<string>();
        for (int index = 0; parsed.Groups["a" + index.ToString(CultureInfo.InvariantCulture)] is { Success: true } group; index++)
        {
            arguments.Add(group.Value);
        }

        return arguments;
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Compiles generated files with the runtime referenced; every warning is an error, as in a strict consumer.</summary>
    internal static List<Diagnostic> Compile(IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        return CreateCompilation(trees).GetDiagnostics(cancellationToken)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToList();
    }

    private static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create(
            "Consumer",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999, generalDiagnosticOption: ReportDiagnostic.Error)
                // As the .NET SDK does: reference-unification notices are not about the code.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    private static Dictionary<string, int> Tally(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, string> key)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            string k = key(diagnostic);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        return counts;
    }

    private static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string where = diagnostic.Location.IsInSource ? Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " : string.Empty;
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return where + diagnostic.Id + " " + (message.Length > 300 ? message.Substring(0, 300) + "…" : message);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Where(path => Path.GetDirectoryName(path) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .Append(typeof(SpecClient.Runtime.ApiConnection).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
