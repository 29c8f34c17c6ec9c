using System;
using System.IO;
using Xunit;

namespace SpecClient.Simulator.Tests.Infrastructure;

/// <summary>A fact that is skipped, with a reason, when no <c>curl</c> executable is on PATH.</summary>
public sealed class CurlFactAttribute : FactAttribute
{
    public CurlFactAttribute()
    {
        if (CurlPath is null)
        {
            Skip = "curl is not on PATH, so the real-curl digest test can't run. Install curl to run it.";
        }
    }

    public static string? CurlPath { get; } = Find();

    private static string? Find()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in new[] { "curl", "curl.exe" })
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
