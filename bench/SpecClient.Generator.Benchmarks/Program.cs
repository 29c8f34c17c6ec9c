using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using SpecClient.Generator.Emitting;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Benchmarks;

/// <summary>
/// <c>(no arguments or BenchmarkDotNet arguments)</c>: parse/model and emit times with allocations;
/// <c>--peak-memory</c>: peak working set of a fresh process generating each spec (median of 3);
/// <c>--consumer-build [runs]</c>: a consumer's build time with the full spec, with the bundled specs, and without;
/// <c>--compare-kiota [runs]</c>: SpecClient's and Kiota's clients for the full Atlas 2025-03-12 spec, built interleaved
/// with an empty library and SpecClient's floor (its client without JSON metadata or records: a lower bound) (size,
/// compile overhead, compiler peak memory);
/// <c>--edit-and-build [runs]</c>: edit one file of an application and build, with the whole-API client in the
/// application project and in a class library it references;
/// <c>--generate-kiota</c>: only writes Kiota's client for that spec into the WithKiotaAtlas consumer's obj/ folder;
/// <c>--generator-time</c>: parse + emit of the full Atlas 2025-03-12 spec, cold (fresh process) and warm.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--measure-one")
        {
            return MeasureOne(args[1]);
        }

        if (args.Length > 0 && args[0] == "--time-one")
        {
            return TimeOne(args[1]);
        }

        if (args.Length > 0 && args[0] == "--peak-memory")
        {
            PeakMemory();
            return 0;
        }

        if (args.Length > 0 && args[0] == "--consumer-build")
        {
            int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
            return ConsumerBuild.Run(runs);
        }

        if (args.Length > 0 && args[0] == "--compare-kiota")
        {
            int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
            return CompareKiota.Run(runs);
        }

        if (args.Length > 0 && args[0] == "--edit-and-build")
        {
            int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
            return EditAndBuild.Run(runs);
        }

        if (args.Length > 0 && args[0] == "--generate-kiota")
        {
            // Only Kiota's client, for experiments that compile it by hand (compare-kiota does this step itself).
            return KiotaClient.Generate() is null ? 1 : 0;
        }

        if (args.Length > 0 && args[0] == "--generator-time")
        {
            GeneratorTime(KiotaClient.SpecName);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static void PeakMemory()
    {
        Console.WriteLine("| spec | peak working set (MB, median of 3) | over an idle process (MB) |");
        Console.WriteLine("| --- | --- | --- |");
        double idle = Median(Enumerable.Range(0, 3).Select(_ => RunChild("none")));
        foreach (string spec in SpecSources.Names())
        {
            double peak = Median(Enumerable.Range(0, 3).Select(_ => RunChild(spec)));
            Console.WriteLine($"| {spec} | {peak:F0} | {peak - idle:F0} |");
        }
    }

    /// <summary>
    /// Cold: the first parse + emit in a fresh process (JIT of the generator and YamlDotNet included, as in a compiler
    /// process that has not run it yet), median of 3 child processes. Warm: median of 10 runs in this process after 3
    /// warm-up runs, as on later builds in a long-lived compiler server or IDE. BenchmarkDotNet's GeneratorBenchmarks
    /// measure the warm halves separately and more precisely; this mode gives both numbers for one spec in seconds.
    /// </summary>
    private static void GeneratorTime(string spec)
    {
        double cold = Median(Enumerable.Range(0, 3).Select(_ => RunChild(spec, "--time-one")));
        for (int i = 0; i < 3; i++)
        {
            GenerateOnce(spec);
        }

        double warm = Median(Enumerable.Range(0, 10).Select(_ => GenerateOnce(spec)));
        Console.WriteLine("| spec | cold: first parse + emit in a fresh process (ms, median of 3) | warm (ms, median of 10 after 3 warm-up runs) |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine(FormattableString.Invariant($"| {spec} | {cold:F0} | {warm:F0} |"));
    }

    /// <summary>One parse + emit of every file of a spec case; returns the elapsed milliseconds.</summary>
    private static double GenerateOnce(string spec)
    {
        IReadOnlyList<(SpecFileOptions Options, string Text)> files = SpecSources.Load(spec);
        var watch = Stopwatch.StartNew();
        foreach ((SpecFileOptions options, string text) in files)
        {
            ApiSpec model = SpecParser.Parse(options, text, default).Spec!;
            GC.KeepAlive(SourceEmitter.Emit(model));
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Generates one spec, once, in this fresh process and prints the milliseconds it took (file reading excluded).</summary>
    private static int TimeOne(string spec)
    {
        Console.WriteLine(GenerateOnce(spec).ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Runs this program again with <c>mode spec</c> and returns the number it prints.</summary>
    private static double RunChild(string spec, string mode = "--measure-one")
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, new[] { typeof(Program).Assembly.Location, mode, spec })
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) != "dotnet")
        {
            start = new ProcessStartInfo(Environment.ProcessPath!, new[] { mode, spec }) { RedirectStandardOutput = true, UseShellExecute = false };
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Generates one spec in this process and prints the peak working set in MB.</summary>
    private static int MeasureOne(string spec)
    {
        if (spec != "none")
        {
            foreach ((SpecFileOptions options, string text) in SpecSources.Load(spec))
            {
                ApiSpec model = SpecParser.Parse(options, text, default).Spec!;
                GC.KeepAlive(SourceEmitter.Emit(model));
            }
        }

        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine((self.PeakWorkingSet64 / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }

    internal static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
