using System;
using System.Diagnostics;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>The seeds' own curl command line (<c>curl --digest --user …</c>) against the simulator.</summary>
public sealed class CurlTests
{
    [CurlFact]
    public async Task CurlDigestWithTheRightKeyGets200()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        (string status, string body) = await CurlAsync(sim, $"{SimulatorDemo.PublicKey}:{SimulatorDemo.PrivateKey}");

        Assert.Equal("200", status);
        Assert.Contains(SimulatorDemo.RecentOrgInvitationId, body, StringComparison.Ordinal);
        Assert.Equal(1, sim.Faults.DigestChallengeCount);
    }

    [CurlFact]
    public async Task CurlDigestWithAWrongKeyGets401()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        (string status, string body) = await CurlAsync(sim, $"{SimulatorDemo.PublicKey}:wrong-private-key");

        Assert.Equal("401", status);
        Assert.Contains("\"errorCode\":\"UNAUTHORIZED\"", body, StringComparison.Ordinal);
    }

    private static async Task<(string Status, string Body)> CurlAsync(TestSimulator sim, string userAndKey)
    {
        var start = new ProcessStartInfo(CurlFactAttribute.CurlPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--silent", "--show-error", "--max-time", "20",
            "--digest", "--user", userAndKey,
            "--header", "Accept: application/vnd.atlas.2025-03-12+json",
            "--write-out", "\n%{http_code}",
            new Uri(sim.Simulator.BaseAddress, TestSimulator.OrgInvites()).ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string output = await stdout;
        Assert.True(process.ExitCode == 0, $"curl failed ({process.ExitCode}): {await stderr}");
        int newline = output.LastIndexOf('\n');
        return (output[(newline + 1)..].Trim(), output[..newline]);
    }
}
