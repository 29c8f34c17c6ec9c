using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace SpecClient.Fuzz;

/// <summary>What a campaign runs: which cases (corpus, seed, count), how (workers, deadline) and where it reports.</summary>
public sealed record CampaignOptions
{
    public CorpusKind Corpus { get; init; } = CorpusKind.All;

    public int Seed { get; init; } = 1;

    public int Cases { get; init; } = 100;

    /// <summary>The first case index (a campaign can be resumed or split).</summary>
    public int Start { get; init; }

    public int Workers { get; init; } = 2;

    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(20);

    public string? OutputDirectory { get; init; }

    public int ProgressEvery { get; init; } = 25;

    public required string Root { get; init; }

    /// <summary>When set, exactly these cases (e.g. a previous campaign's failures) instead of the seed's range.</summary>
    public IReadOnlyList<CaseId>? Ids { get; init; }

    /// <summary>Test hooks passed to the workers: case id → <c>crash</c> or <c>hang</c>.</summary>
    public IReadOnlyDictionary<string, string> Hooks { get; init; } = new Dictionary<string, string>();
}

/// <summary>A finished campaign: every case's result in index order, and the counts per class.</summary>
public sealed record CampaignReport(CampaignOptions Options, IReadOnlyList<CaseResult> Results, TimeSpan Elapsed)
{
    public IReadOnlyDictionary<string, int> Counts => CaseClass.All.ToDictionary(c => c, c => Results.Count(r => r.Class == c));

    public IEnumerable<CaseResult> Failures => Results.Where(r => CaseClass.Failing.Contains(r.Class));

    public double CasesPerSecond => Results.Count / Math.Max(0.001, Elapsed.TotalSeconds);
}

