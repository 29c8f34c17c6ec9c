using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SpecClient.Benchmarks;

/// <summary>
/// What the simulator counted for each benchmark's last run of calls: HTTP requests (round trips) and digest
/// challenges. The benchmarks run in-process, so the column below reads what the benchmark methods recorded.
/// </summary>
internal static class RoundTrips
{
    private static readonly ConcurrentDictionary<string, Measurement> Measurements = new();

    public static void Record(string benchmark, int calls, long requests, long challenges)
        => Measurements[benchmark] = new Measurement(calls, requests, challenges);

    public static Measurement? Find(string benchmark) => Measurements.TryGetValue(benchmark, out Measurement? m) ? m : null;

    /// <summary>One line per benchmark, after BenchmarkDotNet's own summary.</summary>
    public static void PrintSummary(TextWriter output)
    {
        if (Measurements.IsEmpty)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Round trips per call (simulator's request counter, one fresh client per run of calls):");
        foreach ((string name, Measurement m) in Measurements.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} {m.RequestsPerCall:0.00} round trips per call ({m.Requests} requests, {m.Challenges} digest challenges, {m.Calls} calls)"));
        }
    }

    internal sealed record Measurement(int Calls, long Requests, long Challenges)
    {
        public double RequestsPerCall => (double)Requests / Calls;
    }
}

/// <summary>A summary column: round trips per call, as the simulator counted them.</summary>
internal sealed class RoundTripsColumn : IColumn
{
    public string Id => nameof(RoundTripsColumn);

    public string ColumnName => "Round trips/call";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "HTTP requests the server received per API call (2 = a digest challenge on every call)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        => RoundTrips.Find(benchmarkCase.Descriptor.WorkloadMethod.Name) is { } m
            ? m.RequestsPerCall.ToString("0.00", CultureInfo.InvariantCulture)
            : "?";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
