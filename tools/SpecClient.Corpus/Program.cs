using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Corpus;

/// <summary>The command line: fetch the corpus, run the generator over it, write the report, check the coverage.</summary>
public static class Program
{
    private const string Usage = """
        SpecClient.Corpus: runs the generator over real public OpenAPI specs and counts the operations that become methods.

          --cache DIR         where the corpus is fetched and unpacked (default ~/.cache/specclient-corpus); never the repository
          --specs DIR         run the JSON specs under DIR instead of fetching (repeatable)
          --no-octokit        leave out GitHub's descriptions (@octokit/openapi)
          --out DIR           report.md and report.json go there (default corpus-out)
          --compile           also compile every spec's output (warnings as errors, runtime referenced)
          --compile-every N   compile every Nth spec's output only
          --every N           run every Nth spec only (a quick sample)
          --filter TEXT       run only specs whose path contains TEXT
          --timeout SEC       per-spec cancellation timeout (default 120)
          --parallel N        specs run at once (default 2)
          --min-coverage P    exit 1 when coverage is below P percent

        Exit code: 0 done; 1 coverage below --min-coverage; 3 a spec crashed the generator or its output did not
        compile (bugs); 2 bad arguments or the corpus could not be fetched.
        """;

    public static int Main(string[] args)
    {
        CorpusOptions options;
        try
        {
            options = CorpusOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        List<(string Folder, string? SkipSuffix, string Label)> folders;
        try
        {
            folders = Folders(options);
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or IOException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("the corpus could not be fetched: " + exception.Message);
            return 2;
        }

        var specs = new List<(string Name, string Path)>();
        foreach ((string folder, string? skipSuffix, string label) in folders)
        {
            specs.AddRange(CorpusSource.Specs(folder, skipSuffix).Select(path => (label + "/" + Path.GetRelativePath(folder, path).Replace('\\', '/'), path)));
        }

        specs = specs
            .Where(spec => options.Filter is null || spec.Name.Contains(options.Filter, StringComparison.OrdinalIgnoreCase))
            .Where((_, index) => index % options.Every == 0)
            .ToList();

        CorpusReport report = Run(specs, options);
        string title = "Corpus coverage: " + string.Join(", ", folders.Select(folder => folder.Label));
        report.Write(options.Output, title);
        Console.WriteLine(report.Summary());
        Console.WriteLine("report: " + Path.GetFullPath(Path.Combine(options.Output, "report.md")));

        if (report.Crashed.Any() || report.CompileFailures.Any())
        {
            return 3;
        }

        if (options.MinCoverage is double minimum && report.Coverage < minimum)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coverage {report.Coverage:0.00}% is below --min-coverage {minimum}%"));
            return 1;
        }

        return 0;
    }

    private static List<(string Folder, string? SkipSuffix, string Label)> Folders(CorpusOptions options)
    {
        if (options.SpecFolders.Count > 0)
        {
            return options.SpecFolders.Select(folder => (Path.GetFullPath(folder), (string?)null, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))))).ToList();
        }

        var folders = new List<(string, string?, string)>();
        foreach (CorpusPackage package in options.Octokit ? new[] { CorpusPackage.ApisGuru, CorpusPackage.Octokit } : new[] { CorpusPackage.ApisGuru })
        {
            try
            {
                folders.Add((CorpusSource.Ensure(package, options.Cache, Console.Error.WriteLine), package.SkipSuffix, package.CacheName));
            }
            catch (Exception exception) when (!package.Required && exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"{package.Name}@{package.Version} is left out: {exception.Message}");
            }
        }

        return folders;
    }

    private static CorpusReport Run(IReadOnlyList<(string Name, string Path)> specs, CorpusOptions options)
    {
        var outcomes = new ConcurrentBag<SpecOutcome>();
        var clock = Stopwatch.StartNew();
        int done = 0;
        long declared = 0, generated = 0;
        Console.Error.WriteLine($"{specs.Count} specs, {options.Parallel} at a time");
        Parallel.For(0, specs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, index =>
        {
            (string name, string path) = specs[index];
            bool compile = options.CompileEvery is int every && index % every == 0;
            SpecOutcome outcome;
            try
            {
                outcome = SpecRunner.Run(name, path, File.ReadAllText(path), options.Timeout, compile);
            }
            catch (IOException exception)
            {
                outcome = new SpecOutcome { Name = name, Exception = "read: " + exception.Message };
            }

            outcomes.Add(outcome);
            Interlocked.Add(ref declared, outcome.Declared);
            Interlocked.Add(ref generated, outcome.Generated);
            if (outcome.Exception is not null || outcome.TimedOut || outcome.Compiled == false)
            {
                Console.Error.WriteLine($"  {name}: " + (outcome.Exception ?? (outcome.TimedOut ? "timed out while " + outcome.TimedOutWhile : "does not compile: " + outcome.CompileErrors.FirstOrDefault())));
            }

            int count = Interlocked.Increment(ref done);
            if (count % 100 == 0 || count == specs.Count)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count}/{specs.Count} specs, {Interlocked.Read(ref generated)}/{Interlocked.Read(ref declared)} operations generated, {clock.Elapsed.TotalSeconds:0} s"));
            }
        });
        return new CorpusReport(outcomes.ToList(), clock.Elapsed);
    }
}

/// <summary>The parsed command line.</summary>
public sealed record CorpusOptions
{
    public string Cache { get; init; } = CorpusSource.DefaultCache();

    public IReadOnlyList<string> SpecFolders { get; init; } = Array.Empty<string>();

    public bool Octokit { get; init; } = true;

    public string Output { get; init; } = "corpus-out";

    /// <summary>Compile every Nth spec's output (1: all); null: compile none.</summary>
    public int? CompileEvery { get; init; }

    public int Every { get; init; } = 1;

    public string? Filter { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public int Parallel { get; init; } = 2;

    public double? MinCoverage { get; init; }

    public bool Help { get; init; }

    public static CorpusOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CorpusOptions();
        var folders = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
            int Positive() => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new ArgumentException(args[i - 1] + " needs a positive whole number");
            if (args[i] == "--specs")
            {
                folders.Add(Next());
                continue;
            }

            options = args[i] switch
            {
                "--cache" => options with { Cache = Path.GetFullPath(Next()) },
                "--no-octokit" => options with { Octokit = false },
                "--out" => options with { Output = Next() },
                "--compile" => options with { CompileEvery = 1 },
                "--compile-every" => options with { CompileEvery = Positive() },
                "--every" => options with { Every = Positive() },
                "--filter" => options with { Filter = Next() },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Positive()) },
                "--parallel" => options with { Parallel = Positive() },
                "--min-coverage" => options with
                {
                    MinCoverage = double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && p is >= 0 and <= 100
                        ? p
                        : throw new ArgumentException("--min-coverage needs a percentage from 0 to 100"),
                },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException("unknown argument: " + args[i]),
            };
        }

        return options with { SpecFolders = folders };
    }
}
