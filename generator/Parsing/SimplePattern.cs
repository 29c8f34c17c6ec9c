using System.Globalization;
using System.Text;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// A pattern that is one character class repeated, anchored at both ends — <c>^([a-f0-9]{24})$</c>,
/// <c>^[A-Za-z0-9_-]{1,64}$</c>, <c>^[0-9]+$</c> — as its ASCII characters and length bounds. Such patterns (most
/// ids in real specs) are checked by a length test and a character scan, far cheaper per call than a regex.
/// </summary>
internal sealed record SimplePattern(string Characters, int MinLength, int? MaxLength)
{
    private const int MaxCharacters = 128;

    public static SimplePattern? TryParse(string pattern)
    {
        // Shape: ^ ( [class] quantifier ) $ with the parentheses optional. Read by hand: the regex engine is costly
        // to start inside a compiler, and most specs need no other regex.
        int position = 0;
        if (!Take(pattern, ref position, '^'))
        {
            return null;
        }

        bool grouped = Take(pattern, ref position, '(');
        if (!Take(pattern, ref position, '['))
        {
            return null;
        }

        int classStart = position;
        while (position < pattern.Length && pattern[position] != ']')
        {
            position += pattern[position] == '\\' ? 2 : 1;
        }

        if (position >= pattern.Length || position == classStart || ExpandClass(pattern.Substring(classStart, position - classStart)) is not string characters)
        {
            return null;
        }

        position++;
        int min;
        int? max;
        if (Take(pattern, ref position, '+'))
        {
            (min, max) = (1, null);
        }
        else if (Take(pattern, ref position, '*'))
        {
            (min, max) = (0, null);
        }
        else if (Take(pattern, ref position, '{') && Number(pattern, ref position) is int low)
        {
            min = low;
            max = !Take(pattern, ref position, ',') ? low : Number(pattern, ref position);
            if (!Take(pattern, ref position, '}'))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        if (grouped && !Take(pattern, ref position, ')'))
        {
            return null;
        }

        return Take(pattern, ref position, '$') && position == pattern.Length && !(max < min) ? new SimplePattern(characters, min, max) : null;
    }

    private static bool Take(string text, ref int position, char expected)
    {
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    private static int? Number(string text, ref int position)
    {
        int start = position;
        while (position < text.Length && position - start < 9 && text[position] is >= '0' and <= '9')
        {
            position++;
        }

        return position == start ? null : int.Parse(text.Substring(start, position - start), CultureInfo.InvariantCulture);
    }

    /// <summary>The characters of a class like <c>a-f0-9_\-</c>, sorted; null for anything but plain ASCII members and ranges.</summary>
    private static string? ExpandClass(string body)
    {
        if (body.StartsWith("^", System.StringComparison.Ordinal))
        {
            return null;
        }

        var members = new bool[128];
        for (int i = 0; i < body.Length; i++)
        {
            char first = body[i];
            if (first == '\\')
            {
                if (++i == body.Length)
                {
                    return null;
                }

                char escaped = body[i];
                if (escaped == 'd')
                {
                    Mark(members, '0', '9');
                    continue;
                }

                // Only escapes of punctuation mean the character itself (\w, \s… are Unicode-wide in .NET).
                if (char.IsLetterOrDigit(escaped))
                {
                    return null;
                }

                first = escaped;
            }

            if (first > 127 || first == '[')
            {
                return null;
            }

            if (i + 2 < body.Length && body[i + 1] == '-' && body[i + 2] != '\\')
            {
                char last = body[i + 2];
                if (last > 127 || last < first)
                {
                    return null;
                }

                Mark(members, first, last);
                i += 2;
            }
            else
            {
                members[first] = true;
            }
        }

        var characters = new StringBuilder();
        for (int c = 0; c < members.Length; c++)
        {
            if (members[c])
            {
                characters.Append((char)c);
            }
        }

        return characters.Length is > 0 and <= MaxCharacters ? characters.ToString() : null;
    }

    private static void Mark(bool[] members, char first, char last)
    {
        for (int c = first; c <= last; c++)
        {
            members[c] = true;
        }
    }
}
