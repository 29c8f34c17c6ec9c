using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Reads YAML or JSON text (JSON is read as YAML's flow syntax) into a <see cref="SpecNode"/> tree with positions.
/// Uses YamlDotNet's event parser directly: no object model is built that the generator would throw away.
/// </summary>
internal static class DocumentReader
{
    /// <summary>How deep a document may nest before it is rejected (protects the generator's stack).</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// How many nodes and merged entries a document may produce. Aliases share nodes, but a YAML merge key copies the
    /// merged entries: repeated merges of merges double at every level (a merge-key bomb).
    /// </summary>
    public const int MaxElements = 10_000_000;

    /// <summary>Reads the first document of <paramref name="text"/>.</summary>
    /// <exception cref="DocumentReadException">The text is not well-formed YAML/JSON.</exception>
    public static SpecNode? Read(string text, CancellationToken cancellationToken) => Read(text, warnings: null, cancellationToken);

    /// <summary>
    /// Reads the first document of <paramref name="text"/>; when YamlDotNet rejects YAML that libyaml and PyYAML read
    /// (see <see cref="BlockScalarRepair"/>), reads the repaired text and adds a warning saying so.
    /// </summary>
    /// <exception cref="DocumentReadException">The text is not well-formed YAML/JSON (even once repaired).</exception>
    public static SpecNode? Read(string text, List<DocumentWarning>? warnings, CancellationToken cancellationToken)
    {
        try
        {
            // The fast path: the text as written.
            return ReadText(text, repair: null, cancellationToken);
        }
        catch (DocumentReadException)
        {
            BlockScalarRepair? repair = TryRepair(text, cancellationToken);
            if (repair is null)
            {
                throw;
            }

            // Once, on the whole text: an error now is a real one, reported where it is in the original text.
            SpecNode? root = ReadText(repair.Text, repair, cancellationToken);
            warnings?.Add(new DocumentWarning(repair.Description, repair.FirstStart, repair.FirstEnd));
            return root;
        }
    }

    private static BlockScalarRepair? TryRepair(string text, CancellationToken cancellationToken)
    {
        try
        {
            return BlockScalarRepair.TryRepair(text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in the repair must not hide YamlDotNet's own error behind a generator failure.
            return null;
        }
    }

    private static SpecNode? ReadText(string text, BlockScalarRepair? repair, CancellationToken cancellationToken)
    {
        var parser = new Parser(new StringReader(text));
        var state = new ReadState(repair);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            SpecNode root = ReadNode(parser, state, depth: 0, cancellationToken);
            return root;
        }
        catch (YamlException exception)
        {
            throw new DocumentReadException(StripLocationPrefix(exception.Message), state.ToPosition(exception.Start), state.ToPosition(exception.End));
        }
        catch (Exception exception) when (exception is not DocumentReadException and not OperationCanceledException and not InsufficientExecutionStackException and not SpecTooComplexException)
        {
            // YamlDotNet throws other exceptions on some malformed input; the last event read is where it stopped.
            TextPosition where = parser.Current is ParsingEvent last ? state.ToPosition(last.Start) : default;
            throw new DocumentReadException("the text is malformed after this point (" + exception.Message + ")", where, where);
        }
    }

    private sealed class ReadState
    {
        private readonly BlockScalarRepair? _repair;

        public ReadState(BlockScalarRepair? repair)
        {
            _repair = repair;
        }

        public Dictionary<string, SpecNode> Anchors { get; } = new(StringComparer.Ordinal);

        public long Elements { get; private set; }

        public void Count(int elements)
        {
            Elements += elements;
            if (Elements > MaxElements)
            {
                throw new SpecTooComplexException("the document expands to more than " + MaxElements.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " nodes (YAML merge keys merging merges)");
            }
        }

        /// <summary>A position in the text as written: a repair keeps lines and columns, and offsets map back.</summary>
        public TextPosition ToPosition(Mark mark)
        {
            TextPosition position = DocumentReader.ToPosition(mark);
            return _repair is null ? position : position with { Offset = _repair.ToOriginalOffset(position.Offset) };
        }
    }

    private static SpecNode ReadNode(IParser parser, ReadState state, int depth, CancellationToken cancellationToken)
    {
        state.Count(1);
        Dictionary<string, SpecNode> anchors = state.Anchors;
        ParsingEvent current = parser.Current ?? throw new DocumentReadException("unexpected end of document", default, default);
        if (depth > MaxDepth)
        {
            throw new DocumentReadException($"the document nests deeper than {MaxDepth} levels", state.ToPosition(current.Start), state.ToPosition(current.End));
        }

        // MaxDepth keeps the recursion shallow on any thread the compiler gives us; this is the backstop.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                var scalarNode = new ScalarNode(scalar.Value, scalar.Style == ScalarStyle.Plain, state.ToPosition(scalar.Start), state.ToPosition(scalar.End));
                Remember(anchors, scalar.Anchor, scalarNode);
                return scalarNode;

            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out SpecNode? target))
                {
                    return target;
                }

                throw new DocumentReadException($"the alias '*{alias.Value.Value}' names no anchor", state.ToPosition(alias.Start), state.ToPosition(alias.End));

            case SequenceStart sequenceStart:
            {
                parser.MoveNext();
                var items = new List<SpecNode>();
                SequenceEnd? sequenceEnd;
                while (!parser.TryConsume<SequenceEnd>(out sequenceEnd))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    items.Add(ReadNode(parser, state, depth + 1, cancellationToken));
                }

                var node = new SequenceNode(items, state.ToPosition(sequenceStart.Start), state.ToPosition(sequenceEnd.End));
                Remember(anchors, sequenceStart.Anchor, node);
                return node;
            }

            case MappingStart mappingStart:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
                List<MappingNode>? merges = null;
                MappingEnd? mappingEnd;
                while (!parser.TryConsume<MappingEnd>(out mappingEnd))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    SpecNode key = ReadNode(parser, state, depth + 1, cancellationToken);
                    if (key is not ScalarNode scalarKey)
                    {
                        throw new DocumentReadException("a mapping key must be a scalar", key.Start, key.End);
                    }

                    SpecNode value = ReadNode(parser, state, depth + 1, cancellationToken);
                    if (scalarKey.Value == "<<" && scalarKey.IsPlain && value is MappingNode merged)
                    {
                        state.Count(merged.Entries.Count);
                        (merges ??= new List<MappingNode>()).Add(merged);
                        continue;
                    }

                    entries.Add(new KeyValuePair<ScalarNode, SpecNode>(scalarKey, value));
                }

                if (merges is not null)
                {
                    entries = Merge(merges, entries);
                }

                var node = new MappingNode(entries, state.ToPosition(mappingStart.Start), state.ToPosition(mappingEnd.End));
                Remember(anchors, mappingStart.Anchor, node);
                return node;
            }

            default:
                throw new DocumentReadException($"unexpected {current.GetType().Name}", state.ToPosition(current.Start), state.ToPosition(current.End));
        }
    }

    /// <summary>
    /// YAML merge keys: the merged entries come first (a later merge before an earlier one), then the mapping's own;
    /// a key the mapping sets itself, or an earlier-listed merge already gave, is not repeated, so the explicit value
    /// is the one every lookup finds.
    /// </summary>
    private static List<KeyValuePair<ScalarNode, SpecNode>> Merge(List<MappingNode> merges, List<KeyValuePair<ScalarNode, SpecNode>> explicitEntries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<ScalarNode, SpecNode> entry in explicitEntries)
        {
            seen.Add(entry.Key.Value);
        }

        var result = new List<KeyValuePair<ScalarNode, SpecNode>>();
        for (int i = merges.Count - 1; i >= 0; i--)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> entry in merges[i].Entries)
            {
                if (seen.Add(entry.Key.Value))
                {
                    result.Add(entry);
                }
            }
        }

        result.AddRange(explicitEntries);
        return result;
    }

    private static void Remember(Dictionary<string, SpecNode> anchors, AnchorName anchor, SpecNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static TextPosition ToPosition(Mark mark)
        => new((int)Math.Min(mark.Index, int.MaxValue), (int)Math.Max(0, mark.Line - 1), (int)Math.Max(0, mark.Column - 1));

    private static string StripLocationPrefix(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the diagnostic carries the location itself.
        int marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message.Substring(marker + 3) : message;
    }
}

/// <summary>YAML read leniently (as libyaml and PyYAML read it): what was done, and where.</summary>
internal sealed class DocumentWarning
{
    public DocumentWarning(string message, TextPosition start, TextPosition end)
    {
        Message = message;
        Node = new ScalarNode(string.Empty, isPlain: false, start, end);
    }

    public string Message { get; }

    /// <summary>A node standing for the place, so the warning is reported as any other node's.</summary>
    public SpecNode Node { get; }
}

/// <summary>The text is not well-formed; carries where the reader stopped.</summary>
internal sealed class DocumentReadException : Exception
{
    public DocumentReadException(string message, TextPosition start, TextPosition end)
        : base(message)
    {
        Start = start;
        End = end;
    }

    public TextPosition Start { get; }

    public TextPosition End { get; }
}
