using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Generator;
using SpecClient.Testing;

namespace SpecClient.Fuzz;

/// <summary>How a case ended. The first four are failures; SCG warnings are expected and never make a case fail.</summary>
public static class CaseClass
{
    public const string Crash = "CRASH";
    public const string Hang = "HANG";
    public const string Internal = "INTERNAL";
    public const string BadOutput = "BAD-OUTPUT";
    public const string Warning = "WARNING";
    public const string Ok = "OK";

    /// <summary>The tool could not build the case (a defect of the fuzzer, not of the generator); not a failure.</summary>
    public const string Skipped = "SKIPPED";

    public static readonly string[] All = { Crash, Hang, Internal, BadOutput, Warning, Ok, Skipped };

    public static readonly string[] Failing = { Crash, Hang, Internal, BadOutput };
}

/// <summary>What a case did: its class, its mutations, the first diagnostics, timings.</summary>
public sealed record CaseResult
{
    public required string Id { get; init; }

    public required string Class { get; init; }

    public IReadOnlyList<string> Mutations { get; init; } = Array.Empty<string>();

    /// <summary>Diagnostics the generator (and the driver) reported, first few.</summary>
    public IReadOnlyList<string> GeneratorDiagnostics { get; init; } = Array.Empty<string>();

    /// <summary>Errors and warnings from compiling the generated code, first few.</summary>
    public IReadOnlyList<string> CompileDiagnostics { get; init; } = Array.Empty<string>();

    /// <summary>For a crash: the end of the worker's standard error; for an internal failure: the exception.</summary>
    public string? Detail { get; init; }

    public int GeneratedFiles { get; init; }

    public long BuildMilliseconds { get; init; }

    public long GenerateMilliseconds { get; init; }

    public long CompileMilliseconds { get; init; }

    /// <summary>A short key that groups cases failing the same way (class and the ids of the first diagnostics).</summary>
    public string Signature { get; init; } = string.Empty;
}

/// <summary>
/// Runs one case in this process: the public <see cref="SpecClientGenerator"/> through <see cref="CSharpGeneratorDriver"/>
/// exactly as the compiler does, then the generated code compiled the way a consumer project compiles it.
/// </summary>
public static class CaseRunner
{
    private const int Shown = 8;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    /// <summary>A hook for tests: a case whose id is listed crashes (stack overflow) or hangs the worker on purpose.</summary>
    public static Dictionary<string, string> TestHooks { get; } = new(StringComparer.Ordinal);

    public sealed record Outcome(CaseResult Result, GeneratorDriverRunResult? Run, IReadOnlyList<Diagnostic> Compile);

    public static Outcome Run(FuzzCase fuzzCase, long buildMilliseconds, TimeSpan cancelAfter, Action<string>? phase = null)
    {
        string id = fuzzCase.Id.ToString();
        if (TestHooks.TryGetValue(id, out string? hook))
        {
            RunHook(hook);
        }

        var texts = fuzzCase.Specs.Select(spec => (AdditionalText)new SpecText(spec.Path, spec.Bytes)).ToImmutableArray();
        CSharpCompilation compilation = CreateCompilation();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SpecClientGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new SpecItemOptionsProvider(fuzzCase.Specs.Select(spec => new SpecItemMetadata(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, spec.IncludeOperations, spec.ExcludeOperations, spec.Unions))),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

        var clock = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(cancelAfter);
        GeneratorDriverRunResult run;
        try
        {
            driver = driver.RunGenerators(compilation, cancellation.Token);
            run = driver.GetRunResult();
        }
        catch (OperationCanceledException)
        {
            return new Outcome(
                new CaseResult
                {
                    Id = id, Class = CaseClass.Hang, Mutations = fuzzCase.Mutations, BuildMilliseconds = buildMilliseconds, GenerateMilliseconds = clock.ElapsedMilliseconds,
                    Detail = "the generator ran past " + cancelAfter.TotalSeconds + " s and then honoured cancellation", Signature = "HANG cancelled",
                },
                null,
                Array.Empty<Diagnostic>());
        }

        long generate = clock.ElapsedMilliseconds;
        phase?.Invoke("compile (the generator finished in " + generate + " ms)");
        clock.Restart();
        (List<Diagnostic> compile, List<Diagnostic> errors, List<Diagnostic> warnings) = CompileOnce(compilation, run.GeneratedTrees);
        long compileTime = clock.ElapsedMilliseconds;

        ImmutableArray<Diagnostic> generatorDiagnostics = run.Diagnostics;
        Exception? exception = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);

