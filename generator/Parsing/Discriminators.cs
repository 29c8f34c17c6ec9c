using System;
using System.Collections.Generic;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Reads polymorphic schemas: a schema with a <c>discriminator</c> and variants to choose from (<c>oneOf</c>,
/// <c>anyOf</c> or the discriminator's <c>mapping</c>), which variant each discriminator value names, and which base a
/// variant belongs to.
/// </summary>
internal sealed class Discriminators
{
    private readonly ParseContext _context;

    // Variant schema → its polymorphic base (a component with a discriminator). Filled on first use.
    private Dictionary<SpecNode, (MappingNode Base, string Name)>? _variantBases;

    public Discriminators(ParseContext context) => _context = context;

    /// <summary>The discriminator property and node of a polymorphic schema; null for any other schema.</summary>
    public static (string Property, MappingNode Discriminator)? Of(MappingNode node)
        => node["discriminator"] is MappingNode discriminator
            && discriminator.GetString("propertyName") is string property
            && (node["oneOf"] is SequenceNode || node["anyOf"] is SequenceNode || discriminator["mapping"] is MappingNode)
            ? (property, discriminator)
            : null;

    /// <summary>The variants of a polymorphic schema: its oneOf/anyOf entries, then mapping targets not listed there.</summary>
    public IEnumerable<(SpecNode Variant, string? Reference, string? MappedValue)> Variants(MappingNode node, MappingNode discriminator)
    {
        var valueByTarget = new Dictionary<SpecNode, string>();
        var mappingTargets = new List<(SpecNode Node, string Reference, string Value)>();
        if (discriminator["mapping"] is MappingNode mapping)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> entry in mapping.Entries)
            {
                if (entry.Value is ScalarNode { IsNull: false } target)
                {
                    string pointer = MappingPointer(target.Value);
                    if (_context.FindByPointer(pointer) is SpecNode targetNode && !valueByTarget.ContainsKey(targetNode))
                    {
                        valueByTarget[targetNode] = entry.Key.Value;
                        mappingTargets.Add((targetNode, pointer, entry.Key.Value));
                    }
                }
            }
        }

        var listed = new HashSet<SpecNode>();
        foreach (SpecNode? list in new[] { node["oneOf"], node["anyOf"] })
        {
            if (list is not SequenceNode variants)
            {
                continue;
            }

            foreach (SpecNode variant in variants.Items)
            {
                string? reference = (variant as MappingNode)?.GetString("$ref");
                SpecNode? target = reference is null ? variant : _context.FindByPointer(reference);
                if (target is not null && listed.Add(target))
                {
                    yield return (variant, reference, valueByTarget.TryGetValue(target, out string? value) ? value : null);
                }
            }
        }

        foreach ((SpecNode targetNode, string reference, string value) in mappingTargets)
        {
            if (listed.Add(targetNode))
            {
                yield return (targetNode, reference, value);
            }
        }
    }

    /// <summary>Whether the discriminator's mapping names one subtype for several values.</summary>
    public bool SubtypeWithSeveralValues(MappingNode discriminator)
    {
        if (discriminator["mapping"] is not MappingNode mapping)
        {
            return false;
        }

        var targets = new HashSet<SpecNode>();
        foreach (KeyValuePair<ScalarNode, SpecNode> entry in mapping.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } target && _context.FindByPointer(MappingPointer(target.Value)) is SpecNode targetNode && !targets.Add(targetNode))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A variant's fixed discriminator value: a one-value enum or a const on its discriminator property.</summary>
    public string? Constant(MappingNode variant, string property)
    {
        MappingNode? schema = (variant["properties"] as MappingNode)?[property] is SpecNode propertySchema ? _context.ResolveQuietly(propertySchema) as MappingNode : null;
        if (schema?["const"] is ScalarNode constant)
        {
            return constant.Value;
        }

        return schema?["enum"] is SequenceNode { Items.Count: 1 } values && values.Items[0] is ScalarNode single ? single.Value : null;
    }

    /// <summary>The polymorphic base a schema is a variant of, with the base's component name.</summary>
    public (MappingNode Base, string Name)? BaseOf(SpecNode variant)
        => VariantBases().TryGetValue(variant, out (MappingNode Base, string Name) owner) ? owner : null;

    /// <summary>A mapping value is a pointer or a bare schema name.</summary>
    private static string MappingPointer(string target) => target.StartsWith("#", StringComparison.Ordinal) ? target : "#/components/schemas/" + target;

    private Dictionary<SpecNode, (MappingNode Base, string Name)> VariantBases()
    {
        if (_variantBases is not null)
        {
            return _variantBases;
        }

        _variantBases = new Dictionary<SpecNode, (MappingNode, string)>();
        if ((_context.Document["components"] as MappingNode)?["schemas"] is MappingNode schemas)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> component in schemas.Entries)
            {
                if (component.Value is MappingNode baseNode && Of(baseNode) is (string _, MappingNode discriminator))
                {
                    foreach ((SpecNode variant, string? _, string? _) in Variants(baseNode, discriminator))
                    {
                        SpecNode? target = variant is MappingNode { } m && m.GetString("$ref") is string r ? _context.FindByPointer(r) : variant;
                        if (target is not null && target != baseNode && !_variantBases.ContainsKey(target))
                        {
                            _variantBases[target] = (baseNode, component.Key.Value);
                        }
                    }
                }
            }
        }

        return _variantBases;
    }
}
