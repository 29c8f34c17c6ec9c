using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SpecClient.Fuzz;

/// <summary>The command line: a campaign (default), <c>--replay</c>, or <c>--worker</c> (started by a campaign).</summary>
public static class Program
{
    private const string Usage = """
        SpecClient.Fuzz: mutates OpenAPI specs and checks what the generator does with them.

          --cases N        cases to run (default 100)
          --seed S         campaign seed (default 1); a case id is <corpus>-<seed>-<index>
          --start I        first case index (default 0)
          --corpus C       all (default: bundled and seeds, full Atlas specs one case in four), bundled, full
          --workers W      worker processes in parallel (default 2)
          --deadline SEC   per-case deadline; a worker past it is killed and the case is a HANG (default 20)
          --out DIR        report.json and report.md go there (default fuzz-out)
          --progress N     a progress line every N cases (default 25)
          --root DIR       the repository root (default: found above the tool)
          --ids A,B,…      run exactly these case ids (or @FILE: one id a line), e.g. to rerun a campaign's failures
          --replay ID      print the case's mutations, write its spec(s) to DIR/<id>/, run it here with full output
          --ci-slice       the CI slice: --corpus all --seed 7 --cases 100 (flags after it override)
          --check FILE     run the generator on FILE (repeat for two specs in one compilation) here, print the class
                           and diagnostics; --namespace, --client-name, --api-version, --include, --exclude after a
                           --check FILE set that file's metadata

        Exit code: 0 no failing case, 1 CRASH/HANG/INTERNAL/BAD-OUTPUT cases found, 2 bad arguments.
        """;

    /// <summary>The CI slice: short, deterministic, over the bundled specs, the seeds and filtered full specs.</summary>
    public static CampaignOptions CiSlice(string root) => new() { Root = root, Corpus = CorpusKind.All, Seed = 7, Cases = 100 };

    public static async Task<int> Main(string[] args)
    {
        string? replay = null;
        bool worker = false;
        int parent = 0;
        string? root = null;
        string output = "fuzz-out";
        var hooks = new Dictionary<string, string>(StringComparer.Ordinal);
        CampaignOptions? options = null;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var checks = new List<FuzzSpec>();
        void SetLast(Func<FuzzSpec, FuzzSpec> change)
        {
            if (checks.Count == 0)
            {
                throw new ArgumentException("metadata options follow a --check FILE");
            }

            checks[^1] = change(checks[^1]);
        }

        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
                switch (args[i])
                {
                    case "--worker": worker = true; break;
                    case "--replay": replay = Next(); break;
                    case "--root": root = Next(); break;
                    case "--parent": parent = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--out": output = Next(); break;
                    case "--ci-slice": settings["ci"] = "1"; break;
                    case "--check":
                        string file = Next();
                        checks.Add(new FuzzSpec("/check/" + checks.Count + "/" + Path.GetFileName(file), File.ReadAllBytes(file), null, null, null, null, null));
                        break;
                    case "--namespace": string ns = Next(); SetLast(spec => spec with { Namespace = ns }); break;
                    case "--client-name": string client = Next(); SetLast(spec => spec with { ClientName = client }); break;
                    case "--api-version": string version = Next(); SetLast(spec => spec with { ApiVersion = version }); break;
                    case "--include": string include = Next(); SetLast(spec => spec with { IncludeOperations = include }); break;
                    case "--exclude": string exclude = Next(); SetLast(spec => spec with { ExcludeOperations = exclude }); break;
                    case "--hook":
                        string[] hook = Next().Split('=', 2);
                        hooks[hook[0]] = hook.Length > 1 ? hook[1] : "crash";
                        break;
                    case "--ids":
                        string ids = Next();
                        settings["ids"] = ids.StartsWith('@') ? string.Join(",", File.ReadAllLines(ids.Substring(1))) : ids;
                        break;
                    case "--cases" or "--seed" or "--start" or "--corpus" or "--workers" or "--deadline" or "--progress":
                        settings[args[i]] = Next();
                        break;
                    case "--help" or "-h":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        throw new ArgumentException("unknown argument " + args[i]);
                }
            }

            root ??= Corpus.FindRoot(AppContext.BaseDirectory);
            options = settings.ContainsKey("ci") ? CiSlice(root) : new CampaignOptions { Root = root };
            options = options with
            {
                Cases = settings.TryGetValue("--cases", out string? cases) ? int.Parse(cases, CultureInfo.InvariantCulture) : options.Cases,
                Seed = settings.TryGetValue("--seed", out string? seed) ? int.Parse(seed, CultureInfo.InvariantCulture) : options.Seed,
                Start = settings.TryGetValue("--start", out string? start) ? int.Parse(start, CultureInfo.InvariantCulture) : options.Start,
                Corpus = settings.TryGetValue("--corpus", out string? corpus) ? Enum.Parse<CorpusKind>(corpus, ignoreCase: true) : options.Corpus,
                Workers = settings.TryGetValue("--workers", out string? workers) ? int.Parse(workers, CultureInfo.InvariantCulture) : options.Workers,
                Deadline = settings.TryGetValue("--deadline", out string? deadline) ? TimeSpan.FromSeconds(double.Parse(deadline, CultureInfo.InvariantCulture)) : options.Deadline,
                ProgressEvery = settings.TryGetValue("--progress", out string? every) ? int.Parse(every, CultureInfo.InvariantCulture) : options.ProgressEvery,
                OutputDirectory = output,
                Hooks = hooks,
                Ids = settings.TryGetValue("ids", out string? list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CaseId.Parse).ToList() : null,
            };
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (worker)
        {
            foreach (KeyValuePair<string, string> hook in hooks)
            {
                CaseRunner.TestHooks[hook.Key] = hook.Value;
            }

            return Worker.Run(options.Root, options.Deadline, parent);
        }

