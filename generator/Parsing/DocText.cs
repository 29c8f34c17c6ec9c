namespace SpecClient.Generator.Parsing;

/// <summary>Text the generated XML documentation is made from.</summary>
internal static class DocText
{
    /// <summary>
    /// The text at <paramref name="key"/>, or null when it is missing or has nothing to show (only white space or
    /// control characters): the emitter then writes its own summary instead of an empty one, which the compiler
    /// would report as missing documentation.
    /// </summary>
    public static string? Of(MappingNode node, string key)
        => node.GetString(key) is string text && HasVisibleText(text) ? text : null;

    /// <summary>A value as its own documentation; a value that shows nothing (empty, blank) is described instead.</summary>
    public static string Summarize(string value)
        => HasVisibleText(value) ? value
            : value.Length == 0 ? "The empty value."
            : "A blank value (" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + (value.Length == 1 ? " character, U+" : " characters, U+")
                + ((int)value[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + (value.Length > 1 ? "…" : string.Empty) + ").";

    /// <summary>
    /// The first sentence of a description (up to a period followed by a space or line end, or the first blank line),
    /// where a shorter text is wanted and the full one is documented elsewhere; the whole text when it has one sentence.
    /// </summary>
    public static string FirstSentence(string text)
    {
        for (int i = 0; i < text.Length - 1; i++)
        {
            char next = text[i + 1];
            bool sentenceEnd = text[i] == '.' && (next == '\n' || next == '\r' || next == ' ' && i + 2 < text.Length && char.IsUpper(text[i + 2]));
            bool paragraphEnd = text[i] == '\n' && (next == '\n' || next == '\r');
            if ((sentenceEnd || paragraphEnd) && text.Substring(0, i + 1).Trim().Length > 0)
            {
                return text.Substring(0, sentenceEnd ? i + 1 : i).Trim();
            }
        }

        return text;
    }

    private static bool HasVisibleText(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && c != '\uFFFE' && c != '\uFFFF' && c != '\u200B' && c != '\uFEFF')
            {
                return true;
            }
        }

        return false;
    }
}
