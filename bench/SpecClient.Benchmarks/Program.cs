using BenchmarkDotNet.Running;

namespace SpecClient.Benchmarks;

/// <summary>Runs the benchmarks BenchmarkDotNet's arguments select (for example <c>--filter '*Digest*'</c>).</summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        RoundTrips.PrintSummary(System.Console.Out);
    }
}
