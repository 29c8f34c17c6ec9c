using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace SpecClient.Generator.Benchmarks;

/// <summary>
/// Times a full compile (no restore, no dependency builds) of the consumers in bench/consumers: without specs,
/// with the five bundled specs, and with the 2.9 MB Atlas spec. Each is built once to warm up, then timed.
/// </summary>
internal static class ConsumerBuild
{
    private static readonly string[] Consumers = { "WithoutSpecs", "WithBundledSpecs", "WithFullAtlasSpec" };

    public static int Run(int runs)
    {
        string root = Path.Combine(SpecSources.RepositoryRoot, "bench", "consumers");
        var medians = new double[Consumers.Length];
        for (int i = 0; i < Consumers.Length; i++)
        {
            string project = Path.Combine(root, Consumers[i], Consumers[i] + ".csproj");
            Console.Error.WriteLine($"warming up {Consumers[i]}…");
            if (Build(project, "") is null)
            {
                return 1;
            }

            double[] seconds = new double[runs];
            for (int run = 0; run < runs; run++)
            {
                Console.Error.WriteLine($"{Consumers[i]}: build {run + 1}/{runs}…");
                seconds[run] = Build(project, "--no-restore --no-dependencies --no-incremental") ?? double.NaN;
            }

            medians[i] = Program.Median(seconds);
        }

        Console.WriteLine($"| consumer | build time (s, median of {runs}) | versus no specs |");
        Console.WriteLine("| --- | --- | --- |");
        for (int i = 0; i < Consumers.Length; i++)
        {
            Console.WriteLine($"| {Consumers[i]} | {medians[i]:F2} | {medians[i] / medians[0]:F2}x (+{medians[i] - medians[0]:F2} s) |");
        }

        return 0;
    }

    /// <summary>Builds a project with extra options; returns the wall time in seconds, or null (after printing why) on failure.</summary>
    internal static double? Build(string project, string options)
    {
        var start = new ProcessStartInfo("dotnet", $"build \"{project}\" -c Release -nologo -v:q {options}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var watch = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"build of {project} failed:\n{string.Join("\n", output.Split('\n').TakeLast(30))}");
            return null;
        }

        return watch.Elapsed.TotalSeconds;
    }
}
