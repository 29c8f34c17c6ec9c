using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpecClient.Corpus;

/// <summary>How often something was reported: diagnostics in all, and in how many specs.</summary>
public sealed record Occurrence(int Diagnostics, int Specs);

/// <summary>The whole run summed up: coverage, diagnostics by id and by reason, the specs losing most, compile failures.</summary>
public sealed class CorpusReport
{
    public CorpusReport(IReadOnlyList<SpecOutcome> outcomes, TimeSpan elapsed)
    {
        Specs = outcomes.OrderBy(outcome => outcome.Name, StringComparer.Ordinal).ToList();
        Elapsed = elapsed;
        Declared = Specs.Sum(outcome => (long)outcome.Declared);
        Generated = Specs.Sum(outcome => (long)outcome.Generated);
        Lost = Specs.Sum(outcome => (long)outcome.Lost);
        ById = Occurrences(Specs, outcome => outcome.ById);
        ByReason = Occurrences(Specs, outcome => outcome.ByReason);
    }

    public IReadOnlyList<SpecOutcome> Specs { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Operations declared by all specs.</summary>
    public long Declared { get; }

    /// <summary>Methods generated for all specs.</summary>
    public long Generated { get; }

    /// <summary>Declared operations without a method, summed per spec (a spec generating more than it declares offsets nothing).</summary>
    public long Lost { get; }

    /// <summary>The share of declared operations that became methods, in percent; 100 for an empty corpus.</summary>
    public double Coverage => Declared == 0 ? 100 : 100.0 * (Declared - Lost) / Declared;

    public IReadOnlyDictionary<string, Occurrence> ById { get; }

    public IReadOnlyDictionary<string, Occurrence> ByReason { get; }

    public IEnumerable<SpecOutcome> Crashed => Specs.Where(outcome => outcome.Exception is not null);

    public IEnumerable<SpecOutcome> TimedOut => Specs.Where(outcome => outcome.TimedOut);

    public IEnumerable<SpecOutcome> CompileFailures => Specs.Where(outcome => outcome.Compiled == false);

    public int CompiledCount => Specs.Count(outcome => outcome.Compiled is not null);

    /// <summary>The most warnings one spec brings into a default build.</summary>
    public int MostWarnings => Specs.Count == 0 ? 0 : Specs.Max(outcome => outcome.Warnings);

    /// <summary>The specs bringing most warnings into a default build, most first (ties by name).</summary>
    public IReadOnlyList<SpecOutcome> MostWarned(int count)
        => Specs.Where(outcome => outcome.Warnings > 0).OrderByDescending(outcome => outcome.Warnings).ThenBy(outcome => outcome.Name, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>The specs losing most operations, most first (ties by name).</summary>
    public IReadOnlyList<SpecOutcome> MostLost(int count)
        => Specs.Where(outcome => outcome.Lost > 0).OrderByDescending(outcome => outcome.Lost).ThenBy(outcome => outcome.Name, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>The reasons among a spec's diagnostics that drop operations, most frequent first.</summary>
    public static IEnumerable<string> DropReasons(SpecOutcome outcome)
        => outcome.ByReason
            .Where(reason => DiagnosticReasons.DropsOperations(reason.Key))
            .OrderByDescending(reason => reason.Value)
            .ThenBy(reason => reason.Key, StringComparer.Ordinal)
            .Select(reason => reason.Value + "× " + reason.Key);

    private static SortedDictionary<string, Occurrence> Occurrences(IEnumerable<SpecOutcome> outcomes, Func<SpecOutcome, IReadOnlyDictionary<string, int>> counts)
    {
        var result = new SortedDictionary<string, Occurrence>(StringComparer.Ordinal);
        foreach (SpecOutcome outcome in outcomes)
        {
            foreach (KeyValuePair<string, int> count in counts(outcome))
            {
                Occurrence known = result.GetValueOrDefault(count.Key) ?? new Occurrence(0, 0);
                result[count.Key] = new Occurrence(known.Diagnostics + count.Value, known.Specs + 1);
            }
        }

        return result;
    }

    /// <summary>Writes report.md and report.json into a folder.</summary>
    public void Write(string directory, string title)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown(title));
        File.WriteAllText(Path.Combine(directory, "report.json"), Json());
    }

    public string Summary()
        => string.Create(CultureInfo.InvariantCulture, $"{Specs.Count} specs, {Declared} operations, {Generated} generated, {Lost} lost: {Coverage:0.00}% coverage; {Crashed.Count()} crashed, {TimedOut.Count()} timed out, {CompileFailures.Count()} of {CompiledCount} compiled did not compile; at most {MostWarnings} warnings in one spec's build ({Elapsed.TotalSeconds:0} s)");

    public string Markdown(string title)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# {title}");
        text.AppendLine();
        Line($"| specs | operations declared | methods generated | operations lost | coverage | crashed | timed out | compiled | did not compile |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Line($"| {Specs.Count} | {Declared} | {Generated} | {Lost} | {Coverage:0.00}% | {Crashed.Count()} | {TimedOut.Count()} | {CompiledCount} | {CompileFailures.Count()} |");
        text.AppendLine();
        Line($"Declared operations are paths × HTTP methods; coverage is (declared − lost) / declared, where a spec's loss is its declared operations minus its methods. {Elapsed.TotalSeconds:0} s.");

        Section(text, "Specs that crashed the generator (bugs)", Crashed.Select(outcome => $"- `{outcome.Name}`: {outcome.Exception}"));
        Section(text, "Specs that ran past the timeout", TimedOut.Select(outcome => $"- `{outcome.Name}` while {outcome.TimedOutWhile} (generating took {outcome.GenerateMilliseconds} ms)"));
        Section(text, "Generated code that does not compile (bugs)", CompileFailures.Select(outcome =>
            $"- `{outcome.Name}` ({outcome.CompileErrorCount} errors)" + string.Concat(outcome.CompileErrors.Select(error => Environment.NewLine + "  - `" + error.Replace('`', '\'') + "`"))));

        text.AppendLine();
        text.AppendLine("## Warnings in a default build");
        text.AppendLine();
        Line($"At most {MostWarnings} in one spec; {Specs.Count(outcome => outcome.Warnings > 5)} specs give more than 5. A problem repeated per schema or path is one warning per cause (SCG1xxx) and info at each place.");
        text.AppendLine();
        text.AppendLine("| spec | warnings |");
        text.AppendLine("| --- | ---: |");
        foreach (SpecOutcome outcome in MostWarned(10))
        {
            Line($"| `{outcome.Name}` | {outcome.Warnings} |");
        }

        text.AppendLine();
        text.AppendLine("## Diagnostics by id");
        text.AppendLine();
        text.AppendLine("| id | diagnostics | specs |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (KeyValuePair<string, Occurrence> id in ById)
        {
            Line($"| {id.Key} | {id.Value.Diagnostics} | {id.Value.Specs} |");
        }

        text.AppendLine();
        text.AppendLine("## Diagnostics by reason");
        text.AppendLine();
        text.AppendLine("| reason | diagnostics | specs |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (KeyValuePair<string, Occurrence> reason in ByReason.OrderByDescending(reason => reason.Value.Diagnostics).ThenBy(reason => reason.Key, StringComparer.Ordinal))
        {
            Line($"| {Cell(reason.Key)} | {reason.Value.Diagnostics} | {reason.Value.Specs} |");
        }

        text.AppendLine();
        text.AppendLine("## Specs losing most operations");
        text.AppendLine();
        text.AppendLine("| spec | declared | generated | lost | why (diagnostics that drop operations) |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (SpecOutcome outcome in MostLost(40))
        {
            Line($"| {Cell(outcome.Name)} | {outcome.Declared} | {outcome.Generated} | {outcome.Lost} | {Cell(string.Join("; ", DropReasons(outcome).Take(3)))} |");
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, IEnumerable<string> lines)
    {
        List<string> list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("## " + heading);
        text.AppendLine();
        foreach (string line in list)
        {
            text.AppendLine(line);
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Json()
        => JsonSerializer.Serialize(
            new
            {
                specs = Specs.Count,
                declared = Declared,
                generated = Generated,
                lost = Lost,
                coverage = Math.Round(Coverage, 4),
                elapsedSeconds = Math.Round(Elapsed.TotalSeconds, 1),
                crashed = Crashed.Select(outcome => new { outcome.Name, outcome.Exception }),
                timedOut = TimedOut.Select(outcome => outcome.Name),
                compiled = CompiledCount,
                compileFailures = CompileFailures.Select(outcome => new { outcome.Name, outcome.CompileErrorCount, outcome.CompileErrors }),
                mostWarnings = MostWarnings,
                mostWarned = MostWarned(10).Select(outcome => new { outcome.Name, outcome.Warnings }),
                byId = ById,
                byReason = ByReason,
                results = Specs,
            },
            JsonOptions);
}
