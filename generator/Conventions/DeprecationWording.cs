using System;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Conventions;

/// <summary>
/// Convention, keyed on <c>deprecated: true</c> with Atlas's habits around it: an <c>x-sunset</c> date (the day the
/// operation stops working) and a "Use … instead" sentence in its description (its replacement). Turns them into the
/// <c>[Obsolete]</c> message: what to do, and by when. Without either, a generic message.
/// </summary>
internal static class DeprecationWording
{
    /// <summary>The <c>[Obsolete]</c> message of a deprecated operation, or null when it is not deprecated.</summary>
    public static string? ObsoleteMessage(MappingNode operation)
    {
        if (!operation.GetBoolean("deprecated"))
        {
            return null;
        }

        // What a user should do, and by when: the sunset comes from the spec (x-sunset), the replacement from its
        // "Use … instead" note.
        string? sunset = operation.GetString("x-sunset")?.Trim();
        if (sunset?.Length == 0)
        {
            sunset = null;
        }

        string? replacement = Replacement(operation.GetString("description"));
        string message = sunset is null
            ? "Deprecated by the API, which may remove it."
            : "Deprecated by the API: it stops working on its sunset date, " + sunset + ".";
        if (replacement is not null)
        {
            message += " Move to " + replacement + (sunset is null ? "." : " before then.");
        }
        else
        {
            message += sunset is null ? " Plan to stop using it." : " Stop using it before then.";
        }

        return message;
    }

    /// <summary>What a deprecation note names in "Use X instead" (within one sentence), or null.</summary>
    private static string? Replacement(string? description)
    {
        for (int start = description?.IndexOf("Use ", StringComparison.Ordinal) ?? -1; start >= 0; start = description!.IndexOf("Use ", start + 4, StringComparison.Ordinal))
        {
            if (start > 0 && char.IsLetterOrDigit(description![start - 1]))
            {
                continue;
            }

            int end = description!.IndexOf(" instead", start + 4, StringComparison.Ordinal);
            int sentenceEnd = description.IndexOf(". ", start + 4, StringComparison.Ordinal);
            if (end > start + 4 && (sentenceEnd < 0 || end < sentenceEnd))
            {
                return description.Substring(start + 4, end - start - 4).Trim();
            }
        }

        return null;
    }
}