/// <summary>
/// The parent side: hands case ids to worker processes (this executable with <c>--worker</c>), enforces the per-case
/// deadline, and records a worker that dies as CRASH and one past the deadline as HANG, then starts a fresh worker.
/// </summary>
public static class Campaign
{
    public static async Task<CampaignReport> RunAsync(CampaignOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        if (options.Ids is not null)
        {
            options = options with { Cases = options.Ids.Count };
        }

        var results = new CaseResult?[options.Cases];
        int next = -1;
        int done = 0;
        var clock = Stopwatch.StartNew();
        var gate = new object();

        async Task Slot()
        {
            WorkerProcess? worker = null;
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    int offset = Interlocked.Increment(ref next);
                    if (offset >= options.Cases)
                    {
                        break;
                    }

                    CaseId id = options.Ids?[offset] ?? new CaseId(options.Corpus, options.Seed, options.Start + offset);
                    worker ??= await WorkerProcess.StartAsync(options, cancellationToken);
                    CaseResult result = await worker.RunAsync(id, options.Deadline, cancellationToken);
                    if (result.Class is CaseClass.Crash or CaseClass.Hang)
                    {
                        worker.Dispose();
                        worker = null;
                    }

                    results[offset] = result;
                    int count = Interlocked.Increment(ref done);
                    if (count % options.ProgressEvery == 0 || count == options.Cases)
                    {
                        lock (gate)
                        {
                            progress.WriteLine(ProgressLine(results, count, options.Cases, clock.Elapsed));
                            if (options.OutputDirectory is not null && count < options.Cases)
                            {
                                // A partial report on the way, so a long campaign can be read (or stopped) early.
                                Reports.Write(new CampaignReport(options, results.Where(r => r is not null).Select(r => r!).ToList(), clock.Elapsed), options.OutputDirectory);
                            }
                        }
                    }
                }
            }
            finally
            {
                worker?.Dispose();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => Task.Run(Slot, cancellationToken)));
        var report = new CampaignReport(options, results.Where(r => r is not null).Select(r => r!).ToList(), clock.Elapsed);
        if (options.OutputDirectory is not null)
        {
            Reports.Write(report, options.OutputDirectory);
        }

        return report;
    }

    private static string ProgressLine(CaseResult?[] results, int done, int total, TimeSpan elapsed)
    {
        var counts = CaseClass.All.Select(c => c + " " + results.Count(r => r?.Class == c));
        return $"[{done,6}/{total}] {done / Math.Max(0.001, elapsed.TotalSeconds),5:0.00} cases/s {elapsed.TotalSeconds,7:0} s | " + string.Join("  ", counts);
    }

    /// <summary>One worker process and its pipes.</summary>
    private sealed class WorkerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _stderr = new();
        private string _stderrHead = string.Empty;

        private WorkerProcess(Process process) => _process = process;

        public static async Task<WorkerProcess> StartAsync(CampaignOptions options, CancellationToken cancellationToken)
        {
            ProcessStartInfo info = WorkerCommand.Create();
            info.ArgumentList.Add("--worker");
            info.ArgumentList.Add("--root");
            info.ArgumentList.Add(options.Root);
            info.ArgumentList.Add("--parent");
            info.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            info.ArgumentList.Add("--deadline");
            info.ArgumentList.Add(options.Deadline.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (KeyValuePair<string, string> hook in options.Hooks)
            {
                info.ArgumentList.Add("--hook");
                info.ArgumentList.Add(hook.Key + "=" + hook.Value);
            }

            info.RedirectStandardInput = true;
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            info.UseShellExecute = false;
            info.StandardOutputEncoding = Encoding.UTF8;

            // No crash dumps for the deliberate and accidental stack overflows.
            info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
            info.Environment["DOTNET_EnableCrashReport"] = "0";
            var process = new Process { StartInfo = info };
            var worker = new WorkerProcess(process);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (worker._stderr)
                {
                    // The head says what happened ("Stack overflow.", the exception); the tail where.
                    worker._stderr.AppendLine(e.Data);
                    if (worker._stderrHead.Length == 0 && worker._stderr.Length > 2_000)
                    {
                        worker._stderrHead = worker._stderr.ToString(0, 2_000) + "\n…\n";
                    }

                    if (worker._stderr.Length > 16_000)
                    {
                        worker._stderr.Remove(0, worker._stderr.Length - 2_000);
                    }
                }
            };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    worker._lines.Writer.TryComplete();
                }
                else
                {
                    worker._lines.Writer.TryWrite(e.Data);
                }
            };
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();

            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startup.CancelAfter(TimeSpan.FromMinutes(3));
            try
            {
                string? ready = await worker.ReadLineAsync(startup.Token);
                if (ready != Worker.Ready)
                {
                    throw new InvalidOperationException("A worker did not start: " + ready + "\n" + worker.StandardErrorTail());
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                worker.Dispose();
                throw new InvalidOperationException("A worker did not start within 3 minutes.\n" + worker.StandardErrorTail());
            }

            return worker;
        }

        public async Task<CaseResult> RunAsync(CaseId id, TimeSpan deadline, CancellationToken cancellationToken)
        {
            // The deadline is the generator's. Building the case (parsing a 3 MB spec) and compiling the output are the
            // fuzzer's and the compiler's work and get a wider allowance, so a busy machine does not fake a generator hang.
            TimeSpan allowance = TimeSpan.FromTicks(Math.Max(deadline.Ticks * 4, TimeSpan.FromSeconds(60).Ticks));
            IReadOnlyList<string> mutations = Array.Empty<string>();
            string phase = "building the case";
            TimeSpan limit = allowance;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            try
            {
                await _process.StandardInput.WriteLineAsync(id.ToString().AsMemory(), timeout.Token);
                await _process.StandardInput.FlushAsync(timeout.Token);
                while (true)
                {
                    string? line = await ReadLineAsync(timeout.Token);
                    if (line is null)
                    {
                        return Crashed(id, mutations, phase);
                    }

                    if (line.StartsWith(Worker.Start, StringComparison.Ordinal))
                    {
                        mutations = JsonSerializer.Deserialize<List<string>>(line.Substring(Worker.Start.Length)) ?? new List<string>();
                        phase = "generator";
                        timeout.CancelAfter(limit = deadline);
                    }
                    else if (line.StartsWith(Worker.Phase, StringComparison.Ordinal))
                    {
                        phase = line.Substring(Worker.Phase.Length);
                        timeout.CancelAfter(limit = allowance);
                    }
                    else if (line.StartsWith(Worker.Result, StringComparison.Ordinal))
                    {
                        return JsonSerializer.Deserialize<CaseResult>(line.Substring(Worker.Result.Length))!;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Kill();
                return new CaseResult
                {
                    Id = id.ToString(), Class = CaseClass.Hang, Mutations = mutations,
                    Detail = "no result within " + limit.TotalSeconds + " s, in: " + phase + "; the worker was killed",
                    Signature = "HANG killed in " + phase.Split(' ')[0],
                };
            }
            catch (IOException)
            {
                return Crashed(id, mutations, phase);
            }
        }

        private CaseResult Crashed(CaseId id, IReadOnlyList<string> mutations, string phase)
        {
            _process.WaitForExit(5000);
            string tail = StandardErrorTail();
            string exit = _process.HasExited ? "exit code " + _process.ExitCode : "still running";
            string first = tail.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no output)";
            return new CaseResult
            {
                Id = id.ToString(), Class = CaseClass.Crash, Mutations = mutations,
                Detail = "the worker died (" + exit + ") in: " + phase + "\n" + tail,
                Signature = "CRASH " + (first.Length > 60 ? first.Substring(0, 60) : first),
            };
        }

        private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (await _lines.Reader.WaitToReadAsync(cancellationToken))
            {
                if (_lines.Reader.TryRead(out string? line))
                {
                    return line;
                }
            }

            return null;
        }

        private string StandardErrorTail()
        {
            lock (_stderr)
            {
                string text = _stderr.ToString();
                return _stderrHead.Length == 0 ? text : _stderrHead + (text.Length > 2_000 ? text.Substring(text.Length - 2_000) : text);
            }
        }

        private void Kill()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The worker is gone already.
            }

            if (!_process.WaitForExit(2000))
            {
                Kill();
            }

            _process.Dispose();
        }
    }
}

/// <summary>How to start this tool again as a worker, from the apphost, <c>dotnet tool.dll</c>, or a test host.</summary>
internal static class WorkerCommand
{
    public static ProcessStartInfo Create()
    {
        string assembly = typeof(WorkerCommand).Assembly.Location;
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host) || !File.Exists(host))
        {
            string? processPath = Environment.ProcessPath;
            host = processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
        }

        var info = new ProcessStartInfo(host);
        info.ArgumentList.Add("exec");
        string runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            // Loaded into another process (a test host): borrow that application's runtime config and dependencies.
            string entry = System.Reflection.Assembly.GetEntryAssembly()?.Location ?? assembly;
            string entryConfig = Path.Combine(AppContext.BaseDirectory, Path.GetFileNameWithoutExtension(entry) + ".runtimeconfig.json");
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(File.Exists(entryConfig) ? entryConfig : Directory.GetFiles(AppContext.BaseDirectory, "*.runtimeconfig.json").First());
        }

        string deps = Path.ChangeExtension(assembly, ".deps.json");
        if (File.Exists(deps))
        {
            info.ArgumentList.Add("--depsfile");
            info.ArgumentList.Add(deps);
        }

        info.ArgumentList.Add(assembly);
        return info;
    }
}
