using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Conformance.Tests.Infrastructure;

/// <summary>
/// Prism (the pinned @stoplight/prism-cli of package.json) mocking one spec on 127.0.0.1 and a free port.
/// Without <c>--errors</c>: Prism reports request violations in the <c>sl-violations</c> header and answers the spec's
/// 400 example (422 when there is none). With it, it also replaces answers that break the spec's own schemas (stale
/// examples) with a 500, which would hide whether the client reads the answer. Dynamic mode generates bodies from the
/// schemas with a fixed seed.
/// Disposing kills the whole process tree.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim s_install = new(1, 1);
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private PrismServer(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>From process start until Prism accepted a connection.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static string PackageDirectory => RepositoryPaths.ProjectDirectory;

    public static string CliScript => Path.Combine(PackageDirectory, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    /// <summary>Runs <c>npm ci</c> in the test project once when node_modules is missing (a fresh clone).</summary>
    public static async Task EnsureInstalledAsync()
    {
        await s_install.WaitAsync();
        try
        {
            if (File.Exists(CliScript))
            {
                return;
            }

            var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
            {
                WorkingDirectory = PackageDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
            Task<string> output = npm.StandardOutput.ReadToEndAsync();
            Task<string> errors = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await npm.WaitForExitAsync(timeout.Token);
            if (npm.ExitCode != 0 || !File.Exists(CliScript))
            {
                throw new InvalidOperationException($"npm ci in {PackageDirectory} failed ({npm.ExitCode}):\n{await output}\n{await errors}");
            }
        }
        finally
        {
            s_install.Release();
        }
    }

    public static async Task<PrismServer> StartAsync(string specPath, bool dynamic)
    {
        await EnsureInstalledAsync();
        Exception? last = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            PrismServer server = Launch(specPath, dynamic, FreePort());
            try
            {
                await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
                return server;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Another process may have taken the port between probing and Prism's bind: try a new one.
                last = e;
                await server.DisposeAsync();
            }
        }

        throw new InvalidOperationException("Prism did not start: " + last?.Message, last);
    }

    private static PrismServer Launch(string specPath, bool dynamic, int port)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = PackageDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { CliScript, "mock", specPath, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-v", "warn" })
        {
            start.ArgumentList.Add(argument);
        }

        if (dynamic)
        {
            start.ArgumentList.Add("-d");
            start.ArgumentList.Add("--seed");
            start.ArgumentList.Add("specclient");
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var server = new PrismServer(process, port);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Prism's last lines of output, for failure messages.</summary>
    public string RecentOutput()
    {
        lock (_lastLines)
        {
            return string.Join("\n", _lastLines);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with {_process.ExitCode}:\n{RecentOutput()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
                StartupTime = clock.Elapsed;
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Prism did not listen on {BaseAddress} within {limit}:\n{RecentOutput()}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
