using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace InviteJanitor;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string name in Janitor.EnvironmentVariables)
        {
            environment[name] = Environment.GetEnvironmentVariable(name);
        }

        return await Janitor.RunAsync(args, Console.Out, Console.Error, environment, cancel.Token);
    }
}
