using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Chooses the media type an operation sends in <c>Accept</c> (and with its body). Vendor-versioned types such as
/// <c>application/vnd.atlas.2024-05-30+json</c> carry a date: the newest one not later than the requested API
/// version wins, as the server itself resolves versions; without an API version, the newest.
/// </summary>
internal static class MediaTypes
{
    public const string Json = "application/json";

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

        string? json = all.FirstOrDefault(mediaType => string.Equals(Essence(mediaType), Json, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(IsJson);
        return new Choice(json ?? all[0], false);
    }

    /// <summary>The date of a vendor-versioned media type (<c>application/vnd.x.2023-01-01+json</c>), or null.</summary>
    /// <param name="mediaType">The media type.</param>
    /// <param name="anySuffix">Whether any structured suffix counts (<c>+gzip</c>, <c>+csv</c>), not only <c>+json</c>.</param>
    public static string? VersionDate(string mediaType, bool anySuffix = false)
    {
        string essence = Essence(mediaType);
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

    public static bool IsJson(string mediaType)
    {
        string essence = Essence(mediaType);
        return essence.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || essence.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || essence.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
            || essence == "*/*";
    }

    /// <summary>How a request body of the media type is written.</summary>
    public static BodyEncoding EncodingOf(string mediaType)
    {
        string essence = Essence(mediaType).ToLowerInvariant();
        return IsJson(mediaType) ? BodyEncoding.Json
            : essence == "application/x-www-form-urlencoded" ? BodyEncoding.Form
            : essence.StartsWith("multipart/", StringComparison.Ordinal) ? BodyEncoding.Multipart
            : IsText(mediaType) ? BodyEncoding.Text
            : BodyEncoding.Binary;
    }

    /// <summary>Text a client reads or writes as a string: <c>text/*</c>, XML, YAML, JavaScript.</summary>
    public static bool IsText(string mediaType)
    {
        string essence = Essence(mediaType).ToLowerInvariant();
        return essence.StartsWith("text/", StringComparison.Ordinal)
            || essence.EndsWith("/xml", StringComparison.Ordinal) || essence.EndsWith("+xml", StringComparison.Ordinal)
            || essence.EndsWith("/yaml", StringComparison.Ordinal) || essence.EndsWith("/x-yaml", StringComparison.Ordinal)
            || essence == "application/javascript";
    }

    /// <summary>
    /// A response read whole into a string: <c>text/*</c> but CSV and XML, which are often downloads of any size and are
    /// handed over as streams.
    /// </summary>
    public static bool IsTextResponse(string mediaType)
    {
        string essence = Essence(mediaType).ToLowerInvariant();
        return essence.StartsWith("text/", StringComparison.Ordinal) && essence != "text/csv" && essence != "text/xml";
    }

    /// <summary>Which body to send when no JSON is offered: a described form first, then text, then bytes.</summary>
    public static int RequestPreference(string mediaType) => EncodingOf(mediaType) switch
    {
        BodyEncoding.Form => 0,
        BodyEncoding.Multipart => 1,
        BodyEncoding.Text => 2,
        _ => 3,
    };

    public static bool IsIsoDate(string text)
        => text.Length == 10
        && text[4] == '-' && text[7] == '-'
        && text.Where((c, i) => i != 4 && i != 7).All(c => c >= '0' && c <= '9');

    private static string Essence(string mediaType)
    {
        int parameters = mediaType.IndexOf(';');
        return (parameters >= 0 ? mediaType.Substring(0, parameters) : mediaType).Trim();
    }
}
