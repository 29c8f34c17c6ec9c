using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SpecClient.Generator.Emitting;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Benchmarks;

/// <summary>The generator's two halves on each spec: reading the spec into the model, and printing the model.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratorBenchmarks
{
    private IReadOnlyList<(SpecFileOptions Options, string Text)> _files = new List<(SpecFileOptions, string)>();
    private List<ApiSpec> _models = new();

    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = SpecSources.Bundled;

    public static IEnumerable<string> Specs() => SpecSources.Names();

    [GlobalSetup]
    public void Setup()
    {
        _files = SpecSources.Load(Spec);
        _models = _files.Select(file => SpecParser.Parse(file.Options, file.Text, default).Spec!).ToList();
    }

    /// <summary>YAML → node tree → model (names, types, media types, diagnostics).</summary>
    [Benchmark]
    public int ParseAndModel()
    {
        int operations = 0;
        foreach ((SpecFileOptions options, string text) in _files)
        {
            ApiSpec spec = SpecParser.Parse(options, text, default).Spec!;
            operations += spec.TagClients.Sum(client => client.Operations.Count);
        }

        return operations;
    }

    /// <summary>Model → C# source text.</summary>
    [Benchmark]
    public int Emit()
    {
        int characters = 0;
        foreach (ApiSpec model in _models)
        {
            characters += SourceEmitter.Emit(model).Sum(file => file.Text.Length);
        }

        return characters;
    }
}
