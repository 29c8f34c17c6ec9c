using System;
using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace SpecClient.Simulator.Http;

/// <summary>Atlas v2 content negotiation (ATLAS.md §2) and the deprecation of the invite operations (§1).</summary>
internal static class ApiVersioning
{
    /// <summary>The only resource version of the invite operations.</summary>
    internal static readonly DateOnly InviteResourceVersion = new(2023, 1, 1);

    /// <summary>Content-Type of every successful Atlas response at resource version 2023-01-01.</summary>
    internal const string AtlasContentType = "application/vnd.atlas.2023-01-01+json;charset=utf-8";

    /// <summary>
    /// The users operations' current resource version (pending and active users). Accept dates
    /// from 2023-01-01 to 2025-02-18 reach their deprecated 2023-01-01 version (active users only).
    /// </summary>
    internal static readonly DateOnly UsersResourceVersion = new(2025, 2, 19);

    /// <summary>
    /// Our choice: the users operations' 2023-01-01 version is deprecated since its successor
    /// (2025-02-19) exists; no source states a sunset for it, so none is sent or enforced.
    /// </summary>
    internal static readonly DateTimeOffset UsersLegacyDeprecation = new(2025, 2, 19, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The success Content-Type of a resource version.</summary>
    internal static string ContentType(DateOnly resourceVersion)
        => resourceVersion == InviteResourceVersion
            ? AtlasContentType
            : $"application/vnd.atlas.{resourceVersion.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}+json;charset=utf-8";

    /// <summary>
    /// Today's <c>x-sunset</c> of every invite operation. From this date on (by the simulator's clock)
    /// the resource version is gone: 410 VERSION_GONE, when <see cref="SimulatorOptions.EnforceSunset"/> is on.
    /// </summary>
    internal static readonly DateTimeOffset Sunset = new(2027, 7, 1, 0, 0, 0, TimeSpan.Zero);

    // Unsure (ATLAS.md §2 doesn't say whether the service sends Deprecation/Sunset for these
    // operations): the simulator sends both on every invite response once the version is resolved,
    // as HTTP-dates. Sunset is today's x-sunset (2027-07-01). Deprecation is the date of the first
    // API release that marked the operations deprecated: 2023-11-15 for the project operations,
    // 2025-03-12 for the organization operations (ATLAS.md §1).
    internal static readonly DateTimeOffset OrgDeprecation = new(2025, 3, 12, 0, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset GroupDeprecation = new(2023, 11, 15, 0, 0, 0, TimeSpan.Zero);

    private const string VendorPrefix = "application/vnd.atlas.";
    private const string VendorSuffix = "+json";

    /// <summary>
    /// Finds the requested version date in the Accept header(s). Several comma-separated values are
    /// allowed; parameters (<c>;q=</c>, <c>;charset=</c>) are ignored and the latest date wins, since
    /// every date from 2023-01-01 on resolves to the same resource version. Unsure: wildcards
    /// (<c>*/*</c>, <c>application/*</c>) name no version, so like a missing header or plain
    /// <c>application/json</c> they answer 406.
    /// </summary>
    internal static bool TryResolve(StringValues accept, out DateOnly requested)
    {
        DateOnly? best = null;
        foreach (string? header in accept)
        {
            if (header is null)
            {
                continue;
            }

            foreach (string part in header.Split(','))
            {
                string media = part.Split(';')[0].Trim();
                if (media.Length <= VendorPrefix.Length + VendorSuffix.Length
                    || !media.StartsWith(VendorPrefix, StringComparison.OrdinalIgnoreCase)
                    || !media.EndsWith(VendorSuffix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string dateText = media[VendorPrefix.Length..^VendorSuffix.Length];
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
                    && (best is null || date > best))
                {
                    best = date;
                }
            }
        }

        requested = best ?? default;
        return best is { } value && value >= InviteResourceVersion;
    }

    /// <summary>Whether a request body's Content-Type is JSON: <c>application/json</c> or a versioned Atlas type.</summary>
    internal static bool IsJsonContentType(string contentType)
    {
        string media = contentType.Split(';')[0].Trim();
        return string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith(VendorPrefix, StringComparison.OrdinalIgnoreCase) && media.EndsWith(VendorSuffix, StringComparison.OrdinalIgnoreCase));
    }

    internal static string HttpDate(DateTimeOffset value) => value.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
}
