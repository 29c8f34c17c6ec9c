using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Conventions;

/// <summary>
/// Convention, keyed on media types whose name ends in a date before the suffix
/// (<c>application/vnd.atlas.2024-05-30+json</c>, MongoDB Atlas's vendor types): the newest one not later than the
/// requested API version is the one sent in <c>Accept</c> (and with a body), as the server itself resolves versions;
/// without an API version, the newest. Without dated types: <c>application/json</c>, else any JSON, else the first.
/// </summary>
internal static class VersionedMediaTypes
{
    public readonly record struct Choice(string MediaType, bool NoneOnOrBeforeApiVersion);

    public static Choice? Choose(IEnumerable<string> candidates, string? apiVersion)
    {
        List<string> all = candidates.Distinct(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        List<(string MediaType, string Date)> versioned = all
            .Select(mediaType => (MediaType: mediaType, Date: VersionDate(mediaType, anySuffix: true)))
            .Where(candidate => candidate.Date is not null)
            .Select(candidate => (candidate.MediaType, candidate.Date!))
            .OrderBy(candidate => candidate.Item2, StringComparer.Ordinal)
            .ToList();
        if (versioned.Count > 0)
        {
            if (apiVersion is null)
            {
                return new Choice(versioned[versioned.Count - 1].MediaType, false);
            }

            // ISO dates compare correctly as ordinal strings.
            var onOrBefore = versioned.Where(candidate => string.CompareOrdinal(candidate.Date, apiVersion) <= 0).ToList();
            return onOrBefore.Count > 0
                ? new Choice(onOrBefore[onOrBefore.Count - 1].MediaType, false)
                : new Choice(versioned[0].MediaType, true);
        }

        string? json = all.FirstOrDefault(mediaType => string.Equals(MediaTypes.Essence(mediaType), MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(MediaTypes.IsJson);
        return new Choice(json ?? all[0], false);
    }

    /// <summary>The date of a vendor-versioned media type (<c>application/vnd.x.2023-01-01+json</c>), or null.</summary>
    /// <param name="mediaType">The media type.</param>
    /// <param name="anySuffix">Whether any structured suffix counts (<c>+gzip</c>, <c>+csv</c>), not only <c>+json</c>.</param>
    public static string? VersionDate(string mediaType, bool anySuffix = false)
    {
        string essence = MediaTypes.Essence(mediaType);
        int plus = essence.LastIndexOf('+');
        string suffix = anySuffix && plus > 0 ? essence.Substring(plus) : "+json";
        if (!essence.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || essence.Length < suffix.Length + 11)
        {
            return null;
        }

        string date = essence.Substring(essence.Length - suffix.Length - 10, 10);
        char separator = essence[essence.Length - suffix.Length - 11];
        return separator == '.' && IsIsoDate(date) ? date : null;
    }

    public static bool IsIsoDate(string text)
        => text.Length == 10
        && text[4] == '-' && text[7] == '-'
        && text.Where((c, i) => i != 4 && i != 7).All(c => c >= '0' && c <= '9');

    /// <summary>
    /// The vendor-versioned media types of these operations' success responses. A bodiless response still needs an
    /// Accept a versioned server takes: the versions its own path's operations use (the resource the server
    /// resolves), else the document's.
    /// </summary>
    public static List<string> OfSuccessResponses(ParseContext context, IEnumerable<MappingNode> operations)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (MappingNode operation in operations)
        {
            if (operation["responses"] is not MappingNode responses)
            {
                continue;
            }

            foreach (KeyValuePair<ScalarNode, SpecNode> response in responses.Entries)
            {
                // A quiet lookup: broken references are reported where the operation itself is read.
                SpecNode? node = response.Value is MappingNode { } mapping && mapping.GetString("$ref") is string reference
                    ? context.FindByPointer(reference)
                    : response.Value;
                if (!response.Key.Value.StartsWith("2", StringComparison.Ordinal) || (node as MappingNode)?["content"] is not MappingNode content)
                {
                    continue;
                }

                foreach (KeyValuePair<ScalarNode, SpecNode> media in content.Entries)
                {
                    if (VersionDate(media.Key.Value) is not null)
                    {
                        found.Add(media.Key.Value);
                    }
                }
            }
        }

        return found.ToList();
    }
}
