using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;

namespace SpecClient.Runtime;

/// <summary>
/// What a response says about the API beyond its body: the rate-limit budget (<c>RateLimit-Limit</c>,
/// <c>RateLimit-Remaining</c>, <c>Retry-After</c>) and the operation's retirement (<c>Deprecation</c>, <c>Sunset</c>).
/// Every header may be missing; its property is then null. Delivered to <c>SpecClientOptions.OnResponse</c>
/// for every call, logged by <c>DiagnosticsHandler</c> (both in SpecClient.Http), and carried on <see cref="ApiException.ResponseInfo"/> and <see cref="ApiResponse.Info"/>.
/// </summary>
public sealed class ApiResponseInfo
{
    /// <summary>The request's method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The request's URI.</summary>
    public Uri? RequestUri { get; init; }

    /// <summary>The response's HTTP status.</summary>
    public HttpStatusCode StatusCode { get; init; }

    /// <summary><c>RateLimit-Limit</c>: the size of the caller's request budget, or null when not sent.</summary>
    public long? RateLimitLimit { get; init; }

    /// <summary><c>RateLimit-Remaining</c>: the requests left in the budget, or null when not sent.</summary>
    public long? RateLimitRemaining { get; init; }

    /// <summary><c>Retry-After</c> as a delay (a date is measured from the response's <c>Date</c>), or null when not sent.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// <c>Deprecation</c>: when the operation was deprecated (an HTTP date, or RFC 9745's <c>@seconds</c>), or null.
    /// A bare <c>true</c> (an older draft) sets <see cref="IsDeprecated"/> without a date.
    /// </summary>
    public DateTimeOffset? Deprecation { get; init; }

    /// <summary>Whether the response carried a <c>Deprecation</c> header.</summary>
    public bool IsDeprecated { get; init; }

    /// <summary><c>Sunset</c> (RFC 8594): when the operation stops working, or null.</summary>
    public DateTimeOffset? Sunset { get; init; }

    /// <summary>Reads the metadata of a response.</summary>
    /// <param name="response">The response (its <see cref="HttpResponseMessage.RequestMessage"/> gives method and URI).</param>
    public static ApiResponseInfo FromResponse(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? Header(string name)
            => response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? First(values) : null;

        HttpRequestMessage? request = response.RequestMessage;
        return Create(request?.Method ?? HttpMethod.Get, request?.RequestUri, response.StatusCode, Header);
    }

    /// <summary>Reads the metadata from headers collected by <see cref="ApiException"/>.</summary>
    internal static ApiResponseInfo FromHeaders(HttpMethod method, Uri? requestUri, HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        => Create(method, requestUri, statusCode, name => headers.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0] : null);

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Method.Method).Append(' ').Append(RequestUri?.AbsolutePath).Append(" → ").Append((int)StatusCode);
        if (RateLimitLimit is not null || RateLimitRemaining is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", RateLimit-Remaining {RateLimitRemaining?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{RateLimitLimit?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
        }

        if (RetryAfter is { } retryAfter)
        {
            text.Append(CultureInfo.InvariantCulture, $", Retry-After {retryAfter.TotalSeconds:0.###} s");
        }

        if (IsDeprecated)
        {
            text.Append(", deprecated").Append(Deprecation is { } since ? " since " + since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
        }

        if (Sunset is { } sunset)
        {
            text.Append(", sunset ").Append(sunset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static ApiResponseInfo Create(HttpMethod method, Uri? requestUri, HttpStatusCode statusCode, Func<string, string?> header)
    {
        string? deprecation = header("Deprecation");
        return new ApiResponseInfo
        {
            Method = method,
            RequestUri = requestUri,
            StatusCode = statusCode,
            RateLimitLimit = ParseLeadingInteger(header("RateLimit-Limit")),
            RateLimitRemaining = ParseLeadingInteger(header("RateLimit-Remaining")),
            RetryAfter = ParseRetryAfter(header("Retry-After"), header("Date")),
            IsDeprecated = deprecation is not null && !deprecation.Trim().Equals("false", StringComparison.OrdinalIgnoreCase),
            Deprecation = ParseDate(deprecation),
            Sunset = ParseDate(header("Sunset")),
        };
    }

    private static string? First(IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            return value;
        }

        return null;
    }

    /// <summary><c>100</c>, or a structured-field form such as <c>100, 100;w=60</c>: the first number counts.</summary>
    private static long? ParseLeadingInteger(string? value)
    {
        if (value is null)
        {
            return null;
        }

        ReadOnlySpan<char> text = value.AsSpan().Trim();
        int end = 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return long.TryParse(text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out long number) ? number : null;
    }

    /// <summary>Seconds (<c>Retry-After: 2</c>) or an HTTP date, measured from the response's <c>Date</c> header.</summary>
    internal static TimeSpan? ParseRetryAfter(string? value, string? date)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        }

        if (ParseDate(value) is { } at)
        {
            DateTimeOffset now = ParseDate(date) ?? DateTimeOffset.UtcNow;
            return at > now ? at - now : TimeSpan.Zero;
        }

        return null;
    }

    private static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string text = value.Trim();
        if (text.StartsWith('@'))
        {
            return long.TryParse(text.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long unixSeconds)
                && unixSeconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && unixSeconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds)
                : null;
        }

        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
            ? date
            : null;
    }
}
