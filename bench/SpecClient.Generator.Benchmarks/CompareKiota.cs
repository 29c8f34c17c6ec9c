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
/// then <c>runs</c> rounds of empty, SpecClient, SpecClient's floor, Kiota, so machine noise (this machine is shared)
/// falls on all of them alike. The floor, WithoutJsonMetadata, compiles SpecClient's output with its two largest costs
/// cut out (see <see cref="FloorClient"/>): the lower bound of what another serialization design could reach. Reports
/// generated C# size, median build time, compile overhead over the empty library and its ratio to Kiota's, and the
/// compiler's peak memory and CPU time.
/// </summary>
internal static class CompareKiota
{
    /// <summary>
    /// As this machine is set up anyway (UseSharedCompilation=false machine-wide), and stated so the compiler runs as a
    /// child of the build wherever this runs: a compiler server would hide the compiler's time and memory.
    /// </summary>
    private const string NoCompilerServer = "-p:UseSharedCompilation=false";

    private sealed record Consumer(string Label, string Project);

    /// <summary>
    /// One timed build: wall time, the largest peak RSS of any compiler process it started, and the CPU time (user +
    /// system) of those processes, which a shared machine disturbs far less than wall time.
    /// </summary>
    private readonly record struct Sample(double Seconds, double PeakCompilerMegabytes, double CompilerCpuSeconds);

    /// <summary>What the sampler last read of one compiler process.</summary>
    private readonly record struct CompilerReading(double PeakKilobytes, double CpuSeconds);

    /// <summary>Clock ticks per second in /proc/PID/stat (USER_HZ, 100 in the Linux ABI on every mainstream architecture).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Generated C# of one client.</summary>
    private readonly record struct Size(int Files, long Bytes, long Lines);

