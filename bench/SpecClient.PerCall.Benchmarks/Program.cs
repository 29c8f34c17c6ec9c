using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace SpecClient.PerCall.Benchmarks;

public static class Program
{
    public static async Task Main(string[] args)
    {
        if (Array.IndexOf(args, "--paired") >= 0)
        {
            await PairedRun.RunAsync();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
