using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Package.Tests.Infrastructure;

/// <summary>What one <c>dotnet</c> command did.</summary>
/// <param name="CommandLine">The command, for messages.</param>
/// <param name="ExitCode">The exit code, or -1 when the command timed out and was killed.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
/// <param name="Elapsed">How long it ran.</param>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>stdout then stderr: what a user sees in the terminal.</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>The command, its exit code and its whole output, for a failure message.</summary>
    public string Describe()
        => $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s."
            + $"{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}"
            + $"--- stderr ---{Environment.NewLine}{StandardError}";
}

/// <summary>
/// Runs the dotnet CLI as a child process, the way a user's terminal would: no MSBuild state inherited from the
/// test host, no build servers left behind (they would hold the output pipes open), English messages.
/// </summary>
internal static class DotnetCli
{
    /// <summary>The dotnet host running these tests (DOTNET_HOST_PATH is set by the CLI), else dotnet on PATH.</summary>
    private static readonly string DotnetPath =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath : "dotnet";

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">Where the command runs.</param>
    /// <param name="timeout">After this the command and its children are killed and the result has exit code -1.</param>
    /// <param name="environment">Variables to set for the command (on top of the cleaned-up environment of the tests).</param>
    /// <param name="arguments">The arguments, each passed as one argument (no shell quoting).</param>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // `dotnet test` runs us inside MSBuild's environment (MSBuildExtensionsPath, MSBUILD_EXE_PATH, …);
        // a user's terminal has none of it.
        var inherited = new List<string>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            inherited.Add((string)variable.Key);
        }

        foreach (string name in inherited)
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (KeyValuePair<string, string> variable in environment)
            {
                startInfo.Environment[variable.Key] = variable.Value;
            }
        }

        string commandLine = "dotnet " + string.Join(' ', arguments);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        int exitCode;
        using (var timeoutSource = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
                exitCode = process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited on its own in the meantime.
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                Append(stderr, $"[timed out after {timeout.TotalSeconds:0} s; killed]");
                exitCode = -1;
            }
        }

        stopwatch.Stop();
        lock (stdout)
        {
            lock (stderr)
            {
                return new ProcessResult(commandLine, exitCode, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed);
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
