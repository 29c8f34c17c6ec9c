using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Benchmarks;

/// <summary>
/// Produces Kiota's C# client for the full Atlas spec at benchmark time, into the WithKiotaAtlas consumer's obj/ folder
/// (ignored by git: neither the spec copy nor Kiota's output is ever committed). Kiota comes from the local tool
/// manifest bench/.config/dotnet-tools.json (microsoft.openapi.kiota, pinned), restored with <c>dotnet tool restore</c>.
/// </summary>
internal static class KiotaClient
{
    /// <summary>The spec both clients are built from.</summary>
    public const string SpecName = "atlas-admin-v2-2025-03-12.yaml";

    /// <summary>The consumer project that compiles Kiota's output.</summary>
    public static string ConsumerDirectory => Path.Combine(SpecSources.RepositoryRoot, "bench", "consumers", "WithKiotaAtlas");

    /// <summary>Where Kiota writes; the consumer project includes every .cs below it (its KiotaClientDirectory).</summary>
    public static string OutputDirectory => Path.Combine(ConsumerDirectory, "obj", "kiota-client");

    /// <summary>
    /// Restores the tool, writes the patched spec copy and runs <c>kiota generate</c>. Returns Kiota's run time in seconds
    /// (for information only: it is a one-off step for Kiota's users, unlike a source generator that runs on every build),
    /// or null when a step failed (its output is printed to stderr).
    /// </summary>
    public static double? Generate()
    {
        string benchDirectory = Path.Combine(SpecSources.RepositoryRoot, "bench");
        if (Run(benchDirectory, "tool restore") is null)
        {
            return null;
        }

        string specCopy = Path.Combine(ConsumerDirectory, "obj", "kiota-spec", SpecName);
        Directory.CreateDirectory(Path.GetDirectoryName(specCopy)!);
        string text = File.ReadAllText(Path.Combine(SpecSources.FullSpecDirectory, SpecName));
        string patched = RemoveAllOfBackReferences(text, out IReadOnlyList<string> removed);
        File.WriteAllText(specCopy, patched);
        Console.Error.WriteLine($"kiota: removed {removed.Count} allOf back-reference(s) from the spec copy: {string.Join(", ", removed)}");

        // Kiota's defaults except --exclude-backward-compatible, which its help recommends for new clients (it drops the
        // obsolete duplicates kept for older generated code). Default serializers, additional data on, no backing store,
        // public types. --clean-output so no file of an earlier run survives; --ll Error only keeps the log short
        // (the spec triggers thousands of warnings about discriminators).
        var watch = Stopwatch.StartNew();
        string? output = Run(
            benchDirectory,
            $"kiota generate -l CSharp -d \"{specCopy}\" -o \"{OutputDirectory}\" -c AtlasKiotaClient -n Bench.Kiota " +
            "--exclude-backward-compatible --clean-output --ll Error");
        watch.Stop();
        return output is null ? null : watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Kiota 1.38 fails ("The type does not contain any information") on a schema whose <c>allOf</c> refers back to a
    /// <c>oneOf</c> base that lists it and has no properties of its own. As Kiota's issue tracker suggests, such
    /// back-references are removed: the line holding the <c>- $ref</c> item is deleted from the text, so the rest of
    /// the spec stays byte for byte as it was. <paramref name="removed"/> names the schemas changed ("Derived → Base").
    /// </summary>
    internal static string RemoveAllOfBackReferences(string yaml, out IReadOnlyList<string> removed)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var schemas = (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];

        const string prefix = "#/components/schemas/";
        var bases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach ((YamlNode key, YamlNode value) in schemas.Children)
        {
            if (value is YamlMappingNode schema && Child(schema, "oneOf") is YamlSequenceNode oneOf && Child(schema, "properties") is null)
            {
                bases[((YamlScalarNode)key).Value!] = new HashSet<string>(oneOf.Children.Select(RefOf).OfType<string>(), StringComparer.Ordinal);
            }
        }

        string[] all = yaml.Split('\n');
        var lines = new SortedSet<int>();
        var names = new List<string>();
        foreach ((YamlNode key, YamlNode value) in schemas.Children)
        {
            string name = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode schema || Child(schema, "allOf") is not YamlSequenceNode allOf)
            {
                continue;
            }

            foreach (YamlNode item in allOf.Children)
            {
                string? target = RefOf(item);
                if (target is null || !target.StartsWith(prefix, StringComparison.Ordinal)
                    || !bases.TryGetValue(target.Substring(prefix.Length), out HashSet<string>? members)
                    || !members.Contains(prefix + name))
                {
                    continue;
                }

                // Deleting a line is only safe for a block-style "- $ref: …" item that is not the allOf's only member.
                int line = (int)item.Start.Line;
                string text = all[line - 1].Trim();
                if (allOf.Children.Count < 2 || !text.StartsWith("- $ref:", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Unexpected shape of the allOf back-reference in {name}, line {line}: {text}");
                }

                lines.Add(line);
                names.Add($"{name} → {target.Substring(prefix.Length)}");
            }
        }

        removed = names;
        return string.Join('\n', all.Where((_, index) => !lines.Contains(index + 1)));
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? RefOf(YamlNode node) =>
        node is YamlMappingNode mapping && Child(mapping, "$ref") is YamlScalarNode reference ? reference.Value : null;

    /// <summary>Runs <c>dotnet arguments</c> in a directory; returns its output, or null (after printing it) when it failed.</summary>
    private static string? Run(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"dotnet {arguments} failed:\n{string.Join("\n", output.Split('\n').TakeLast(30))}");
            return null;
        }

        return output;
    }
}
