using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpecClient.Fuzz;

/// <summary>Writes a campaign's report.json (every case) and report.md (counts, failure groups, failing cases).</summary>
public static class Reports
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CampaignReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        CampaignOptions options = report.Options;
        var json = new
        {
            corpus = options.Corpus.ToString().ToLowerInvariant(),
            seed = options.Seed,
            start = options.Start,
            cases = report.Results.Count,
            workers = options.Workers,
            deadlineSeconds = options.Deadline.TotalSeconds,
            elapsedSeconds = Math.Round(report.Elapsed.TotalSeconds, 1),
            casesPerSecond = Math.Round(report.CasesPerSecond, 2),
            counts = report.Counts,
            groups = Groups(report).Select(g => new { signature = g.Key, count = g.Count(), cases = g.Select(r => r.Id).Take(20) }),
            results = report.Results,
        };
        File.WriteAllText(Path.Combine(directory, "report.json"), JsonSerializer.Serialize(json, Json));
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown(report));
    }

    private static IEnumerable<IGrouping<string, CaseResult>> Groups(CampaignReport report)
        => report.Results.Where(r => r.Class != CaseClass.Ok).GroupBy(r => r.Signature).OrderBy(g => Array.IndexOf(CaseClass.All, g.First().Class)).ThenByDescending(g => g.Count());

    public static string Markdown(CampaignReport report)
    {
        CampaignOptions options = report.Options;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Fuzz campaign: corpus {options.Corpus.ToString().ToLowerInvariant()}, seed {options.Seed}, cases {options.Start}..{options.Start + report.Results.Count - 1}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Results.Count} cases in {report.Elapsed.TotalSeconds:0} s ({report.CasesPerSecond:0.00} cases/s) with {options.Workers} workers, deadline {options.Deadline.TotalSeconds} s.");
        text.AppendLine();
        text.AppendLine("| class | cases |");
        text.AppendLine("| --- | --- |");
        foreach (KeyValuePair<string, int> count in report.Counts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {count.Key} | {count.Value} |");
        }

        text.AppendLine();
        text.AppendLine("## Groups (class and first diagnostic ids)");
        text.AppendLine();
        text.AppendLine("| signature | cases | examples |");
        text.AppendLine("| --- | --- | --- |");
        foreach (IGrouping<string, CaseResult> group in Groups(report))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(group.Key)} | {group.Count()} | {string.Join(" ", group.Select(r => r.Id).Take(5))} |");
        }

        text.AppendLine();
        text.AppendLine("## Failing cases");
        text.AppendLine();
        text.AppendLine("Replay one with `dotnet run --project tools/SpecClient.Fuzz -- --replay <id>`.");
        foreach (CaseResult result in report.Failures.Concat(report.Results.Where(r => r.Class == CaseClass.Warning)).Take(300))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {result.Id}: {result.Class}");
            text.AppendLine();
            foreach (string mutation in result.Mutations)
            {
                text.AppendLine("- " + Escape(mutation));
            }

            IEnumerable<string> lines = result.CompileDiagnostics.Take(4).Concat(result.GeneratorDiagnostics.Take(4));
            if (result.Class is CaseClass.Crash or CaseClass.Hang or CaseClass.Internal && result.Detail is not null)
            {
                lines = lines.Append(string.Join("\n", result.Detail.Split('\n').Take(12)));
            }

            text.AppendLine();
            text.AppendLine("```");
            foreach (string line in lines)
            {
                text.AppendLine(line);
            }

            text.AppendLine("```");
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
