using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SpecClient.CompileCost;

/// <summary>
/// <c>dotnet run -c Release --project bench/SpecClient.CompileCost -- [--runs N] empty.csproj client.csproj... </c>:
/// the first project is the baseline (an empty library); for each project, the bytes its compile allocates (parse,
/// generators, binding, analyzers, emit: what csc does, in one warm process), the overhead over the baseline and its
/// ratio to the last project's overhead. CPU seconds are printed beside them, for information only.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int runs = 2;
        var projects = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs")
            {
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                projects.Add(Path.GetFullPath(args[i]));
            }
        }

        if (projects.Count < 2)
        {
            Console.Error.WriteLine("usage: [--runs N] baseline.csproj project.csproj... (the last project is the one ratios are taken to)");
            return 2;
        }

        var commandLines = new List<(string Project, string Arguments)>();
        foreach (string project in projects)
        {
            Console.Error.WriteLine($"building {Path.GetFileNameWithoutExtension(project)} to learn its compiler command line…");
            string? arguments = CompilerCommandLine.Of(project);
            if (arguments is null)
            {
                return 1;
            }

            commandLines.Add((project, arguments));
        }

        // Interleaved rounds; the first round warms the JIT and is not counted.
        var results = commandLines.ToDictionary(c => c.Project, _ => new List<Measurement>());
        for (int round = 0; round <= runs; round++)
        {
            foreach ((string project, string arguments) in commandLines)
            {
                Measurement measurement = InProcessCompile.Run(Path.GetDirectoryName(project)!, arguments);
                Console.Error.WriteLine($"round {round} {Path.GetFileNameWithoutExtension(project)}: {measurement.AllocatedMegabytes:F0} MB, {measurement.CpuSeconds:F1} CPU s, {measurement.Errors} error(s)");
                if (measurement.Errors > 0)
                {
                    Console.Error.WriteLine(measurement.FirstError);
                    return 1;
                }

                if (round > 0)
                {
                    results[project].Add(measurement);
                }
            }
        }

        double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        double baseline = Median(results[projects[0]].Select(m => m.AllocatedMegabytes));
        double reference = Median(results[projects[^1]].Select(m => m.AllocatedMegabytes)) - baseline;
        Console.WriteLine($"| project | allocated MB (median of {runs}) | overhead MB | vs {Path.GetFileNameWithoutExtension(projects[^1])} | CPU s (median, noisy) |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (string project in projects)
        {
            double allocated = Median(results[project].Select(m => m.AllocatedMegabytes));
            double cpu = Median(results[project].Select(m => m.CpuSeconds));
            string ratio = project == projects[0] ? "–" : ((allocated - baseline) / reference).ToString("F2", CultureInfo.InvariantCulture) + "×";
            Console.WriteLine($"| {Path.GetFileNameWithoutExtension(project)} | {allocated:F0} | {(project == projects[0] ? "–" : (allocated - baseline).ToString("F0", CultureInfo.InvariantCulture))} | {ratio} | {cpu:F1} |");
        }

        return 0;
    }
}

/// <summary>One in-process compile.</summary>
internal readonly record struct Measurement(double AllocatedMegabytes, double CpuSeconds, int Errors, string? FirstError);

/// <summary>The compiler command line a build runs for a project (its <c>csc</c> line at normal verbosity).</summary>
internal static class CompilerCommandLine
{
    public static string? Of(string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "build", project, "-c", "Release", "--no-incremental", "-p:UseSharedCompilation=false", "-v:n", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(output);
            return null;
        }

        // The project's own compile is the last csc line (referenced projects compile first).
        const string Marker = "/Roslyn/bincore/csc ";
        string? line = output.Split('\n').LastOrDefault(l => l.Contains(Marker, StringComparison.Ordinal) && l.Contains("/noconfig", StringComparison.Ordinal));
        if (line is null)
        {
            Console.Error.WriteLine($"no compiler command line in the build output of {project}");
            return null;
        }

        return line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim();
    }
}

