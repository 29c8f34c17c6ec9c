using System;
using System.IO;

namespace SpecClient.Testing;

/// <summary>
/// The repository root: the folder holding Generator.sln above the running assembly. The one place that finds it,
/// linked into the test projects, the tools and the benchmarks that read the repository's files.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Above(AppContext.BaseDirectory);

    /// <summary>The folder holding Generator.sln at or above <paramref name="start"/>.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public static string Above(string start)
    {
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + start);
    }
}
