using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Fuzz;

/// <summary>
/// Builds a case from its id: picks the seed spec(s), the mutation level and the mutations, all from the case's own
/// random source. Full specs get a focus (one to three operations): tree, text and byte mutations stay near it and
/// <c>IncludeOperations</c> keeps only it, so the generated code compiled per case is small while the whole mutated
/// document is still parsed.
/// </summary>
public sealed class CaseFactory
{
    private static readonly string[] OddNamespaces =
    {
        "", " ", "1Abc", "A..B", "class", "System", "Foo.System", "Foo.class", "global::Foo", "Foo-Bar", "Foo.", ".Foo", "名前.Api", "A.B.C.D.E.F.G.H",
        "SpecClient.Runtime", "Microsoft", "Foo Bar", new string('N', 600), "Foo.AtlasClient", "System.Text.Json",
    };

    private static readonly string[] OddClientNames =
    {
        "", "class", "Foo Bar", "System", "ApiErrorCodes", "ApiConnection", "ApiException", "JsonElement", "Task", "1Client", "名前", "OrganizationsClient", "ProjectsClient",
        "Client", "Organizations", "GroupInvitation", "OrganizationInvitation", "AtlasClientJsonContext", "Value", "Object", new string('C', 600),
    };

    private static readonly string[] OddApiVersions = { "", " ", "2020-01-01", "9999-12-31", "not-a-date", "2023-02-30", "2023-2-1", "2025-03-12T00:00:00Z", "1.0", "2023-11-15;2024-05-30" };

    private static readonly string[] OddPatterns = { "", ";", ";;", "*", "**", "tag:", "path:", "path:/**", "path:**", "[", "?", "*?*", "tag:*", "tag:Projects", "tag:Organizations", "list*", "get*;delete*", "path:/api/atlas/v2/groups/**", "nomatch", " listOrgInvites ", "LISTORGINVITES", "\\", "path:/api/{x}/**" };

    private readonly Corpus _corpus;
    private readonly ConcurrentDictionary<string, FullSpecIndex> _indexes = new(StringComparer.Ordinal);

    public CaseFactory(Corpus corpus) => _corpus = corpus;

    public Corpus Corpus => _corpus;