/// <summary>Compiles as csc would, in this process: parse, run generators, bind, analyze, emit to memory.</summary>
internal static class InProcessCompile
{
    public static Measurement Run(string directory, string commandLine)
    {
        CSharpCommandLineArguments parsed = CSharpCommandLineParser.Default.Parse(
            CommandLineParser.SplitCommandLineIntoArguments(commandLine, removeHashComments: false), directory, sdkDirectory: null, additionalReferenceDirectories: null);
        var loader = new DirectLoader();
        foreach (CommandLineAnalyzerReference reference in parsed.AnalyzerReferences)
        {
            loader.AddDependencyLocation(Path.GetFullPath(reference.FilePath, directory));
        }

        List<AnalyzerFileReference> analyzerReferences = parsed.AnalyzerReferences
            .Select(a => new AnalyzerFileReference(Path.GetFullPath(a.FilePath, directory), loader)).ToList();
        ImmutableArray<DiagnosticAnalyzer> analyzers = analyzerReferences.SelectMany(a => a.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        ISourceGenerator[] generators = analyzerReferences.SelectMany(a => a.GetGenerators(LanguageNames.CSharp)).ToArray();
        List<MetadataReference> references = parsed.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference)).ToList();
        ImmutableArray<AdditionalText> additionalFiles = parsed.AdditionalFiles.Select(f => (AdditionalText)new FileText(f.Path)).ToImmutableArray();
        AnalyzerConfigSet configs = AnalyzerConfigSet.Create(parsed.AnalyzerConfigPaths.Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p)).ToList());
        string[] sourceTexts = parsed.SourceFiles.Select(f => File.ReadAllText(f.Path)).ToArray();

        GC.Collect();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        List<SyntaxTree> trees = parsed.SourceFiles
            .Select((f, i) => CSharpSyntaxTree.ParseText(SourceText.From(sourceTexts[i], System.Text.Encoding.UTF8), parsed.ParseOptions, f.Path))
            .ToList();
        var compilation = CSharpCompilation.Create(parsed.CompilationName ?? "Consumer", trees, references, parsed.CompilationOptions);
        var options = new ConfigOptions(configs);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, additionalFiles, parsed.ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> generatorDiagnostics);
        ImmutableArray<Diagnostic> diagnostics = generated.WithAnalyzers(analyzers, new AnalyzerOptions(additionalFiles, options))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        using var peStream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = generated.Emit(peStream);

        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        double megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
        Diagnostic[] errors = generatorDiagnostics.Concat(diagnostics).Concat(emit.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        return new Measurement(megabytes, cpu, errors.Length, errors.FirstOrDefault()?.ToString());
    }

    /// <summary>Loads analyzers into this process; a dependency (the generator's YamlDotNet) is found among the /analyzer paths, as csc finds it.</summary>
    private sealed class DirectLoader : IAnalyzerAssemblyLoader
    {
        private static readonly Dictionary<string, string> s_paths = new(StringComparer.OrdinalIgnoreCase);

        static DirectLoader()
        {
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name is not null && s_paths.TryGetValue(name.Name, out string? path) ? context.LoadFromAssemblyPath(path) : null;
        }

        public void AddDependencyLocation(string fullPath) => s_paths[System.IO.Path.GetFileNameWithoutExtension(fullPath)] = fullPath;

        public Assembly LoadFromPath(string fullPath)
        {
            AddDependencyLocation(fullPath);
            return Assembly.LoadFrom(fullPath);
        }
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path));
    }

    /// <summary>The build's .editorconfig/.globalconfig options, per file, as csc gives them to generators and analyzers.</summary>
    private sealed class ConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet _configs;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AnalyzerConfigOptions> _byPath = new(StringComparer.Ordinal);

        public ConfigOptions(AnalyzerConfigSet configs)
        {
            _configs = configs;
            GlobalOptions = new Options(configs.GlobalConfigOptions.AnalyzerOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

        // Worked out once per file, as csc does: analyzers ask for a file's options many times, and recomputing them would
        // count this harness's allocations against the consumer with the most files.
        private AnalyzerConfigOptions ForPath(string path)
            => _byPath.GetOrAdd(path, p => new Options(_configs.GetOptionsForSourcePath(p).AnalyzerOptions));

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
