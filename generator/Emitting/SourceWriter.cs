using System;
using System.Text;

namespace SpecClient.Generator.Emitting;

/// <summary>An indentation-aware text builder for generated C#; every line ends with <c>\n</c> on every OS.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes a multi-line block (a raw string literal) line by line at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        foreach (string line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Indents the lines that follow one level more (a brace opened inside a template, a continued expression).</summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    public SourceWriter OpenBrace()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBrace(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>XML documentation: <c>&lt;tag&gt;</c> around <paramref name="text"/>, escaped, one comment line per text line.</summary>
    public SourceWriter Doc(string tag, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        string open = attributes is null ? "<" + tag + ">" : "<" + tag + " " + attributes + ">";
        string[] lines = Escape(CleanText(text!)).Split('\n');
        if (lines.Length == 1)
        {
            return Line("/// " + open + lines[0].Trim() + "</" + tag + ">");
        }

        Line("/// " + open);
        foreach (string line in lines)
        {
            Line(line.Trim().Length == 0 ? "/// <para/>" : "/// " + line.TrimEnd());
        }

        return Line("/// </" + tag + ">");
    }

    /// <summary>A documentation line already in XML form (for <c>&lt;see cref&gt;</c> and the like).</summary>
    public SourceWriter DocXml(string xml) => Line("/// " + xml);

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Text safe inside a <c>///</c> comment: every character C# treats as a line end becomes <c>\n</c>
    /// (a lone CR, U+0085, U+2028, U+2029 would otherwise end the comment), and control characters that
    /// XML forbids are dropped.
    /// </summary>
    public static string CleanText(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append('\n');
            }
            else if (c == '\n' || c == '\t' || !char.IsControl(c) && c != '\uFFFE' && c != '\uFFFF' && !(char.IsSurrogate(c) && !IsPairedSurrogate(text, i)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool IsPairedSurrogate(string text, int i)
        => char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]);

    /// <summary>A C# string literal, escaped.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Guards against unbalanced braces, a bug in an emitter and never in a spec.</summary>
    public string ToCompleteText()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Unbalanced braces in generated source.");
        }

        return _builder.ToString();
    }
}