    public FuzzCase Build(CaseId id)
    {
        Random random = id.CreateRandom();
        var mutations = new List<string>();
        bool full = id.Corpus switch
        {
            CorpusKind.Full => true,
            CorpusKind.Bundled => false,
            _ => _corpus.Full.Count > 0 && random.Next(4) == 0,
        };
        if (full && _corpus.Full.Count == 0)
        {
            throw new InvalidOperationException("The full Atlas specs are not present at " + Corpus.FullSpecsDirectory(_corpus.Root) + ".");
        }

        SeedSpec seed = full ? _corpus.Full[random.Next(_corpus.Full.Count)] : _corpus.Small[random.Next(_corpus.Small.Count)];
        mutations.Add("seed: " + seed.Name);

        List<string>? focus = null;
        IReadOnlyList<LineRange> ranges = new[] { new LineRange(1, int.MaxValue) };
        if (full)
        {
            FullSpecIndex index = _indexes.GetOrAdd(seed.Path, _ => FullSpecIndex.Create(seed.Text));
            int count = 1 + random.Next(3);
            focus = new List<string>();
            for (int i = 0; i < count; i++)
            {
                string operation = index.OperationIds[random.Next(index.OperationIds.Count)];
                if (!focus.Contains(operation))
                {
                    focus.Add(operation);
                }
            }

            ranges = index.RangesNear(focus);
            mutations.Add("focus: IncludeOperations=" + string.Join(";", focus));
        }

        // Every other case types untagged oneOf/anyOf as unions: their mapping walks variants, and the walk must hold
        // under every mutation too. Decided by the index, not the random stream, so earlier case ids replay unchanged.
        bool unions = id.Index % 2 == 1;
        if (unions)
        {
            mutations.Add("metadata: Unions=true");
        }

        int level = random.Next(100) switch { < 45 => 0, < 60 => 1, < 70 => 2, _ => 3 };
        string text = seed.Text;

        // Tree level (and a third of metadata cases): mutate the parsed document, then write it back.
        int treeCount = level == 0 ? 1 + random.Next(3) : level == 3 && random.Next(3) == 0 ? 1 : 0;
        if (treeCount > 0)
        {
            text = MutateTree(text, random, focus, treeCount, mutations);
        }

        if (level == 1)
        {
            for (int i = 1 + random.Next(3); i > 0; i--)
            {
                text = RawMutations.Text(text, random, ranges, out string description);
                mutations.Add(description);
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (level == 2)
        {
            for (int i = 1 + random.Next(2); i > 0; i--)
            {
                bytes = RawMutations.Bytes(bytes, text, random, ranges, out string description);
                mutations.Add(description);
            }
        }

        var specs = new List<FuzzSpec>
        {
            new("/fuzz/" + seed.Name + ".yaml", bytes, seed.Namespace, seed.ClientName, seed.ApiVersion, focus is null ? null : string.Join(";", focus), null, unions),
        };
        if (level == 3)
        {
            for (int i = 1 + random.Next(2); i > 0; i--)
            {
                mutations.Add(MutateMetadata(specs, random, focus));
            }
        }

        return new FuzzCase(id, specs, mutations);
    }

    private static string MutateTree(string text, Random random, List<string>? focus, int count, List<string> mutations)
    {
        SpecTree tree = SpecTree.Parse(text);
        var mutator = new TreeMutations(tree, random, focus);
        var kinds = new List<int>();
        for (int i = 0; i < count; i++)
        {
            kinds.Add(random.Next(TreeMutations.Kinds));
        }

        // Alias bombs and self-containing nodes go last: nothing after them walks or copies the tree.
        foreach (int kind in kinds.OrderBy(k => TreeMutations.IsLast(k) ? 1 : 0))
        {
            string? description = null;
            for (int attempt = 0; attempt < 4 && description is null; attempt++)
            {
                description = mutator.Apply(attempt == 0 ? kind : random.Next(20));
            }

            mutations.Add(description ?? "tree: (no applicable mutation)");
        }

        return tree.Save();
    }

    private string MutateMetadata(List<FuzzSpec> specs, Random random, List<string>? focus)
    {
        FuzzSpec first = specs[0];
        switch (random.Next(7))
        {
            case 0:
            {
                string value = OddNamespaces[random.Next(OddNamespaces.Length)];
                specs[0] = first with { Namespace = value };
                return "metadata: Namespace='" + Short(value) + "'";
            }

            case 1:
            {
                string value = OddClientNames[random.Next(OddClientNames.Length)];
                specs[0] = first with { ClientName = value };
                return "metadata: ClientName='" + Short(value) + "'";
            }

            case 2:
            {
                string? value = random.Next(5) == 0 ? null : OddApiVersions[random.Next(OddApiVersions.Length)];
                specs[0] = first with { ApiVersion = value };
                return "metadata: ApiVersion=" + (value is null ? "(none)" : "'" + value + "'");
            }

            case 3:
            {
                string pattern = OddPatterns[random.Next(OddPatterns.Length)];
                string value = focus is null ? pattern : first.IncludeOperations + ";" + pattern;
                specs[0] = first with { IncludeOperations = value };
                return "metadata: IncludeOperations='" + value + "'";
            }

            case 4:
            {
                string value = OddPatterns[random.Next(OddPatterns.Length)];
                specs[0] = first with { ExcludeOperations = value };
                return "metadata: ExcludeOperations='" + value + "'";
            }

            default:
            {
                // Two specs in one compilation. The second is a small spec (the same file again, under another path,
                // or another one), related to the first by its Namespace and ClientName.
                SeedSpec other = _corpus.Small[random.Next(_corpus.Small.Count)];
                byte[] bytes = Encoding.UTF8.GetBytes(other.Text);
                string relation;
                FuzzSpec second;
                switch (random.Next(5))
                {
                    case 0:
                        second = new FuzzSpec("/fuzz/second/" + other.Name + ".yaml", bytes, first.Namespace, first.ClientName, other.ApiVersion, null, null);
                        relation = "same Namespace and ClientName";
                        break;
                    case 1:
                        second = new FuzzSpec("/fuzz/second/" + other.Name + ".yaml", bytes, first.Namespace, (first.ClientName ?? "X") + "Two", other.ApiVersion, null, null);
                        relation = "same Namespace, different ClientName";
                        break;
                    case 2:
                        second = new FuzzSpec("/fuzz/second/" + other.Name + ".yaml", bytes, (first.Namespace ?? "Consumer") + ".Inner", first.ClientName, other.ApiVersion, null, null);
                        relation = "nested Namespace, same ClientName";
                        break;
                    case 3:
                        second = new FuzzSpec("/fuzz/second/" + other.Name + ".yaml", bytes, null, null, null, null, null);
                        relation = "default Namespace and ClientName";
                        break;
                    default:
                        second = new FuzzSpec("/fuzz/second/" + other.Name + ".yaml", bytes, other.Namespace + "Two", other.ClientName, other.ApiVersion, null, null);
                        relation = "distinct Namespace";
                        break;
                }

                if (specs.Count > 1)
                {
                    specs[1] = second;
                }
                else
                {
                    specs.Add(second);
                }

                return "metadata: second spec " + other.Name + " (" + relation + ": " + second.Namespace + "/" + second.ClientName + ")";
            }
        }
    }

    private static string Short(string text) => text.Length > 40 ? text.Substring(0, 12) + "…(" + text.Length + " chars)" : text;

    /// <summary>The operations of a full spec and where they and their schemas are, computed once per process.</summary>
    private sealed class FullSpecIndex
    {
        private readonly SpecTree _tree;
        private readonly Dictionary<string, TreeOperation> _operations;

        private FullSpecIndex(SpecTree tree)
        {
            _tree = tree;
            _operations = new Dictionary<string, TreeOperation>(StringComparer.Ordinal);
            foreach (TreeOperation operation in tree.Operations())
            {
                if (operation.OperationId is { } id)
                {
                    _operations.TryAdd(id, operation);
                }
            }

            OperationIds = _operations.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        }

        public List<string> OperationIds { get; }

        public static FullSpecIndex Create(string text) => new(SpecTree.Parse(text));

        public IReadOnlyList<LineRange> RangesNear(IEnumerable<string> focus)
        {
            lock (_tree)
            {
                List<YamlNode> roots = focus.Select(id => (YamlNode)_operations[id].Node).ToList();
                var ranges = roots.Select(node => new LineRange((int)node.Start.Line, (int)node.End.Line)).ToList();
                YamlMappingNode? schemas = _tree.Schemas;
                foreach (string schema in _tree.ReachableSchemas(roots, 40))
                {
                    YamlNode node = SpecTree.Get(schemas, schema)!;
                    ranges.Add(new LineRange((int)node.Start.Line - 1, (int)node.End.Line));
                }

                return ranges;
            }
        }
    }
}