        (string cls, string signature) = Classify(exception, generatorDiagnostics, errors, warnings);
        var result = new CaseResult
        {
            Id = id,
            Class = cls,
            Mutations = fuzzCase.Mutations,
            GeneratorDiagnostics = generatorDiagnostics.OrderByDescending(d => d.Severity).Take(Shown).Select(Format).ToList(),
            CompileDiagnostics = errors.Concat(warnings).Take(Shown).Select(Format).ToList(),
            Detail = exception?.ToString() ?? generatorDiagnostics.FirstOrDefault(IsInternal)?.GetMessage(),
            GeneratedFiles = run.GeneratedTrees.Length,
            BuildMilliseconds = buildMilliseconds,
            GenerateMilliseconds = generate,
            CompileMilliseconds = compileTime,
            Signature = signature,
        };
        return new Outcome(result, run, compile);
    }

    // Many mutations leave the generated code as it was (a changed example, an unused schema): a worker compiles each
    // distinct output once. Compiling is most of a case's time.
    private static readonly Dictionary<string, (List<Diagnostic> All, List<Diagnostic> Errors, List<Diagnostic> Warnings)> CompiledOutputs = new(StringComparer.Ordinal);

    private static (List<Diagnostic> All, List<Diagnostic> Errors, List<Diagnostic> Warnings) CompileOnce(CSharpCompilation compilation, ImmutableArray<SyntaxTree> generated)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (SyntaxTree tree in generated)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(tree.FilePath + "\0" + tree.ToString() + "\0"));
        }

        string key = Convert.ToHexString(hash.GetHashAndReset());
        lock (CompiledOutputs)
        {
            if (CompiledOutputs.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var generatedTrees = new HashSet<SyntaxTree>(generated);
        List<Diagnostic> all = compilation.AddSyntaxTrees(generated).GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        List<Diagnostic> errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        List<Diagnostic> warnings = all.Where(d => d.Severity == DiagnosticSeverity.Warning && (d.Location.SourceTree is null || generatedTrees.Contains(d.Location.SourceTree))).ToList();
        lock (CompiledOutputs)
        {
            if (CompiledOutputs.Count > 2000)
            {
                CompiledOutputs.Clear();
            }

            CompiledOutputs[key] = (all, errors, warnings);
        }

        return (all, errors, warnings);
    }

    /// <summary>
    /// The class of a finished run: INTERNAL (a generator exception, CS8785, AD0001 or SCG0010), BAD-OUTPUT (compile
    /// errors while the generator reported no SCG error), WARNING (compiler warnings in generated code), else OK.
    /// </summary>
    public static (string Class, string Signature) Classify(Exception? exception, IReadOnlyList<Diagnostic> generatorDiagnostics, IReadOnlyList<Diagnostic> compileErrors, IReadOnlyList<Diagnostic> generatedCodeWarnings)
    {
        List<Diagnostic> internalDiagnostics = generatorDiagnostics.Where(IsInternal).ToList();
        if (exception is not null || internalDiagnostics.Count > 0)
        {
            return (CaseClass.Internal, "INTERNAL " + (internalDiagnostics.FirstOrDefault()?.Id ?? "exception") + " " + (exception?.GetType().Name ?? FirstWords(internalDiagnostics[0].GetMessage())));
        }

        bool scgError = generatorDiagnostics.Any(d => d.Id.StartsWith("SCG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        if (compileErrors.Count > 0 && !scgError)
        {
            return (CaseClass.BadOutput, "BAD-OUTPUT " + Ids(compileErrors));
        }

        return generatedCodeWarnings.Count > 0 ? (CaseClass.Warning, "WARNING " + Ids(generatedCodeWarnings)) : (CaseClass.Ok, "OK");
    }

    private static bool IsInternal(Diagnostic diagnostic) => diagnostic.Id is "SCG0010" or "CS8785" or "AD0001";

    private static string Ids(IEnumerable<Diagnostic> diagnostics) => string.Join(",", diagnostics.Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).Take(4));

    public static string Format(Diagnostic diagnostic)
    {
        string where = diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile
            ? Path.GetFileName(diagnostic.Location.GetLineSpan().Path) + "(" + (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1) + "," + (diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1) + "): "
            : string.Empty;
        string message = diagnostic.GetMessage();
        if (message.Length > 400)
        {
            message = message.Substring(0, 400) + "…";
        }

        return where + diagnostic.Severity.ToString().ToLowerInvariant() + " " + diagnostic.Id + ": " + message;
    }

    private static string FirstWords(string message) => string.Join(" ", message.Split(' ').Take(6));

    private static void RunHook(string hook)
    {
        switch (hook)
        {
            case "crash":
                Recurse(0);
                break;
            case "hang":
                Thread.Sleep(Timeout.Infinite);
                break;
            default:
                throw new InvalidOperationException("test hook: " + hook);
        }
    }

    // The test hook overflows the stack on purpose: what a runaway recursion in the generator does to the compiler.
    private static int Recurse(int depth) => Recurse(depth + 1) + 1;

    public static CSharpCompilation CreateCompilation()
        => CSharpCompilation.Create(
            "Consumer",
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                // As the .NET SDK does: reference-unification notices are not warnings about the code.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

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
