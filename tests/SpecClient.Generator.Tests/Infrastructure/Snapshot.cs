using System;
using System.IO;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// Golden-file comparison. A mismatch fails with a line diff; golden files are only written when
/// SPECCLIENT_UPDATE_SNAPSHOTS=1 is set (never silently, and never in CI).
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "SPECCLIENT_UPDATE_SNAPSHOTS";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Match(string goldenPath, string actual)
    {
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            return;
        }

        if (!File.Exists(goldenPath))
        {
            throw new XunitException($"No golden file {goldenPath}. Run the tests with {UpdateVariable}=1 to create it, review it, and commit it.");
        }

        string expected = File.ReadAllText(goldenPath);
        if (expected != actual)
        {
            throw new XunitException($"{goldenPath} differs from the generated source (- golden, + generated; refresh with {UpdateVariable}=1):\n{Diff(expected, actual)}");
        }
    }

    public static string Diff(string expected, string actual)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < diff.Lines.Count && shown < 80; i++)
        {
            DiffPiece line = diff.Lines[i];
            if (line.Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                builder.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position?.ToString() ?? "?").Append(": ").AppendLine(line.Text);
                shown++;
            }
        }

        return builder.ToString();
    }
}
