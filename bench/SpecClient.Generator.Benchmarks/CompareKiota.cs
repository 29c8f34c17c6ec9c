using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace SpecClient.Generator.Benchmarks;

/// <summary>
/// SpecClient against Kiota on the same spec (Atlas 2025-03-12), in one interleaved run: the empty library
/// (WithoutSpecs), SpecClient's client (WithFullAtlasSpec) and Kiota's (WithKiotaAtlas) are each built once to warm up,
/// then <c>runs</c> rounds of empty, SpecClient, Kiota, so machine noise (this machine is shared) falls on all three
/// alike. Reports generated C# size, median build time, compile overhead over the empty library and its ratio, and
/// the compiler's peak memory.
/// </summary>
internal static class CompareKiota
{
    /// <summary>
    /// As this machine is set up anyway (UseSharedCompilation=false machine-wide), and stated so the compiler runs as a
    /// child of the build wherever this runs: a compiler server would hide the compiler's time and memory.
    /// </summary>
    private const string NoCompilerServer = "-p:UseSharedCompilation=false";

    private sealed record Consumer(string Label, string Project);

    /// <summary>One timed build: wall time, and the largest peak RSS of any compiler process it started.</summary>
    private readonly record struct Sample(double Seconds, double PeakCompilerMegabytes);

    /// <summary>Generated C# of one client.</summary>
    private readonly record struct Size(int Files, long Bytes, long Lines);

    public static int Run(int runs)
    {
        string root = Path.Combine(SpecSources.RepositoryRoot, "bench", "consumers");
        Consumer empty = new("empty library", Path.Combine(root, "WithoutSpecs", "WithoutSpecs.csproj"));
        Consumer specClient = new("SpecClient", Path.Combine(root, "WithFullAtlasSpec", "WithFullAtlasSpec.csproj"));
        Consumer kiota = new("Kiota", Path.Combine(KiotaClient.ConsumerDirectory, "WithKiotaAtlas.csproj"));
        Consumer[] consumers = { empty, specClient, kiota };

        Console.Error.WriteLine("generating Kiota's client…");
        double? kiotaSeconds = KiotaClient.Generate();
        if (kiotaSeconds is null)
        {
            return 1;
        }

        // Warm-up: restores, builds the generator and runtime the SpecClient consumers reference, and fills the disk
        // cache. SpecClient's warm-up also writes its generated files out, to measure their size (the timed builds don't).
        string generatedDirectory = Path.Combine(Path.GetDirectoryName(specClient.Project)!, "obj", "bench-generated");
        if (Directory.Exists(generatedDirectory))
        {
            Directory.Delete(generatedDirectory, recursive: true);
        }

        foreach (Consumer consumer in consumers)
        {
            Console.Error.WriteLine($"warming up {consumer.Label}…");
            string options = consumer == specClient
                ? $"{NoCompilerServer} -p:EmitCompilerGeneratedFiles=true \"-p:CompilerGeneratedFilesOutputPath={generatedDirectory}\""
                : NoCompilerServer;
            if (ConsumerBuild.Build(consumer.Project, options) is null)
            {
                return 1;
            }
        }

        var samples = consumers.ToDictionary(c => c, _ => new List<Sample>());
        for (int run = 0; run < runs; run++)
        {
            foreach (Consumer consumer in consumers)
            {
                Console.Error.WriteLine($"round {run + 1}/{runs}: {consumer.Label}…");
                Sample? sample = TimedBuild(consumer.Project);
                if (sample is null)
                {
                    return 1;
                }

                samples[consumer].Add(sample.Value);
            }
        }

        // Every generator's output in that build (SpecClient's, one folder per generator): all of it is C# this build
        // compiles. (Generators don't see each other's output, so System.Text.Json's does not run on SpecClient's.)
        Size specClientSize = Measure(generatedDirectory);
        Size kiotaSize = Measure(KiotaClient.OutputDirectory);
        var sizes = new Dictionary<Consumer, Size> { [empty] = new Size(0, 0, 0), [specClient] = specClientSize, [kiota] = kiotaSize };

        double Median(Consumer consumer) => Program.Median(samples[consumer].Select(s => s.Seconds));
        double Overhead(Consumer consumer) => Median(consumer) - Median(empty);
        double kiotaOverhead = Overhead(kiota);

        Console.WriteLine($"| build | files | C# MB | lines | build s (median of {runs}) | overhead s | vs Kiota | peak csc MB |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (Consumer consumer in consumers)
        {
            Size size = sizes[consumer];
            string versus = consumer == empty ? "–" : $"{Overhead(consumer) / kiotaOverhead:F2}x";
            string overhead = consumer == empty ? "–" : Overhead(consumer).ToString("F2", CultureInfo.InvariantCulture);
            double peak = Program.Median(samples[consumer].Select(s => s.PeakCompilerMegabytes));
            Console.WriteLine(FormattableString.Invariant(
                $"| {consumer.Label} | {size.Files} | {size.Bytes / 1e6:F2} | {size.Lines} | {Median(consumer):F2} | {overhead} | {versus} | {peak:F0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"Kiota 1.38.0 generated its client in {kiotaSeconds:F1} s (a one-off step for its users; information only)."));
        Console.WriteLine($"Builds: dotnet build -c Release --no-restore --no-dependencies --no-incremental {NoCompilerServer}; " +
            "overhead = median minus the empty library's median; peak csc MB = median over the rounds of the compiler process's peak RSS (VmHWM).");
        Console.WriteLine("Rounds (s): " + string.Join("; ", consumers.Select(c => FormattableString.Invariant(
            $"{c.Label} {string.Join(" ", samples[c].Select(s => s.Seconds.ToString("F1", CultureInfo.InvariantCulture)))}"))));
        return 0;
    }

    /// <summary>
    /// One build as the consumer-build mode times it, while a sampler reads every ~50 ms the peak resident set (VmHWM in
    /// /proc/PID/status, kept by the kernel) of each compiler process descending from this build. Without a compiler
    /// server csc is a child of the build (the apphost Roslyn/bincore/csc, or <c>dotnet exec csc.dll</c>); matching on
    /// descendants ignores compilers that other work on the machine runs at the same time. Since VmHWM is the peak
    /// so far, a sample only has to catch the process alive: what is missed is growth in its last ~50 ms.
    /// </summary>
    private static Sample? TimedBuild(string project)
    {
        var start = new ProcessStartInfo("dotnet", $"build \"{project}\" -c Release -nologo -v:q --no-restore --no-dependencies --no-incremental {NoCompilerServer}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var watch = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        double peakKilobytes = 0;
        using var done = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!done.IsCancellationRequested)
            {
                peakKilobytes = Math.Max(peakKilobytes, CompilerPeakKilobytes(process.Id));
                done.Token.WaitHandle.WaitOne(50);
            }
        }) { IsBackground = true };
        sampler.Start();
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        watch.Stop();
        done.Cancel();
        sampler.Join();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"build of {project} failed:\n{string.Join("\n", output.Split('\n').TakeLast(30))}");
            return null;
        }

        return new Sample(watch.Elapsed.TotalSeconds, peakKilobytes / 1024);
    }

