using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecClient.Generator.Benchmarks;

/// <summary>
/// Writes the "floor" of SpecClient's compile cost: its generated client for the full spec with the two largest costs
/// the ablations found cut out: every record's JSON metadata (each <c>Create_X</c> of the JSON context throws instead
/// of describing the record's properties) and the members the compiler synthesizes for records (models become classes).
/// Operations, parameters, models, enums and the context's shape stay as generated, so what it costs to compile is a
/// lower bound for any other way of serializing the same models. Not a working client: nothing runs it.
/// </summary>
internal static class FloorClient
{
    public static string OutputDirectory => Path.Combine(SpecSources.RepositoryRoot, "bench", "consumers", "WithoutJsonMetadata", "obj", "floor-client");

    /// <summary>A model record, not an enum or union record struct.</summary>
    private static readonly Regex s_record = new(@"\bpartial record (?!struct\b)", RegexOptions.CultureInvariant);

    /// <summary>The first line of a JSON context method that creates a record's metadata.</summary>
    private static readonly Regex s_createMethod = new(@"^(\s*private [^\n]* Create_\w+\([^)]*\) =>)", RegexOptions.CultureInvariant);

    /// <summary>
    /// Writes the floor client from the generated files in <paramref name="generatedDirectory"/>. Returns how many
    /// records became classes and how many metadata methods were emptied: both zero means the emitter's output changed
    /// shape and the floor would measure the full client.
    /// </summary>
    public static (int Classes, int EmptiedMethods) Write(string generatedDirectory)
    {
        if (Directory.Exists(OutputDirectory))
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }

        Directory.CreateDirectory(OutputDirectory);
        int classes = 0;
        int emptied = 0;
        foreach (string file in Directory.GetFiles(generatedDirectory, "*.cs", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            if (file.EndsWith(".Models.g.cs", StringComparison.Ordinal))
            {
                classes += s_record.Matches(text).Count;
                text = s_record.Replace(text, "partial class ");
            }
            else if (file.EndsWith(".JsonContext.g.cs", StringComparison.Ordinal))
            {
                text = EmptyCreateMethods(text, ref emptied);
            }

            File.WriteAllText(Path.Combine(OutputDirectory, Path.GetFileName(file)), text);
        }

        return (classes, emptied);
    }

    /// <summary>
    /// Replaces each <c>Create_X</c> expression body with a throw. The emitter writes such a body as one expression whose
    /// last line, and only that line, ends with <c>);</c> (the property lines before it end with <c>)</c>).
    /// </summary>
    private static string EmptyCreateMethods(string text, ref int emptied)
    {
        var output = new StringBuilder(text.Length);
        bool skipping = false;
        foreach (string line in text.Split('\n'))
        {
            if (skipping)
            {
                skipping = !line.TrimEnd().EndsWith(");", StringComparison.Ordinal);
                continue;
            }

            Match create = s_createMethod.Match(line);
            if (create.Success)
            {
                output.Append(create.Groups[1].Value).Append(" throw new global::System.NotSupportedException();\n");
                skipping = !line.TrimEnd().EndsWith(");", StringComparison.Ordinal);
                emptied++;
                continue;
            }

            output.Append(line).Append('\n');
        }

        return output.ToString(0, output.Length - 1);
    }
}
