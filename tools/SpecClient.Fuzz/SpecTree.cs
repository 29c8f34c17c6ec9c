using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Fuzz;

/// <summary>A place in the tree that holds a node: a mapping entry or a sequence item.</summary>
internal sealed record Slot(YamlNode Parent, YamlNode? Key, int Index, string KeyText)
{
    public YamlNode Get() => Parent is YamlMappingNode map ? map.Children[Key!] : ((YamlSequenceNode)Parent).Children[Index];

    public void Set(YamlNode value)
    {
        if (Parent is YamlMappingNode map)
        {
            map.Children[Key!] = value;
        }
        else
        {
            ((YamlSequenceNode)Parent).Children[Index] = value;
        }
    }
}

/// <summary>An OpenAPI operation in a parsed tree.</summary>
internal sealed record TreeOperation(string Path, string Method, string? OperationId, YamlMappingNode Node);

/// <summary>A parsed spec (YamlDotNet representation model) with the lookups mutations need.</summary>
internal sealed class SpecTree
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private SpecTree(YamlStream stream, YamlMappingNode root)
    {
        Stream = stream;
        Root = root;
    }

    public YamlStream Stream { get; }

    public YamlMappingNode Root { get; }

    public static SpecTree Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new SpecTree(stream, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    public string Save()
    {
        var writer = new StringWriter { NewLine = "\n" };
        Stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    public static YamlScalarNode S(string value) => new(value);

    public static YamlMappingNode M(params (string Key, YamlNode Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach ((string key, YamlNode value) in entries)
        {
            map.Children[new YamlScalarNode(key)] = value;
        }

        return map;
    }

    public static YamlMappingNode Ref(string target) => M(("$ref", S(target)));

    public static YamlNode? Get(YamlNode? node, string key)
        => node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    public YamlMappingNode ComponentMap(string kind)
    {
        if (Get(Root, "components") is not YamlMappingNode components)
        {
            components = new YamlMappingNode();
            Root.Children[S("components")] = components;
        }

        if (Get(components, kind) is not YamlMappingNode map)
        {
            map = new YamlMappingNode();
            components.Children[S(kind)] = map;
        }

        return map;
    }

    public YamlMappingNode? Schemas => Get(Get(Root, "components"), "schemas") as YamlMappingNode;

    public List<TreeOperation> Operations()
    {
        var operations = new List<TreeOperation>();
        if (Get(Root, "paths") is not YamlMappingNode paths)
        {
            return operations;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> path in paths.Children)
        {
            if (path.Value is not YamlMappingNode item)
            {
                continue;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> method in item.Children)
            {
                if (method.Key is YamlScalarNode { Value: { } name } && Methods.Contains(name) && method.Value is YamlMappingNode operation)
                {
                    operations.Add(new TreeOperation(((YamlScalarNode)path.Key).Value ?? string.Empty, name, (Get(operation, "operationId") as YamlScalarNode)?.Value, operation));
                }
            }
        }

        return operations;
    }

    /// <summary>Every node under <paramref name="roots"/>, each once (aliases and cycles are shared instances), iteratively.</summary>
    public static List<YamlNode> Nodes(IEnumerable<YamlNode> roots)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var result = new List<YamlNode>();
        var stack = new Stack<YamlNode>(roots.Reverse());
        while (stack.Count > 0)
        {
            YamlNode node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            result.Add(node);
            IEnumerable<YamlNode> children = node switch
            {
                YamlMappingNode map => map.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
                YamlSequenceNode sequence => sequence.Children,
                _ => Array.Empty<YamlNode>(),
            };
            foreach (YamlNode child in children.Reverse())
            {
                stack.Push(child);
            }
        }

        return result;
    }

    /// <summary>Every slot (mapping value or sequence item) under <paramref name="roots"/>, in document order.</summary>
    public static List<Slot> Slots(IEnumerable<YamlNode> roots)
    {
        var slots = new List<Slot>();
        foreach (YamlNode node in Nodes(roots))
        {
            if (node is YamlMappingNode map)
            {
                foreach (YamlNode key in map.Children.Keys)
                {
                    slots.Add(new Slot(map, key, -1, (key as YamlScalarNode)?.Value ?? "?"));
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    slots.Add(new Slot(sequence, null, i, "[" + i + "]"));
                }
            }
        }

        return slots;
    }

    /// <summary>The schema names reachable from <paramref name="roots"/> through <c>$ref</c>s, at most <paramref name="limit"/>.</summary>
    public List<string> ReachableSchemas(IEnumerable<YamlNode> roots, int limit)
    {
        const string Prefix = "#/components/schemas/";
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<YamlNode>(roots);
        YamlMappingNode? schemas = Schemas;

        // Parameters and responses referenced from the roots are followed too (their schemas are "near").
        while (pending.Count > 0 && found.Count < limit)
        {
            foreach (YamlNode node in Nodes(new[] { pending.Dequeue() }))
            {
                if (node is not YamlScalarNode { Value: { } value } || !value.StartsWith("#/components/", StringComparison.Ordinal))
                {
                    continue;
                }

                if (value.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    string name = value.Substring(Prefix.Length);
                    if (seen.Add(name) && Get(schemas, name) is { } schema)
                    {
                        found.Add(name);
                        pending.Enqueue(schema);
                    }
                }
                else if (seen.Add(value))
                {
                    string[] parts = value.Split('/');
                    if (parts.Length == 4 && Get(Get(Get(Root, "components"), parts[2]), parts[3]) is { } target)
                    {
                        pending.Enqueue(target);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Renames a component schema and every <c>$ref</c> to it.</summary>
    public void RenameSchema(string from, string to)
    {
        YamlMappingNode schemas = Schemas!;
        var entries = schemas.Children.ToList();
        schemas.Children.Clear();
        foreach (KeyValuePair<YamlNode, YamlNode> entry in entries)
        {
            schemas.Children[entry.Key is YamlScalarNode { Value: { } name } && name == from ? S(to) : entry.Key] = entry.Value;
        }

        string oldRef = "#/components/schemas/" + from;
        string newRef = "#/components/schemas/" + to;
        foreach (YamlNode node in Nodes(new[] { Root }))
        {
            if (node is YamlScalarNode scalar && scalar.Value == oldRef)
            {
                scalar.Value = newRef;
            }
        }
    }

    public static YamlNode Clone(YamlNode node)
    {
        // Bounded by construction: only called on nodes of the original document (no aliases there are cycles).
        return node switch
        {
            YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
            YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Clone)),
            YamlMappingNode map => new YamlMappingNode(map.Children.Select(pair => new KeyValuePair<YamlNode, YamlNode>(Clone(pair.Key), Clone(pair.Value)))),
            _ => new YamlScalarNode("?"),
        };
    }
}
