using System;
using System.IO;

namespace SpecClient.Generator.Benchmarks;

/// <summary>
/// The daily edit-and-build of an application that uses a whole-API client, in two layouts: the client generated in
/// the application project itself (WithFullAtlasSpec: editing its own code recompiles the client and reruns the
/// generator), and the client in a class library the application references (AppOnAtlasLibrary on WithFullAtlasSpec:
/// the library is up to date, only the application compiles). Each round appends a comment to the edited file and runs
/// an ordinary incremental <c>dotnet build</c>; the edits are undone at the end.
/// </summary>
internal static class EditAndBuild
{
    public static int Run(int runs)
    {
        string root = Path.Combine(SpecSources.RepositoryRoot, "bench", "consumers");
        (string Label, string Project, string EditedFile)[] layouts =
        {
            ("client in the application project", Path.Combine(root, "WithFullAtlasSpec", "WithFullAtlasSpec.csproj"), Path.Combine(root, "WithFullAtlasSpec", "Consumer.cs")),
            ("client in a class library the application references", Path.Combine(root, "AppOnAtlasLibrary", "AppOnAtlasLibrary.csproj"), Path.Combine(root, "AppOnAtlasLibrary", "App.cs")),
        };

        var medians = new double[layouts.Length];
        for (int i = 0; i < layouts.Length; i++)
        {
            (string label, string project, string editedFile) = layouts[i];
            string original = File.ReadAllText(editedFile);
            try
            {
                Console.Error.WriteLine($"warming up: {label}…");
                if (ConsumerBuild.Build(project, "") is null)
                {
                    return 1;
                }

                double[] seconds = new double[runs];
                for (int run = 0; run < runs; run++)
                {
                    File.WriteAllText(editedFile, original + $"// edit {run + 1}\n");
                    Console.Error.WriteLine($"{label}: edit and build {run + 1}/{runs}…");
                    seconds[run] = ConsumerBuild.Build(project, "--no-restore") ?? double.NaN;
                }

                medians[i] = Program.Median(seconds);
            }
            finally
            {
                File.WriteAllText(editedFile, original);
            }
        }

        Console.WriteLine($"| layout (full Atlas 2025-03-12 client) | edit one file of the application, then dotnet build (s, median of {runs}) |");
        Console.WriteLine("| --- | --- |");
        for (int i = 0; i < layouts.Length; i++)
        {
            Console.WriteLine($"| {layouts[i].Label} | {medians[i]:F2} |");
        }

        return 0;
    }
}
