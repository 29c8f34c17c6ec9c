using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Emitting;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

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
/// Runs the generator's parser and emitter in this process over one spec, as the incremental generator does (see
/// generator/SpecClientGenerator.cs), and compiles the output in memory the way a consumer project compiles it.
/// </summary>
public static class SpecRunner
{
    private const int ErrorsShown = 5;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    /// <summary>Generates (and with <paramref name="compile"/> compiles) one spec, within <paramref name="timeout"/>.</summary>
    public static SpecOutcome Run(string name, string path, string text, TimeSpan timeout, bool compile)
    {
        (int declared, string? countError) = DeclaredOperations.Count(text);
        var outcome = new SpecOutcome { Name = name, Declared = declared, CountError = countError };
        using var cancellation = new CancellationTokenSource(timeout);
        var clock = Stopwatch.StartNew();
        ParseResult result;
        try
        {
            result = SpecParser.Parse(new SpecFileOptions(path, "Corpus.Api", "ApiClient", null, null), text, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            return outcome with { TimedOutWhile = "generating", GenerateMilliseconds = clock.ElapsedMilliseconds };
        }
        catch (Exception exception)
        {
            return outcome with { Exception = "parse: " + exception.GetType().Name + ": " + exception.Message, GenerateMilliseconds = clock.ElapsedMilliseconds };
        }

        outcome = outcome with
        {
            Generated = result.Spec is { } spec ? spec.RootClient.Operations.Count + spec.TagClients.Sum(client => client.Operations.Count) : 0,
            ById = Tally(result.Diagnostics, diagnostic => diagnostic.Id),
            Warnings = result.Diagnostics.Count(diagnostic => DiagnosticDescriptors.ById(diagnostic.Id).DefaultSeverity == DiagnosticSeverity.Warning),
            ByReason = Tally(result.Diagnostics, diagnostic => DiagnosticReasons.Reason(diagnostic.Id, diagnostic.MessageArgs)),
        };
        if (result.Spec is null)
        {
            return outcome with { GenerateMilliseconds = clock.ElapsedMilliseconds };
        }

        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = SourceEmitter.Emit(result.Spec);
        }
        catch (Exception exception)
        {
            return outcome with { Exception = "emit: " + exception.GetType().Name + ": " + exception.Message, GenerateMilliseconds = clock.ElapsedMilliseconds };
        }

        outcome = outcome with { GenerateMilliseconds = clock.ElapsedMilliseconds };
        if (!compile)
        {
            return outcome;
        }

        clock.Restart();
        try
        {
            List<Diagnostic> errors = Compile(files, cancellation.Token);
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

    /// <summary>Compiles generated files with the runtime referenced; every warning is an error, as in a strict consumer.</summary>
    internal static List<Diagnostic> Compile(IReadOnlyList<GeneratedFile> files, CancellationToken cancellationToken)
    {
        IEnumerable<SyntaxTree> trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.HintName, cancellationToken: cancellationToken));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999, generalDiagnosticOption: ReportDiagnostic.Error)
                // As the .NET SDK does: reference-unification notices are not about the code.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        return compilation.GetDiagnostics(cancellationToken)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToList();
    }

    private static Dictionary<string, int> Tally(EquatableArray<DiagnosticInfo> diagnostics, Func<DiagnosticInfo, string> key)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (DiagnosticInfo diagnostic in diagnostics)
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
