using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Repairs the YAML that libyaml and PyYAML read but YamlDotNet rejects: a block scalar (<c>|</c> or <c>&gt;</c>, its
/// indentation detected) whose leading lines hold only spaces, more of them than YamlDotNet accepts ("found extra
/// spaces in first line", "found more spaces in lines above first content line"). Editors leave the indentation on
/// empty lines, and some generators write an empty <c>|+</c> block as one line of spaces (the OpenAI spec does).
/// </summary>
/// <remarks>
/// <para>
/// In libyaml a leading whitespace-only line of such a block is one line break, whatever its spaces; the spaces only
/// raise the detected indentation. Blanking the line changes no value when that indentation stays put: when the first
/// line with content is indented at least as deep, or when the block has no content (the next line belongs to the
/// parent). Otherwise (spaces deeper than the content that follows) libyaml rejects the document too, and the block is
/// left alone so the error stays. A block with an explicit indentation indicator (<c>|2</c>) keeps spaces past its
/// indentation as content: it is left alone as well.
/// </para>
/// <para>
/// Only spaces of whitespace-only lines are removed: every line keeps its number and every other character its
/// column, and <see cref="ToOriginalOffset"/> maps offsets back. One pass over the lines, linear in the text; the text
/// is lexed only as far as needed to find block scalars (keys, sequence dashes, quoted scalars and flow collections
/// that span lines, the content of other block scalars).
/// </para>
/// </remarks>
internal sealed class BlockScalarRepair
{
    // For each blanked line, in order: where its line break sits in the repaired text, and how many characters were
    // removed up to and including it.
    private readonly List<int> _repairedStarts;
    private readonly List<int> _removedThrough;

    private BlockScalarRepair(string text, List<int> repairedStarts, List<int> removedThrough, int lines, TextPosition firstStart, TextPosition firstEnd)
    {
        Text = text;
        _repairedStarts = repairedStarts;
        _removedThrough = removedThrough;
        Lines = lines;
        FirstStart = firstStart;
        FirstEnd = firstEnd;
    }

    /// <summary>The repaired text.</summary>
    public string Text { get; }

    /// <summary>How many lines were blanked.</summary>
    public int Lines { get; }

    /// <summary>Where the first blanked line's spaces were, in the original text.</summary>
    public TextPosition FirstStart { get; }

    public TextPosition FirstEnd { get; }

    /// <summary>What was repaired, for the diagnostic.</summary>
    public string Description
        => Lines == 1
            ? "a whitespace-only line that opens a block scalar ('|' or '>') is read as an empty line, as libyaml and PyYAML read it (YamlDotNet rejects its spaces)"
            : Lines.ToString(CultureInfo.InvariantCulture) + " whitespace-only lines that open block scalars ('|' or '>') are read as empty lines, as libyaml and PyYAML read them (YamlDotNet rejects their spaces); the first is here";

    /// <summary>The offset in the original text of an offset in <see cref="Text"/>.</summary>
    public int ToOriginalOffset(int repairedOffset)
    {
        // The last blanked line that starts before the offset (a position at a blanked line's start stays at its start).
        int low = 0;
        int high = _repairedStarts.Count - 1;
        int found = -1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            if (_repairedStarts[middle] < repairedOffset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? repairedOffset : repairedOffset + _removedThrough[found];
    }

    /// <summary>The repaired text, or <see langword="null"/> when no block scalar needs (or allows) a repair.</summary>
    public static BlockScalarRepair? TryRepair(string text, CancellationToken cancellationToken)
    {
        var lines = new LineTable(text);
        var blanked = new List<int>();
        int previousIndent = -1;
        int i = 0;
        while (i < lines.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int indent = lines.Indent(i);
            int first = lines.Start(i) + indent;
            if (first >= lines.End(i) || text[first] == '#' || IsWhite(text[first]))
            {
                i++;
                continue;
            }

            Header header = LexLine(text, first, lines.End(i), lines.Start(i));
            header.PreviousIndent = previousIndent;
            previousIndent = indent;
            if (header.ContinuesTo >= 0)
            {
                // A quoted scalar or flow collection goes on past this line: skip to the line where it ends.
                while (i < lines.Count && lines.End(i) < header.ContinuesTo)
                {
                    i++;
                }

                i++;
                continue;
            }

            if (header.ContinuesTo == Header.Unclosed)
            {
                break;
            }

            if (!header.IsBlockScalar)
            {
                i++;
                continue;
            }

            i = RepairBlock(lines, i, header, blanked);
        }

        return blanked.Count == 0 ? null : Build(text, lines, blanked);
    }

    /// <summary>Decides on one block scalar's leading lines and returns the line after its content.</summary>
    private static int RepairBlock(LineTable lines, int headerLine, Header header, List<int> blanked)
    {
        int next = headerLine + 1;
        int deepest = 0;
        while (next < lines.Count && lines.IsSpacesOnly(next))
        {
            deepest = Math.Max(deepest, lines.Length(next));
            next++;
        }

        bool hasNext = next < lines.Count && !lines.IsDocumentMarker(next);
        int column = hasNext ? lines.Indent(next) : 0;

        // Is the next line with text the block's content, or already the parent's? When the header stands alone on its
        // line, the parent's indentation lies between the previous line's and the header's: in between, it is unknown.
        bool? contentFollows = !hasNext ? false
            : header.ParentKnown ? column > header.Parent
            : column >= header.NodeColumn ? true
            : column <= header.PreviousIndent ? false
            : null;

        int parent = header.ParentKnown ? header.Parent : header.NodeColumn - 1;
        int blockIndent;
        if (header.ExplicitIndent > 0)
        {
            blockIndent = parent >= 0 ? parent + header.ExplicitIndent : header.ExplicitIndent;
        }
        else
        {
            int firstLength = headerLine + 1 < lines.Count && lines.IsSpacesOnly(headerLine + 1) ? lines.Length(headerLine + 1) : -1;

            // What YamlDotNet rejects: a literal block's first line of two spaces or more; a folded block's first line
            // empty and a leading line deeper than where the block's text (or the parent's) starts.
            bool rejected = header.IsLiteral ? firstLength >= 2 : firstLength >= 0 && deepest > column;
            bool valuesKept = contentFollows == false || deepest <= column;
            if (rejected && valuesKept)
            {
                for (int line = headerLine + 1; line < next; line++)
                {
                    if (lines.Length(line) > 0)
                    {
                        blanked.Add(line);
                    }
                }
            }

            blockIndent = Math.Max(Math.Max(deepest, contentFollows != false ? column : 0), Math.Max(parent + 1, 1));
        }

        // The block's content: every line that is blank or indented at least as deep.
        int end = headerLine + 1;
        while (end < lines.Count && (lines.IsBlank(end) || lines.Indent(end) >= blockIndent) && !lines.IsDocumentMarker(end))
        {
            end++;
        }

        return end;
    }

    private static BlockScalarRepair Build(string text, LineTable lines, List<int> blanked)
    {
        var builder = new StringBuilder(text.Length);
        var repairedStarts = new List<int>(blanked.Count);
        var removedThrough = new List<int>(blanked.Count);
        int copied = 0;
        int removed = 0;
        foreach (int line in blanked)
        {
            int start = lines.Start(line);
            builder.Append(text, copied, start - copied);
            removed += lines.Length(line);
            copied = lines.End(line);
            repairedStarts.Add(start - (removed - lines.Length(line)));
            removedThrough.Add(removed);
        }

        builder.Append(text, copied, text.Length - copied);
        int firstLine = blanked[0];
        var firstStart = new TextPosition(lines.Start(firstLine), firstLine, 0);
        var firstEnd = new TextPosition(lines.End(firstLine), firstLine, lines.Length(firstLine));
        return new BlockScalarRepair(builder.ToString(), repairedStarts, removedThrough, blanked.Count, firstStart, firstEnd);
    }

    /// <summary>
    /// Reads a line that starts with text at <paramref name="position"/>: sequence dashes, an explicit key or value
    /// indicator, a key, node properties, and then a block scalar header, the start of a quoted scalar or flow
    /// collection that runs on past the line, or anything else.
    /// </summary>
    private static Header LexLine(string text, int position, int end, int lineStart)
    {
        var header = new Header { ContinuesTo = -1, Parent = -1 };
        if (position == lineStart && (StartsMarker(text, position, end, "---")))
        {
            // A document's root node on the marker's line.
            header.ParentKnown = true;
            position = SkipWhite(text, position + 3, end);
        }
        else if (position == lineStart && (text[position] == '%' || StartsMarker(text, position, end, "...")))
        {
            return header;
        }

        bool keyRead = false;
        while (position < end)
        {
            char c = text[position];
            if (!keyRead && (c == '-' || c == '?' || c == ':') && (position + 1 == end || IsWhite(text[position + 1])))
            {
                header.Parent = position - lineStart;
                header.ParentKnown = true;
                position = SkipWhite(text, position + 1, end);
                continue;
            }

            int nodeStart = position;
            position = SkipProperties(text, position, end);
            if (position >= end)
            {
                return header;
            }

            c = text[position];
            if (c == '|' || c == '>')
            {
                return ReadBlockHeader(text, position, end, header, nodeStart - lineStart);
            }

            if (c == '"' || c == '\'' || c == '[' || c == '{')
            {
                int after = c == '"' || c == '\'' ? SkipQuoted(text, position) : SkipFlow(text, position);
                if (after < 0)
                {
                    header.ContinuesTo = Header.Unclosed;
                    return header;
                }

                if (after > end)
                {
                    header.ContinuesTo = after;
                    return header;
                }

                // On this line: a key if a ':' follows, else a value (nothing more to find on the line).
                int colon = SkipWhite(text, after, end);
                if (keyRead || !IsValueIndicator(text, colon, end))
                {
                    return header;
                }

                header.Parent = nodeStart - lineStart;
                header.ParentKnown = true;
                keyRead = true;
                position = SkipWhite(text, colon + 1, end);
                continue;
            }

            if (keyRead)
            {
                return header;
            }

            // A plain key: up to ': ' (a ' #' starts a comment, so there is no key).
            int scan = position;
            while (scan < end && !IsValueIndicator(text, scan, end) && !(text[scan] == '#' && IsWhite(text[scan - 1])))
            {
                scan++;
            }

            if (scan >= end || text[scan] == '#')
            {
                return header;
            }

            header.Parent = nodeStart - lineStart;
            header.ParentKnown = true;
            keyRead = true;
            position = SkipWhite(text, scan + 1, end);
        }

        return header;
    }

    private static Header ReadBlockHeader(string text, int position, int end, Header header, int nodeColumn)
    {
        header.IsLiteral = text[position] == '|';
        header.NodeColumn = nodeColumn;
        position++;
        bool chomping = false;
        for (int k = 0; k < 2 && position < end; k++)
        {
            char c = text[position];
            if (!chomping && (c == '+' || c == '-'))
            {
                chomping = true;
            }
            else if (header.ExplicitIndent == 0 && c >= '1' && c <= '9')
            {
                header.ExplicitIndent = c - '0';
            }
            else
            {
                break;
            }

            position++;
        }

        if (position < end && !IsWhite(text[position]))
        {
            return header;
        }

        position = SkipWhite(text, position, end);
        header.IsBlockScalar = position >= end || text[position] == '#';
        return header;
    }

    private static int SkipProperties(string text, int position, int end)
    {
        while (position < end && (text[position] == '!' || text[position] == '&'))
        {
            while (position < end && !IsWhite(text[position]))
            {
                position++;
            }

            position = SkipWhite(text, position, end);
        }

        return position;
    }

    /// <summary>The index after a quoted scalar's closing quote, or -1 when it is never closed.</summary>
    private static int SkipQuoted(string text, int position)
    {
        char quote = text[position];
        for (int i = position + 1; i < text.Length; i++)
        {
            char c = text[i];
            if (quote == '"' && c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>The index after a flow collection's closing bracket, or -1 when it is never closed.</summary>
    private static int SkipFlow(string text, int position)
    {
        int depth = 0;
        for (int i = position; i < text.Length; i++)
        {
            char c = text[i];
            char before = i == position ? ' ' : text[i - 1];
            bool atNodeStart = IsWhite(before) || IsBreak(before) || before == '[' || before == '{' || before == ',' || before == ':';
            if ((c == '"' || c == '\'') && atNodeStart)
            {
                int after = SkipQuoted(text, i);
                if (after < 0)
                {
                    return -1;
                }

                i = after - 1;
            }
            else if (c == '#' && (IsWhite(before) || IsBreak(before)))
            {
                while (i + 1 < text.Length && !IsBreak(text[i + 1]))
                {
                    i++;
                }
            }
            else if (c == '[' || c == '{')
            {
                depth++;
            }
            else if ((c == ']' || c == '}') && --depth == 0)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static bool IsValueIndicator(string text, int position, int end)
        => position < end && text[position] == ':' && (position + 1 == end || IsWhite(text[position + 1]));

    private static bool StartsMarker(string text, int position, int end, string marker)
        => end - position >= 3 && string.CompareOrdinal(text, position, marker, 0, 3) == 0 && (position + 3 == end || IsWhite(text[position + 3]));

    private static int SkipWhite(string text, int position, int end)
    {
        while (position < end && IsWhite(text[position]))
        {
            position++;
        }

        return position;
    }

    private static bool IsWhite(char c) => c == ' ' || c == '\t';

    // The line breaks YamlDotNet and Roslyn count lines by.
    private static bool IsBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

    private struct Header
    {
        public const int Unclosed = -2;

        public bool IsBlockScalar;
        public bool IsLiteral;
        public int ExplicitIndent;

        /// <summary>The indentation of the collection the node belongs to, when its line shows it (-1: the root).</summary>
        public int Parent;
        public bool ParentKnown;

        /// <summary>The column where the block scalar's node (its properties or indicator) starts.</summary>
        public int NodeColumn;

        /// <summary>The indentation of the line before, outside other scalars (-1: none).</summary>
        public int PreviousIndent;

        /// <summary>The offset after a quoted scalar or flow collection that runs on past the line; -1 when none.</summary>
        public int ContinuesTo;
    }

    /// <summary>Where each line starts and ends (before its break: <c>\n</c>, <c>\r\n</c>, <c>\r</c>, NEL, LS or PS).</summary>
    private sealed class LineTable
    {
        private readonly string _text;
        private readonly List<int> _starts = new();
        private readonly List<int> _ends = new();

        public LineTable(string text)
        {
            _text = text;
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (IsBreak(text[i]))
                {
                    _starts.Add(start);
                    _ends.Add(i);
                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                _starts.Add(start);
                _ends.Add(text.Length);
            }
        }

        public int Count => _starts.Count;

        public int Start(int line) => _starts[line];

        public int End(int line) => _ends[line];

        public int Length(int line) => _ends[line] - _starts[line];

        public int Indent(int line)
        {
            int i = _starts[line];
            while (i < _ends[line] && _text[i] == ' ')
            {
                i++;
            }

            return i - _starts[line];
        }

        public bool IsSpacesOnly(int line) => Indent(line) == Length(line);

        public bool IsBlank(int line)
        {
            for (int i = _starts[line]; i < _ends[line]; i++)
            {
                if (!IsWhite(_text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public bool IsDocumentMarker(int line)
            => StartsMarker(_text, _starts[line], _ends[line], "---") || StartsMarker(_text, _starts[line], _ends[line], "...");
    }
}
