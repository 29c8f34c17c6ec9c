using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SpecClient.Generator.Tests.Infrastructure;

internal static class GeneratedSource
{
    /// <summary>The one generated file whose hint name ends with <paramref name="suffix"/> (".Models.g.cs"…).</summary>
    public static string Of(GeneratorDriverRunResult run, string suffix)
        => run.GeneratedTrees.Single(tree => tree.FilePath.EndsWith(suffix, StringComparison.Ordinal)).ToString();
}
