using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SpecClient.Fuzz;

/// <summary>A line range (1-based, inclusive) that text and byte mutations stay inside.</summary>
public readonly record struct LineRange(int First, int Last);

/// <summary>Text mutations (lines and characters) and byte mutations (bits, truncation, invalid UTF-8).</summary>
internal static class RawMutations
{
    private static readonly string[] InsertedChars = { ":", "-", "&", "*", "!", "#", "{", "[", "]", "}", "\"", "'", "|", ">", "\t", "%", "@", "`", "?", ",", "\\", "\u00A0", "\u2028", "\uFEFF", "😀", "\u0000", "\r", "\n" };

    private static readonly byte[][] InvalidUtf8 =
    {
        new byte[] { 0xC3, 0x28 }, new byte[] { 0xFF }, new byte[] { 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xFE, 0xFE, 0xFF },
    };

    public static int PickLine(Random random, IReadOnlyList<LineRange> ranges, int lineCount)
    {
        LineRange range = ranges[random.Next(ranges.Count)];
        int first = Math.Clamp(range.First, 1, lineCount);
        int last = Math.Clamp(range.Last, first, lineCount);
        return first + random.Next(last - first + 1);
    }

    public static string Text(string text, Random random, IReadOnlyList<LineRange> ranges, out string description)
    {
        var lines = text.Split('\n').ToList();
        int line = PickLine(random, ranges, lines.Count);
        int index = line - 1;
        switch (random.Next(6))
        {
            case 0:
            {
                int count = Math.Min(1 + random.Next(5), lines.Count - index);
                lines.RemoveRange(index, count);
                description = "text: deleted " + count + " line(s) at line " + line;
                break;
            }

            case 1:
            {
                int count = Math.Min(1 + random.Next(5), lines.Count - index);
                lines.InsertRange(index, lines.GetRange(index, count));
                description = "text: duplicated " + count + " line(s) at line " + line;
                break;
            }

            case 2:
            {
                int count = Math.Min(1 + random.Next(10), lines.Count - index);
                int delta = random.Next(5) - 2;
                bool tab = random.Next(6) == 0;
                for (int i = index; i < index + count; i++)
                {
                    lines[i] = tab ? "\t" + lines[i] : delta > 0 ? new string(' ', delta) + lines[i] : lines[i].Substring(Math.Min(-delta, lines[i].Length - lines[i].TrimStart(' ').Length));
                }

                description = "text: indentation " + (tab ? "tab" : (delta >= 0 ? "+" : string.Empty) + delta) + " on " + count + " line(s) at line " + line;
                break;
            }

            case 3:
            {
                string inserted = InsertedChars[random.Next(InsertedChars.Length)];
                int column = random.Next(lines[index].Length + 1);
                lines[index] = lines[index].Insert(column, inserted);
                description = "text: inserted U+" + ((int)inserted[0]).ToString("X4") + " at line " + line + " column " + (column + 1);
                break;
            }

            case 4:
            {
                // Deep flow nesting replaces the value of a "key: value" line: stresses recursive YAML parsing.
                int depth = random.Next(2) == 0 ? random.Next(100, 1000) : random.Next(1000, 20000);
                bool sequences = random.Next(2) == 0;
                string nested = sequences ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
                int colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
                lines[index] = colon >= 0 ? lines[index].Substring(0, colon + 2) + nested : lines[index] + " " + nested;
                description = "text: deep flow " + (sequences ? "sequence" : "mapping") + " nesting (" + depth + ") at line " + line;
                break;
            }

            default:
            {
                // A YAML alias to an anchor defined later, or to itself.
                int colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
                string value = random.Next(2) == 0 ? "&loop [*loop]" : "*undefined";
                lines[index] = colon >= 0 ? lines[index].Substring(0, colon + 2) + value : lines[index] + " " + value;
                description = "text: alias '" + value + "' at line " + line;
                break;
            }
        }

        return string.Join('\n', lines);
    }

    public static byte[] Bytes(byte[] bytes, string text, Random random, IReadOnlyList<LineRange> ranges, out string description)
    {
        int lineCount = text.Count(c => c == '\n') + 1;
        int line = PickLine(random, ranges, lineCount);
        int position = ByteOffsetOfLine(text, line) + random.Next(40);
        position = Math.Clamp(position, 0, bytes.Length);
        var result = new List<byte>(bytes);
        switch (random.Next(5))
        {
            case 0:
            {
                int flips = 1 + random.Next(16);
                var where = new List<int>();
                for (int i = 0; i < flips && bytes.Length > 0; i++)
                {
                    int at = Math.Clamp(position + random.Next(400), 0, bytes.Length - 1);
                    int bit = random.Next(8);
                    result[at] ^= (byte)(1 << bit);
                    where.Add(at);
                }

                description = "byte: " + flips + " bit flip(s) at bytes " + string.Join(",", where.Take(6)) + (where.Count > 6 ? ",…" : string.Empty) + " (near line " + line + ")";
                break;
            }

            case 1:
                result.RemoveRange(position, result.Count - position);
                description = "byte: truncated at byte " + position + " (line " + line + ")";
                break;
            case 2:
            {
                byte[] invalid = InvalidUtf8[random.Next(InvalidUtf8.Length)];
                result.InsertRange(position, invalid);
                description = "byte: invalid UTF-8 " + Convert.ToHexString(invalid) + " inserted at byte " + position + " (line " + line + ")";
                break;
            }

            case 3:
            {
                byte[][] odd = { new byte[] { 0 }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0x1B }, new byte[] { 0x0D }, new byte[] { 0x7F } };
                byte[] inserted = odd[random.Next(odd.Length)];
                int count = 1 + random.Next(4);
                for (int i = 0; i < count; i++)
                {
                    result.InsertRange(position, inserted);
                }

                description = "byte: " + count + " × " + Convert.ToHexString(inserted) + " inserted at byte " + position + " (line " + line + ")";
                break;
            }

            default:
            {
                bool bom = random.Next(2) == 0;
                byte[] utf16 = (bom ? new byte[] { 0xFF, 0xFE } : Array.Empty<byte>()).Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))).ToArray();
                description = "byte: re-encoded as UTF-16LE " + (bom ? "with" : "without") + " BOM";
                return utf16;
            }
        }

        return result.ToArray();
    }

    private static int ByteOffsetOfLine(string text, int line)
    {
        int index = 0;
        for (int current = 1; current < line && index >= 0; current++)
        {
            index = text.IndexOf('\n', index) + 1;
            if (index == 0)
            {
                return Encoding.UTF8.GetByteCount(text);
            }
        }

        return Encoding.UTF8.GetByteCount(text.AsSpan(0, index));
    }
}