    /// <summary>The largest VmHWM (kB) among compiler processes that descend from <paramref name="buildProcessId"/>.</summary>
    private static double CompilerPeakKilobytes(int buildProcessId)
    {
        var parents = new Dictionary<int, int>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && TryRead(Path.Combine(directory, "stat")) is string stat)
            {
                // "pid (comm) state ppid …": comm may hold spaces or parentheses, so read after the last ')'.
                string[] fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        double peak = 0;
        foreach (int pid in parents.Keys)
        {
            if (!DescendsFrom(pid, buildProcessId, parents) || TryRead($"/proc/{pid}/cmdline") is not string commandLine)
            {
                continue;
            }

            string[] arguments = commandLine.Split('\0');
            bool compiler = Path.GetFileName(arguments[0]) == "csc" || arguments.Any(a => a.EndsWith("csc.dll", StringComparison.Ordinal));
            if (compiler && TryRead($"/proc/{pid}/status") is string status)
            {
                string? line = status.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                }
            }
        }

        return peak;
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (int depth = 0; depth < 64 && parents.TryGetValue(pid, out int parent); depth++)
        {
            if (parent == ancestor)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }

    /// <summary>A /proc file's text, or null when the process has gone meanwhile.</summary>
    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Size Measure(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new Size(0, 0, 0);
        }

        string[] files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        return new Size(
            files.Length,
            files.Sum(f => new FileInfo(f).Length),
            files.Sum(f => (long)File.ReadLines(f).Count()));
    }
}
