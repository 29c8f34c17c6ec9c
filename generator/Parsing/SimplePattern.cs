using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// A pattern that is one character class repeated, anchored at both ends — <c>^([a-f0-9]{24})$</c>,
/// <c>^[A-Za-z0-9_-]{1,64}$</c>, <c>^[0-9]+$</c> — as its ASCII characters and length bounds. Such patterns (most
/// ids in real specs) are checked by a length test and a character scan, far cheaper per call than a regex.
/// </summary>
internal sealed record SimplePattern(string Characters, int MinLength, int? MaxLength)
{
    private const int MaxCharacters = 128;

    private static readonly Regex Shape = new(
        @"^\^(?<open>\()?\[(?<class>(?:\\.|[^\]\\])+)\](?:\{(?<min>\d+)(?<comma>,(?<max>\d+)?)?\}|(?<plus>\+)|(?<star>\*))(?(open)\))\$$",
        RegexOptions.CultureInvariant);

    public static SimplePattern? TryParse(string pattern)
    {
        Match match = Shape.Match(pattern);
        if (!match.Success || ExpandClass(match.Groups["class"].Value) is not string characters)
        {
            return null;
        }

        if (match.Groups["plus"].Success)
        {
            return new SimplePattern(characters, 1, null);
        }

        if (match.Groups["star"].Success)
        {
            return new SimplePattern(characters, 0, null);
        }

        int min = int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture);
        int? max = !match.Groups["comma"].Success ? min
            : match.Groups["max"].Success ? int.Parse(match.Groups["max"].Value, CultureInfo.InvariantCulture)
            : null;
        return max < min ? null : new SimplePattern(characters, min, max);
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
