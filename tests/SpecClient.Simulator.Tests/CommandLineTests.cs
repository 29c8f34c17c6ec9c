using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>The standalone host's <c>--today</c>: the built simulator run as a process.</summary>
public sealed class CommandLineTests
{
    private static readonly string SimulatorDll = Path.Combine(AppContext.BaseDirectory, "SpecClient.Simulator.dll");

    [Fact]
    public async Task TodayOnTheCommandLineEnforcesTheInvitationSunset()
    {
        using Process process = Start("--port", "0", "--today", "2027-07-02");
        try
        {
            string banner = await ReadUntilAsync(process, "Press Ctrl+C to stop.");
            Uri baseAddress = new(Regex.Match(banner, @"listening on (\S+)").Groups[1].Value);
            Assert.Contains("Today:             2027-07-02 (--today; sunsets enforced)", banner, StringComparison.Ordinal);

            using var client = new HttpClient(new HttpClientHandler { Credentials = new NetworkCredential(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey) }) { BaseAddress = baseAddress };
            Reply invites = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
            Reply users = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?orgMembershipStatus=PENDING"));

            invites.AssertApiError(HttpStatusCode.Gone, "VERSION_GONE");
            Assert.Equal(HttpStatusCode.OK, users.Status);
            Assert.StartsWith("2027-07-0", users.Json.GetProperty("results")[0].GetProperty("invitationCreatedAt").GetString()!, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task MalformedTodayExitsWith2()
    {
        using Process process = Start("--today", "2027-13-40");
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("error:", errors, StringComparison.Ordinal);
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SimulatorDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ReadUntilAsync(Process process, string lastLine)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var text = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            text.AppendLine(line);
            if (line == lastLine)
            {
                return text.ToString();
            }
        }

        throw new InvalidOperationException("The simulator ended before its banner was complete:\n" + text + await process.StandardError.ReadToEndAsync());
    }
}