        if (checks.Count > 0)
        {
            return Check(new FuzzCase(new CaseId(CorpusKind.Bundled, 0, -1), checks, checks.Select(c => "check: " + c.Path).ToList()), output, options.Deadline);
        }

        if (replay is not null)
        {
            return Replay(CaseId.Parse(replay), options.Root, output, options.Deadline);
        }

        Console.WriteLine($"SpecClient.Fuzz: corpus {options.Corpus.ToString().ToLowerInvariant()}, seed {options.Seed}, cases {options.Start}..{options.Start + options.Cases - 1}, {options.Workers} workers, deadline {options.Deadline.TotalSeconds} s → {Path.GetFullPath(output)}");
        CampaignReport report = await Campaign.RunAsync(options, Console.Out);
        Console.WriteLine(string.Join("  ", report.Counts.Select(c => c.Key + " " + c.Value)) + $"  ({report.CasesPerSecond:0.00} cases/s)");
        foreach (CaseResult failure in report.Failures.Take(20))
        {
            Console.WriteLine(failure.Id + " " + failure.Class + ": " + string.Join("; ", failure.Mutations.Skip(1)));
        }

        Console.WriteLine("Report: " + Path.Combine(Path.GetFullPath(output), "report.md"));
        return report.Failures.Any() ? 1 : 0;
    }

    /// <summary>Rebuilds one case from its id, writes its spec(s) and runs it in this process with everything shown.</summary>
    public static int Replay(CaseId id, string root, string output, TimeSpan deadline)
    {
        var factory = new CaseFactory(Corpus.Load(root));
        FuzzCase fuzzCase = factory.Build(id);
        string directory = Path.Combine(Path.GetFullPath(output), id.ToString());
        Directory.CreateDirectory(directory);
        Console.WriteLine("Case " + id + ":");
        foreach (string mutation in fuzzCase.Mutations)
        {
            Console.WriteLine("  " + mutation);
        }

        var metadata = new List<object>();
        for (int i = 0; i < fuzzCase.Specs.Count; i++)
        {
            FuzzSpec spec = fuzzCase.Specs[i];
            string file = Path.Combine(directory, i + "-" + Path.GetFileName(spec.Path));
            File.WriteAllBytes(file, spec.Bytes);
            metadata.Add(new { file = Path.GetFileName(file), path = spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, spec.IncludeOperations, spec.ExcludeOperations });
            Console.WriteLine($"Spec {i}: {file} ({spec.Bytes.Length} bytes) Namespace={Show(spec.Namespace)} ClientName={Show(spec.ClientName)} ApiVersion={Show(spec.ApiVersion)} IncludeOperations={Show(spec.IncludeOperations)} ExcludeOperations={Show(spec.ExcludeOperations)}");
        }

        File.WriteAllText(Path.Combine(directory, "metadata.json"), JsonSerializer.Serialize(metadata, new JsonSerializerOptions { WriteIndented = true }));
        return Check(fuzzCase, directory, deadline);
    }

    /// <summary>Runs a case in this process and prints everything: generated files, diagnostics, the class.</summary>
    public static int Check(FuzzCase fuzzCase, string directory, TimeSpan deadline)
    {
        Console.WriteLine("Running in this process (a stack overflow ends it here, as it would end the compiler)…");
        Console.Out.Flush();
        CaseRunner.Outcome outcome = CaseRunner.Run(fuzzCase, 0, TimeSpan.FromMilliseconds(deadline.TotalMilliseconds * 0.75));
        if (outcome.Run is { } run)
        {
            string generated = Path.Combine(directory, "generated");
            Directory.CreateDirectory(generated);
            foreach (SyntaxTree tree in run.GeneratedTrees)
            {
                File.WriteAllText(Path.Combine(generated, Path.GetFileName(tree.FilePath)), tree.ToString());
            }

            Console.WriteLine($"Generated {run.GeneratedTrees.Length} file(s) into {generated}");
            Console.WriteLine("Generator diagnostics:");
            foreach (Diagnostic diagnostic in run.Diagnostics)
            {
                Console.WriteLine("  " + CaseRunner.Format(diagnostic));
            }

            foreach (Exception exception in run.Results.Select(r => r.Exception).OfType<Exception>())
            {
                Console.WriteLine("Generator exception: " + exception);
            }

            Console.WriteLine("Compile diagnostics (errors and warnings):");
            foreach (Diagnostic diagnostic in outcome.Compile.Take(200))
            {
                Console.WriteLine("  " + CaseRunner.Format(diagnostic));
            }
        }

        Console.WriteLine("Class: " + outcome.Result.Class + (outcome.Result.Detail is { } detail ? " — " + detail.Split('\n')[0] : string.Empty));
        return CaseClass.Failing.Contains(outcome.Result.Class) ? 1 : 0;
    }

    private static string Show(string? value) => value is null ? "(none)" : "'" + (value.Length > 80 ? value.Substring(0, 80) + "…" : value) + "'";
}
