using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Mutated real specs (deleted keys, wrong types, dangling $refs, cycles, huge strings, deep nesting, odd Unicode
/// names): the generator never throws, never hangs, and what it emits compiles — or it emits nothing and says why.
/// </summary>
public sealed class FuzzTests
{
    private const int Iterations = 60;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly string[] OddNames =
    {
        "class", "名前", "émoji 😀 name", "\u200Bzero-width", "123start", "", "a-b.c/d", "Σ_x", "ToString", "Equals", "$ref", "value", "__", "Params",
        new string('n', 5000),
    };

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 0; seed < Iterations; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MutatedSpecNeverThrowsAndEmitsCompilableCodeOrADiagnostic(int seed)
    {
        var random = new Random(seed);
        SpecInput[] bases = BundledSpecs.All().Concat(new[] { SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "openapi31.yaml"), "Consumer.Api", "ApiClient") }).ToArray();
        SpecInput original = bases[seed % bases.Length];
        var stream = new YamlStream();
        stream.Load(new StringReader(original.Text));
        var mutations = new List<string>();
        for (int count = 1 + random.Next(3); count > 0; count--)
        {
            mutations.Add(Mutate((YamlMappingNode)stream.Documents[0].RootNode, random));
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        SpecInput mutated = original.WithText(writer.ToString());

        var harness = new GeneratorHarness();
        Task<GeneratorDriverRunResult> running = Task.Run(() => harness.Run(mutated));
        Task finished = await Task.WhenAny(running, Task.Delay(Bound));
        Assert.True(finished == running, $"seed {seed} ({string.Join(", ", mutations)}) ran past {Bound}");
        GeneratorDriverRunResult run = await running;

        string what = $"seed {seed}: {string.Join(", ", mutations)}";
        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SCG0010");
        if (run.GeneratedTrees.Length == 0)
        {
            Assert.True(run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), what + ": nothing generated and no error said why");
            return;
        }

        List<Diagnostic> errors = harness.CompileOutput(run).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, what + "\n" + string.Join("\n", errors.Take(10)));
    }

    private static string Mutate(YamlMappingNode root, Random random)
    {
        List<YamlMappingNode> mappings = root.AllNodes.OfType<YamlMappingNode>().Where(m => m.Children.Count > 0).ToList();
        YamlMappingNode target = mappings[random.Next(mappings.Count)];
        YamlNode key = target.Children.Keys.ElementAt(random.Next(target.Children.Count));
        string name = (key as YamlScalarNode)?.Value ?? "?";
        switch (random.Next(8))
        {
            case 0:
                target.Children.Remove(key);
                return "deleted " + name;
            case 1:
                target.Children[key] = target.Children[key] switch
                {
                    YamlScalarNode => new YamlSequenceNode(new YamlScalarNode("x"), new YamlMappingNode()),
                    YamlSequenceNode => new YamlScalarNode("not a list"),
                    _ => new YamlScalarNode("42"),
                };
                return "retyped " + name;
            case 2:
                target.Children[key] = new YamlMappingNode(new YamlScalarNode("$ref"), new YamlScalarNode("#/components/schemas/Missing" + random.Next(100)));
                return "dangling $ref at " + name;
            case 3:
                YamlMappingNode? schemas = null;
                if (root.Children.TryGetValue(new YamlScalarNode("components"), out YamlNode? components) && components is YamlMappingNode componentMap
                    && componentMap.Children.TryGetValue(new YamlScalarNode("schemas"), out YamlNode? schemaNode))
                {
                    schemas = schemaNode as YamlMappingNode;
                }

                if (schemas is null || schemas.Children.Count == 0)
                {
                    goto case 2;
                }

                var first = (YamlScalarNode)schemas.Children.Keys.ElementAt(random.Next(schemas.Children.Count));
                var second = (YamlScalarNode)schemas.Children.Keys.ElementAt(random.Next(schemas.Children.Count));
                schemas.Children[first] = new YamlMappingNode(new YamlScalarNode("$ref"), new YamlScalarNode("#/components/schemas/" + second.Value));
                schemas.Children[second] = new YamlMappingNode(new YamlScalarNode("allOf"), new YamlSequenceNode(new YamlMappingNode(new YamlScalarNode("$ref"), new YamlScalarNode("#/components/schemas/" + first.Value))));
                return "cycle " + first.Value + " <-> " + second.Value;
            case 4:
                target.Children[key] = new YamlScalarNode(string.Concat(Enumerable.Repeat("huge\u2028line\r", 20_000)));
                return "huge string at " + name;
            case 5:
                YamlMappingNode deep = new(new YamlScalarNode("type"), new YamlScalarNode("string"));
                for (int level = random.Next(50, 200); level > 0; level--)
                {
                    deep = random.Next(2) == 0
                        ? new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("array"), new YamlScalarNode("items"), deep)
                        : new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("object"), new YamlScalarNode("properties"), new YamlMappingNode(new YamlScalarNode("p" + level), deep));
                }

                target.Children[key] = deep;
                return "deep nesting at " + name;
            case 6:
                YamlNode value = target.Children[key];
                target.Children.Remove(key);
                string odd = OddNames[random.Next(OddNames.Length)];
                target.Children[new YamlScalarNode(odd)] = value;
                return "renamed " + name + " to odd name #" + Array.IndexOf(OddNames, odd);
            default:
                target.Children[key] = new YamlMappingNode(
                    new YamlScalarNode("type"), new YamlScalarNode("string"),
                    new YamlScalarNode("enum"), new YamlSequenceNode(new YamlScalarNode("class"), new YamlScalarNode("a b"), new YamlScalarNode(""), new YamlScalarNode("1"), new YamlScalarNode("A_B"), new YamlScalarNode("a-b")),
                    new YamlScalarNode("pattern"), new YamlScalarNode("[unclosed"),
                    new YamlScalarNode("description"), new YamlScalarNode("</summary> & <b>\u0001\u0085"));
                return "odd enum and pattern at " + name;
        }
    }
}
