using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace SpecClient.PerCall.Benchmarks;

/// <summary>
/// <c>--paired</c>: the hand-written and SpecClient calls timed in one process, in alternating rounds, with the ratio
/// taken per round. BenchmarkDotNet runs each row in its own process minutes apart, so on a shared machine the load
/// of the moment decides a time ratio; alternating rounds of a few milliseconds see the same load. Allocations are
/// BenchmarkDotNet's to report (they are exact there).
/// </summary>
internal static class PairedRun
{
    private const int Rounds = 41;
    private const int CallsPerRound = 20_000;

    public static async Task RunAsync()
    {
        var benchmarks = new PerCallBenchmarks();
        benchmarks.Setup();
        try
        {
            await CompareAsync("Delete", benchmarks.HandWrittenDelete, benchmarks.SpecClientDelete);
            await CompareAsync("Get", benchmarks.HandWrittenGet, benchmarks.SpecClientGet);
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task CompareAsync(string name, Func<Task> handWritten, Func<Task> specClient)
    {
        // Warm both up past tiered compilation before any round counts.
        for (int i = 0; i < 50_000; i++)
        {
            await handWritten();
            await specClient();
        }

        var hand = new List<double>();
        var spec = new List<double>();
        var ratios = new List<double>();
        for (int round = 0; round < Rounds; round++)
        {
            double handNs = await TimeAsync(handWritten);
            double specNs = await TimeAsync(specClient);
            hand.Add(handNs);
            spec.Add(specNs);
            ratios.Add(specNs / handNs);
        }

        hand.Sort();
        spec.Sort();
        ratios.Sort();
        Console.WriteLine(
            $"{name}: hand-written median {hand[Rounds / 2]:F0} ns, SpecClient median {spec[Rounds / 2]:F0} ns; "
            + $"SpecClient/hand-written per round: median {ratios[Rounds / 2]:F2} (quartiles {ratios[Rounds / 4]:F2}-{ratios[3 * Rounds / 4]:F2})");
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < CallsPerRound; i++)
        {
            await call();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / CallsPerRound;
    }
}
