using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// The one exception a generated client throws for what the server said: an error status, or a body that could
/// not be read. Carries the status, the response headers, the raw body and, when the body decodes, the spec's
/// typed error (<see cref="Error"/>) and its <see cref="ErrorCode"/>.
/// </summary>
public sealed class ApiException : Exception
{
    private ApiResponseInfo? _responseInfo;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, in one line.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's URI.</param>
    /// <param name="statusCode">The response status.</param>
    /// <param name="headers">The response and content headers.</param>
    /// <param name="rawBody">The response body as text, or null when there was none.</param>
    /// <param name="error">The typed error body, or null when it did not decode.</param>
    /// <param name="errorCode">The body's <c>errorCode</c>, if any.</param>
    /// <param name="detail">The body's <c>detail</c>, if any.</param>
    /// <param name="innerException">The cause, such as a JSON error.</param>
    public ApiException(
        string message,
        HttpMethod method,
        Uri? requestUri,
        HttpStatusCode statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string? rawBody,
        object? error,
        string? errorCode,
        string? detail,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        Headers = headers;
        RawBody = rawBody;
        Error = error;
        ErrorCode = errorCode;
        Detail = detail;
    }

    /// <summary>The request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's URI.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The response's HTTP status (for an enveloped error, the envelope's status).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response headers (including content headers), by name, case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The response body as received, kept even when it could not be decoded.</summary>
    public string? RawBody { get; }

    /// <summary>The spec's typed error (for Atlas, <c>ApiError</c>), or null when the body did not decode into it.</summary>
    public object? Error { get; }

    /// <summary>
    /// The error's code (for Atlas, its <c>errorCode</c>, such as <c>RESOURCE_NOT_FOUND</c>): the field the spec's error
    /// schema names as such (see <see cref="IApiError"/>); null when it names none or the body did not decode.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>The server's human explanation (for Atlas, its <c>detail</c>), read as <see cref="ErrorCode"/> is; or null.</summary>
    public string? Detail { get; }

    /// <summary>
    /// The response's rate-limit and deprecation headers (<c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>,
    /// <c>Retry-After</c>, <c>Deprecation</c>, <c>Sunset</c>), read from <see cref="Headers"/>.
    /// </summary>
    public ApiResponseInfo ResponseInfo => _responseInfo ??= ApiResponseInfo.FromHeaders(Method, RequestUri, StatusCode, Headers);

    /// <summary>Whether the server answered with <paramref name="errorCode"/> (ordinal comparison).</summary>
    /// <param name="errorCode">The code to look for, such as <c>RESOURCE_NOT_FOUND</c>.</param>
    public bool IsErrorCode(string errorCode) => string.Equals(ErrorCode, errorCode, StringComparison.Ordinal);

    /// <summary>The typed error as <typeparamref name="TError"/>, when it decoded into that type.</summary>
    /// <typeparam name="TError">The spec's error type.</typeparam>
    /// <param name="error">The error, when this returns true.</param>
    public bool TryGetError<TError>([NotNullWhen(true)] out TError? error)
        where TError : class
    {
        error = Error as TError;
        return error is not null;
    }
}
