using System.Collections.Generic;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// A node of a parsed YAML or JSON document, with its position (for diagnostics only; positions never
/// reach the model). Kept minimal: the parser needs mappings, sequences and scalars, nothing more.
/// </summary>
internal abstract class SpecNode
{
    protected SpecNode(TextPosition start, TextPosition end)
    {
        Start = start;
        End = end;
    }

    public TextPosition Start { get; }

    public TextPosition End { get; }
}

/// <summary>A point in the text: character offset, and zero-based line and column.</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column);

internal sealed class ScalarNode : SpecNode
{
    public ScalarNode(string value, bool isPlain, TextPosition start, TextPosition end)
        : base(start, end)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted: <c>null</c>, <c>true</c> and numbers mean what they say only when plain.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "null" || Value == "~" || Value == "Null" || Value == "NULL");
}

internal sealed class SequenceNode : SpecNode
{
    public SequenceNode(List<SpecNode> items, TextPosition start, TextPosition end)
        : base(start, end)
    {
        Items = items;
    }

    public List<SpecNode> Items { get; }
}

internal sealed class MappingNode : SpecNode
{
    private Dictionary<string, SpecNode>? _byKey;

    public MappingNode(List<KeyValuePair<ScalarNode, SpecNode>> entries, TextPosition start, TextPosition end)
        : base(start, end)
    {
        Entries = entries;
    }

    /// <summary>The entries in document order (the order that generated names and members follow).</summary>
    public List<KeyValuePair<ScalarNode, SpecNode>> Entries { get; }

    public SpecNode? this[string key]
    {
        get
        {
            if (_byKey is null)
            {
                // Built on first lookup: most mappings are read a key or two at a time.
                var byKey = new Dictionary<string, SpecNode>(Entries.Count);
                foreach (KeyValuePair<ScalarNode, SpecNode> entry in Entries)
                {
                    // A duplicated key: the first one wins, as most OpenAPI tools do.
                    if (!byKey.ContainsKey(entry.Key.Value))
                    {
                        byKey.Add(entry.Key.Value, entry.Value);
                    }
                }

                _byKey = byKey;
            }

            return _byKey.TryGetValue(key, out SpecNode? value) ? value : null;
        }
    }

    public ScalarNode? KeyNode(string key)
    {
        foreach (KeyValuePair<ScalarNode, SpecNode> entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }

    public string? GetString(string key) => this[key] is ScalarNode { IsNull: false } scalar ? scalar.Value : null;

    public bool GetBoolean(string key) => this[key] is ScalarNode scalar && scalar.IsPlain && (scalar.Value == "true" || scalar.Value == "True" || scalar.Value == "TRUE");

    public int? GetInt32(string key)
        => this[key] is ScalarNode { IsPlain: true } scalar
            && int.TryParse(scalar.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value)
            ? value
            : null;
}