    public static int Run(int runs)
    {
        string root = Path.Combine(SpecSources.RepositoryRoot, "bench", "consumers");
        Consumer empty = new("empty library", Path.Combine(root, "WithoutSpecs", "WithoutSpecs.csproj"));
        Consumer specClient = new("SpecClient", Path.Combine(root, "WithFullAtlasSpec", "WithFullAtlasSpec.csproj"));
        Consumer kiota = new("Kiota", Path.Combine(KiotaClient.ConsumerDirectory, "WithKiotaAtlas.csproj"));
        Consumer floor = new("SpecClient floor: no JSON metadata, classes (not a working client)", Path.Combine(root, "WithoutJsonMetadata", "WithoutJsonMetadata.csproj"));
        Consumer[] consumers = { empty, specClient, floor, kiota };

        Console.Error.WriteLine("generating Kiota's client…");
        double? kiotaSeconds = KiotaClient.Generate();
        if (kiotaSeconds is null)
        {
            return 1;
        }

        // Warm-up: restores, builds the generator and runtime the SpecClient consumers reference, and fills the disk
        // cache. SpecClient's warm-up also writes its generated files out, to measure their size (the timed builds don't);
        // --no-incremental, or an earlier run's up-to-date output would skip the compile and write nothing.
        string generatedDirectory = Path.Combine(Path.GetDirectoryName(specClient.Project)!, "obj", "bench-generated");
        if (Directory.Exists(generatedDirectory))
        {
            Directory.Delete(generatedDirectory, recursive: true);
        }

        foreach (Consumer consumer in consumers.Where(c => c != floor))
        {
            Console.Error.WriteLine($"warming up {consumer.Label}…");
            string options = consumer == specClient
                ? $"{NoCompilerServer} --no-incremental -p:EmitCompilerGeneratedFiles=true \"-p:CompilerGeneratedFilesOutputPath={generatedDirectory}\""
                : NoCompilerServer;
            if (ConsumerBuild.Build(consumer.Project, options) is null)
            {
                return 1;
            }
        }

        // SpecClient's own output (the folder holds one subfolder per generator; others, such as the logging generator
        // the runtime's dependencies bring, run in the empty library's build too). Generators don't see each other's
        // output, so System.Text.Json's generator adds nothing for the JsonSerializerContext SpecClient writes.
        Size specClientSize = Measure(Path.Combine(generatedDirectory, "SpecClient.Generator"));
        Size kiotaSize = Measure(KiotaClient.OutputDirectory);
        if (specClientSize.Files == 0 || kiotaSize.Files == 0)
        {
            Console.Error.WriteLine($"no generated C# found in {generatedDirectory} or {KiotaClient.OutputDirectory}");
            return 1;
        }

        (int classes, int emptied) = FloorClient.Write(Path.Combine(generatedDirectory, "SpecClient.Generator"));
        if (classes == 0 || emptied == 0)
        {
            Console.Error.WriteLine($"the floor client found {classes} records and {emptied} JSON metadata methods: the generated code changed shape (see FloorClient.cs)");
            return 1;
        }

        Console.Error.WriteLine($"warming up {floor.Label} ({classes} records made classes, {emptied} JSON metadata methods emptied)…");
        if (ConsumerBuild.Build(floor.Project, NoCompilerServer) is null)
        {
            return 1;
        }

        Size floorSize = Measure(FloorClient.OutputDirectory);

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
                Console.Error.WriteLine(FormattableString.Invariant(
                    $"  {sample.Value.Seconds:F1} s, csc peak {sample.Value.PeakCompilerMegabytes:F0} MB, csc CPU {sample.Value.CompilerCpuSeconds:F1} s"));
            }
        }

        var sizes = new Dictionary<Consumer, Size> { [empty] = new Size(0, 0, 0), [specClient] = specClientSize, [floor] = floorSize, [kiota] = kiotaSize };

        double Median(Consumer consumer) => Program.Median(samples[consumer].Select(s => s.Seconds));
        double Overhead(Consumer consumer) => Median(consumer) - Median(empty);
        double Cpu(Consumer consumer) => Program.Median(samples[consumer].Select(s => s.CompilerCpuSeconds));
        double CpuOverhead(Consumer consumer) => Cpu(consumer) - Cpu(empty);

        Console.WriteLine($"| build | files | C# MB | lines | build s (median of {runs}) | overhead s | vs Kiota | peak csc MB | csc CPU s | CPU overhead vs Kiota |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (Consumer consumer in consumers)
        {
            Size size = sizes[consumer];
            bool baseline = consumer == empty;
            string overhead = baseline ? "–" : Overhead(consumer).ToString("F2", CultureInfo.InvariantCulture);
            string versus = baseline ? "–" : FormattableString.Invariant($"{Overhead(consumer) / Overhead(kiota):F2}x");
            string cpuVersus = baseline ? "–" : FormattableString.Invariant($"{CpuOverhead(consumer) / CpuOverhead(kiota):F2}x");
            double peak = Program.Median(samples[consumer].Select(s => s.PeakCompilerMegabytes));
            Console.WriteLine(FormattableString.Invariant(
                $"| {consumer.Label} | {size.Files} | {size.Bytes / 1e6:F2} | {size.Lines} | {Median(consumer):F2} | {overhead} | {versus} | {peak:F0} | {Cpu(consumer):F1} | {cpuVersus} |"));
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"Kiota 1.38.0 generated its client in {kiotaSeconds:F1} s (a one-off step for its users; information only)."));
        Console.WriteLine($"Builds: dotnet build -c Release --no-restore --no-dependencies --no-incremental {NoCompilerServer}; " +
            "overhead = median minus the empty library's median; C# MB = 10^6 bytes of generated .cs; " +
            "peak csc MB = median over the rounds of the compiler process's peak RSS (VmHWM, MiB); " +
            "csc CPU s = median of its user + system time, and its overhead over the empty library's, compared like build time.");
        Console.WriteLine("Rounds, build s / csc CPU s: " + string.Join("; ", consumers.Select(c => FormattableString.Invariant(
            $"{c.Label} {string.Join(" ", samples[c].Select(s => FormattableString.Invariant($"{s.Seconds:F1}/{s.CompilerCpuSeconds:F1}")))}"))));

        // Each round's own ratios: the builds of a round ran close together, under similar load.
        foreach (Consumer consumer in new[] { specClient, floor })
        {
            double[] perRound = Enumerable.Range(0, runs).Select(r =>
                (samples[consumer][r].Seconds - samples[empty][r].Seconds) / (samples[kiota][r].Seconds - samples[empty][r].Seconds)).ToArray();
            double[] cpuPerRound = Enumerable.Range(0, runs).Select(r =>
                (samples[consumer][r].CompilerCpuSeconds - samples[empty][r].CompilerCpuSeconds) / (samples[kiota][r].CompilerCpuSeconds - samples[empty][r].CompilerCpuSeconds)).ToArray();
            Console.WriteLine(FormattableString.Invariant(
                $"Overhead ratio {consumer.Label}/Kiota per round, build s: {string.Join(" ", perRound.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))} (median {Program.Median(perRound):F2}); csc CPU: {string.Join(" ", cpuPerRound.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))} (median {Program.Median(cpuPerRound):F2})."));
        }

        return 0;
    }

    /// <summary>
    /// One build as the consumer-build mode times it, while a sampler reads every ~50 ms the peak resident set (VmHWM in
    /// /proc/PID/status, kept by the kernel) of each compiler process descending from this build. Without a compiler
    /// server csc is a child of the build (the apphost Roslyn/bincore/csc, or <c>dotnet exec csc.dll</c>); matching on
    /// descendants ignores compilers that other work on the machine runs at the same time. Since VmHWM is the peak
    /// so far, a sample only has to catch the process alive: what is missed is growth in its last ~50 ms (checked once
    /// against a CscToolPath wrapper running csc under /usr/bin/time: within 1%). The same samples give csc's CPU time.
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
        var compilers = new Dictionary<int, CompilerReading>();
        using var done = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!done.IsCancellationRequested)
            {
                SampleCompilers(process.Id, compilers);
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

        return new Sample(
            watch.Elapsed.TotalSeconds,
            compilers.Values.Select(c => c.PeakKilobytes).DefaultIfEmpty(0).Max() / 1024,
            compilers.Values.Sum(c => c.CpuSeconds));
    }

    /// <summary>Records VmHWM (kB) and CPU time of each compiler process that descends from <paramref name="buildProcessId"/>.</summary>
    private static void SampleCompilers(int buildProcessId, Dictionary<int, CompilerReading> compilers)
    {
        var parents = new Dictionary<int, int>();
        var cpuSeconds = new Dictionary<int, double>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && TryRead(Path.Combine(directory, "stat")) is string stat)
            {
                // "pid (comm) state ppid … utime stime …" (fields 4, 14 and 15): comm may hold spaces or parentheses,
                // so split after the last ')', where the state is at index 0.
                string[] fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                cpuSeconds[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
        }

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
                    double peak = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    compilers[pid] = new CompilerReading(peak, cpuSeconds[pid]);
                }
            }
        }
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
