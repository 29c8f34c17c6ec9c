using System;
using System.Collections.Generic;
using System.Text;

namespace SpecClient.Simulator.Auth;

/// <summary>Parses the parameter list of an <c>Authorization: Digest …</c> header (RFC 7616 §3.4).</summary>
internal static class DigestHeader
{
    /// <summary>
    /// Parses <c>name=value</c> / <c>name="quoted value"</c> pairs separated by commas.
    /// Returns <see langword="null"/> when the text is malformed. Names are case-insensitive.
    /// </summary>
    internal static Dictionary<string, string>? ParseParameters(ReadOnlySpan<char> text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (true)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == ','))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return result;
            }

            int nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',' && text[i] != ' ' && text[i] != '\t')
            {
                i++;
            }

            string name = text[nameStart..i].ToString();
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            if (name.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return null;
            }

            i++;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                i++;
                var builder = new StringBuilder();
                bool closed = false;
                while (i < text.Length)
                {
                    char c = text[i++];
                    if (c == '\\' && i < text.Length)
                    {
                        builder.Append(text[i++]);
                    }
                    else if (c == '"')
                    {
                        closed = true;
                        break;
                    }
                    else
                    {
                        builder.Append(c);
                    }
                }

                if (!closed)
                {
                    return null;
                }

                value = builder.ToString();
            }
            else
            {
                int valueStart = i;
                while (i < text.Length && text[i] != ',' && text[i] != ' ' && text[i] != '\t')
                {
                    i++;
                }

                value = text[valueStart..i].ToString();
            }

            // A repeated parameter makes the header ambiguous.
            if (!result.TryAdd(name, value))
            {
                return null;
            }
        }
    }
}
