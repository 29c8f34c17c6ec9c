using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace SpecClient.Fuzz;

/// <summary>
/// The child side: reads case ids from stdin, one a line, and answers each with <c>START</c> (the mutations, before the
/// generator runs, so a crash still knows them) and <c>RESULT</c> (the outcome) lines on stdout.
/// </summary>
internal static class Worker
{
    public const string Ready = "READY";
    public const string Start = "START ";
    public const string Result = "RESULT ";
    public const string Phase = "PHASE ";

    public static int Run(string root, TimeSpan deadline, int parent)
    {
        WatchParent(parent);
        // Only protocol lines go to stdout; anything else written to Console (nothing should be) goes to stderr.
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        Console.SetOut(Console.Error);
        var factory = new CaseFactory(Corpus.Load(root));

        // Warm up (JIT of Roslyn and the generator) before the first deadline starts.
        CaseRunner.Run(factory.Build(new CaseId(CorpusKind.Bundled, 0, 0)) with { Mutations = Array.Empty<string>() }, 0, deadline);
        protocol.WriteLine(Ready);

        TimeSpan cancelAfter = TimeSpan.FromMilliseconds(deadline.TotalMilliseconds * 0.75);
        string? line;
        while ((line = Console.In.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            CaseId id = CaseId.Parse(line);
            var clock = Stopwatch.StartNew();
            FuzzCase fuzzCase;
            try
            {
                fuzzCase = factory.Build(id);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                protocol.WriteLine(Result + JsonSerializer.Serialize(new CaseResult { Id = id.ToString(), Class = CaseClass.Skipped, Detail = "the fuzzer could not build the case: " + exception, Signature = "SKIPPED " + exception.GetType().Name }));
                continue;
            }

            long build = clock.ElapsedMilliseconds;
            protocol.WriteLine(Start + JsonSerializer.Serialize(fuzzCase.Mutations));
            CaseResult result;
            try
            {
                result = CaseRunner.Run(fuzzCase, build, cancelAfter, phase => protocol.WriteLine(Phase + phase)).Result;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The driver catches generator exceptions; anything here escaped it (or the compilation step).
                result = new CaseResult { Id = id.ToString(), Class = CaseClass.Internal, Mutations = fuzzCase.Mutations, Detail = exception.ToString(), Signature = "INTERNAL escaped " + exception.GetType().Name };
            }

            protocol.WriteLine(Result + JsonSerializer.Serialize(result));
        }

        return 0;
    }

    /// <summary>A worker stuck in a case must not outlive a campaign that was stopped: it exits when the parent is gone.</summary>
    private static void WatchParent(int parent)
    {
        if (parent <= 0)
        {
            return;
        }

        var watcher = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(2000);
                try
                {
                    using var process = Process.GetProcessById(parent);
                    if (process.HasExited)
                    {
                        Environment.Exit(3);
                    }
                }
                catch (ArgumentException)
                {
                    Environment.Exit(3);
                }
            }
        }) { IsBackground = true, Name = "parent watcher" };
        watcher.Start();
    }
}
