using System;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>Adds header parameters to a request; null values are left out. Called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestHeaders
{
    /// <summary>Adds a header value.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The value, or null for none.</param>
    public static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>Adds a header value.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The value, or null for none.</param>
    public static void Add(HttpRequestMessage request, string name, bool? value)
        => Add(request, name, value is bool flag ? (flag ? "true" : "false") : null);

    /// <summary>Adds a header value.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The value, or null for none.</param>
    public static void Add(HttpRequestMessage request, string name, long? value)
        => Add(request, name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a header value.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The value, or null for none.</param>
    public static void Add(HttpRequestMessage request, string name, double? value)
        => Add(request, name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a header value as ISO 8601.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The value, or null for none.</param>
    public static void Add(HttpRequestMessage request, string name, DateTimeOffset? value)
        => Add(request, name, value?.ToString("O", CultureInfo.InvariantCulture));
}
