using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecClient.Generator.Parsing;

/// <summary>Turns spec names (operationIds, schema and property names, enum values) into valid C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>C# rejects identifiers over 512 characters; generated names stay well under, with room for suffixes.</summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>Cuts a long name, keeping it unique and stable with a hash of the whole.</summary>
    public static string Shorten(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return name.Substring(0, MaxIdentifierLength - 9) + "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>list-org_invites</c>, <c>listOrgInvites</c> → <c>ListOrgInvites</c>; <c>ORG_OWNER</c> → <c>OrgOwner</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        List<string> words = SplitWords(name);
        foreach (string word in words)
        {
            bool allUpper = IsAllUpper(word);
            builder.Append(char.ToUpperInvariant(word[0]));
            // SHOUTING_CASE words read better lowered (ORG_OWNER → OrgOwner); camel words keep their humps.
            builder.Append(allUpper && words.Count > 1 || allUpper && word.Length > 3 ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        string result = builder.ToString();
        if (result.Length == 0)
        {
            return "Value";
        }

        result = char.IsDigit(result[0]) ? "_" + result : result;
        return result.Length <= MaxIdentifierLength ? result : Shorten(result);
    }

    /// <summary>A camelCase C# identifier for method arguments, keywords escaped with <c>@</c>.</summary>
    public static string ToCamelCase(string name)
    {
        string pascal = ToPascalCase(name);
        int upperRun = 0;
        while (upperRun < pascal.Length && char.IsUpper(pascal[upperRun]))
        {
            upperRun++;
        }

        // "ID" → "id", "URLPath" → "urlPath": lower the leading run of capitals but keep the next word's capital.
        int lowerCount = upperRun <= 1 || upperRun == pascal.Length ? upperRun : upperRun - 1;
        string camel = pascal.Substring(0, lowerCount).ToLowerInvariant() + pascal.Substring(lowerCount);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c) || c > 127 && !IsIdentifierChar(c))
            {
                Flush(words, current);
                continue;
            }

            bool boundary = current.Length > 0
                && char.IsUpper(c)
                && (char.IsLower(current[current.Length - 1]) || char.IsDigit(current[current.Length - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(current[current.Length - 1])));
            if (boundary)
            {
                Flush(words, current);
            }

            current.Append(c);
        }

        Flush(words, current);
        return words;
    }

    private static bool IsIdentifierChar(char c) => SyntaxFacts.IsIdentifierPartCharacter(c);

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static bool IsAllUpper(string word)
    {
        bool hasLetter = false;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter;
    }
}

/// <summary>
/// Hands out names unique within one scope (a namespace, a class), adding 2, 3… to a taken name.
/// Names are handed out in document order, so the same spec always gets the same names.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(params string[] reserved)
    {
        _taken = new HashSet<string>(reserved, System.StringComparer.Ordinal);
    }

    /// <summary>
    /// The members every generated type inherits from <see cref="object"/>: a member named like one hides it, and
    /// CS0108 breaks builds with warnings as errors.
    /// </summary>
    public static IReadOnlyList<string> ObjectMembers { get; } = new[] { "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize" };

    /// <summary>A scope for the members of a class: <see cref="ObjectMembers"/> and <paramref name="reserved"/> are taken.</summary>
    public static NameScope ForMembers(params string[] reserved)
    {
        var scope = new NameScope(reserved);
        scope._taken.UnionWith(ObjectMembers);
        return scope;
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Every name handed out or reserved so far.</summary>
    public IEnumerable<string> Taken => _taken;

    public string Claim(string preferred) => Claim(preferred, forbidden: null);

    /// <summary>
    /// Claims a name that is also not one of <paramref name="forbidden"/>: the members the claimed type declares itself
    /// (an enum struct named Value has a Value property; CS0542 forbids a member named like its type).
    /// </summary>
    public string Claim(string preferred, ICollection<string>? forbidden)
    {
        // Composed names (inline schemas: parent + property…) can grow with nesting; keep them short and stable.
        preferred = preferred.Length > Identifiers.MaxIdentifierLength * 2 ? Identifiers.Shorten(preferred) : preferred;
        string name = preferred;
        for (int suffix = 2; forbidden?.Contains(name) == true || !_taken.Add(name); suffix++)
        {
            name = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
