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
/// <c>--consumer-build [runs]</c>: a consumer's build time with the full spec, with the bundled specs, and without.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--measure-one")
        {
            return MeasureOne(args[1]);
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

    private static double RunChild(string spec)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, new[] { typeof(Program).Assembly.Location, "--measure-one", spec })
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) != "dotnet")
        {
            start = new ProcessStartInfo(Environment.ProcessPath!, new[] { "--measure-one", spec }) { RedirectStandardOutput = true, UseShellExecute = false };
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
