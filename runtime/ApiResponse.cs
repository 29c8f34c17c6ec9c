using System;
using System.Collections.Generic;
using System.Net;

namespace SpecClient.Runtime;

/// <summary>
/// A successful response without its body: status, headers and their meaning (<see cref="Info"/>). Returned by the
/// <c>…WithResponseAsync</c> methods of bodiless operations; the base of <see cref="ApiResponse{T}"/>.
/// </summary>
/// <remarks>Public constructors let tests return it from a mocked client.</remarks>
public class ApiResponse
{
    /// <summary>Creates a response (for tests and mocks; generated clients receive it from <see cref="ApiConnection"/>).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">The response's headers and content headers, by name (compare names ignoring case).</param>
    /// <param name="info">The headers' meaning (rate limits, deprecation).</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="info"/> is null.</exception>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ApiResponseInfo info)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(info);
        StatusCode = statusCode;
        Headers = headers;
        Info = info;
    }

    /// <summary>The response's HTTP status (the final one, after the handlers' retries).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The response's headers and content headers, by name ignoring case, each with all its values; copied from the
    /// response, so they stay readable after the call.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>What the headers say about the API: rate-limit budget, Retry-After, deprecation and sunset.</summary>
    public ApiResponseInfo Info { get; }

    /// <summary>The first value of a header, or null when the response does not carry it.</summary>
    /// <param name="name">The header's name, in any case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public string? GetHeaderValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Headers.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0] : null;
    }
}

/// <summary>
/// A successful response's result with its status and headers, like Azure's <c>Response&lt;T&gt;</c>. Returned by the
/// generated <c>…WithResponseAsync</c> methods, next to the <c>…Async</c> ones that return the result alone.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates a response (for tests and mocks; generated clients receive it from <see cref="ApiConnection"/>).</summary>
    /// <param name="value">The result read from the body.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">The response's headers and content headers, by name (compare names ignoring case).</param>
    /// <param name="info">The headers' meaning (rate limits, deprecation).</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="info"/> is null.</exception>
    public ApiResponse(T value, HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ApiResponseInfo info)
        : base(statusCode, headers, info)
    {
        Value = value;
    }

    /// <summary>The result read from the body.</summary>
    public T Value { get; }
}
