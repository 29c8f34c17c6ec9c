using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SpecClient.Runtime;

/// <summary>
/// Every log event of the runtime (category <see cref="Category"/>), source-generated. Paths are logged without their
/// query (it may carry user names); secrets, tokens and Authorization values never are.
/// </summary>
internal static partial class SpecClientLog
{
    /// <summary>The logger category of every event.</summary>
    public const string Category = "SpecClient";

    [LoggerMessage(EventId = 1, EventName = "ResponseReceived", Level = LogLevel.Debug,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms (RateLimit-Remaining {RateLimitRemaining}, RateLimit-Limit {RateLimitLimit})")]
    public static partial void ResponseReceived(ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds, long? rateLimitRemaining, long? rateLimitLimit);

    [LoggerMessage(EventId = 2, EventName = "RequestFailed", Level = LogLevel.Warning,
        Message = "{Method} {Path} failed after {ElapsedMilliseconds} ms: {ErrorType}: {ErrorMessage}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, long elapsedMilliseconds, string errorType, string errorMessage);

    [LoggerMessage(EventId = 3, EventName = "RequestHeaders", Level = LogLevel.Trace,
        Message = "{Method} {Path} was sent with headers: {Headers}")]
    public static partial void RequestHeaders(ILogger logger, string method, string path, string headers);

    [LoggerMessage(EventId = 4, EventName = "RateLimited", Level = LogLevel.Warning,
        Message = "{Method} {Path} was rate limited ({StatusCode}): Retry-After {RetryAfterSeconds} s, RateLimit-Remaining {RateLimitRemaining}, RateLimit-Limit {RateLimitLimit}")]
    public static partial void RateLimited(ILogger logger, string method, string path, int statusCode, double? retryAfterSeconds, long? rateLimitRemaining, long? rateLimitLimit);

    [LoggerMessage(EventId = 5, EventName = "DeprecatedOperation", Level = LogLevel.Warning,
        Message = "{Method} {Path} is deprecated (Deprecation {Deprecation}, Sunset {Sunset}): move to its replacement before the sunset")]
    public static partial void DeprecatedOperation(ILogger logger, string method, string path, string deprecation, string sunset);

    [LoggerMessage(EventId = 6, EventName = "Retrying", Level = LogLevel.Warning,
        Message = "Retrying {Method} {Path} in {DelayMilliseconds} ms (retry {Retry} of {MaxRetries}) after {Outcome}")]
    public static partial void Retrying(ILogger logger, string method, string path, long delayMilliseconds, int retry, int maxRetries, string outcome);

    [LoggerMessage(EventId = 7, EventName = "NotRetried", Level = LogLevel.Debug,
        Message = "Not retrying {Method} {Path} after {Outcome}: {Reason}")]
    public static partial void NotRetried(ILogger logger, string method, string path, string outcome, string reason);

    [LoggerMessage(EventId = 10, EventName = "TokenRequested", Level = LogLevel.Debug,
        Message = "Requesting a service-account access token for client {ClientId} from {TokenUri}")]
    public static partial void TokenRequested(ILogger logger, string clientId, Uri tokenUri);

    [LoggerMessage(EventId = 11, EventName = "TokenAcquired", Level = LogLevel.Debug,
        Message = "Service-account access token acquired for client {ClientId}; it expires in {ExpiresInSeconds} s and is renewed at {RenewAt:O}")]
    public static partial void TokenAcquired(ILogger logger, string clientId, long expiresInSeconds, DateTimeOffset renewAt);

    [LoggerMessage(EventId = 12, EventName = "TokenRequestFailed", Level = LogLevel.Error,
        Message = "Service-account token request for client {ClientId} to {TokenUri} failed: {Reason}")]
    public static partial void TokenRequestFailed(ILogger logger, string clientId, Uri tokenUri, string reason);

    [LoggerMessage(EventId = 13, EventName = "TokenRejected", Level = LogLevel.Information,
        Message = "{Method} {Path} answered 401 to the service-account token; renewing it and sending once more")]
    public static partial void TokenRejected(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 14, EventName = "TokenRevoked", Level = LogLevel.Information,
        Message = "Service-account access token of client {ClientId} revoked")]
    public static partial void TokenRevoked(ILogger logger, string clientId);

    [LoggerMessage(EventId = 20, EventName = "DigestChallenged", Level = LogLevel.Debug,
        Message = "{Method} {Path} answered a digest challenge (stale={Stale}, had nonce={HadNonce}); answering it")]
    public static partial void DigestChallenged(ILogger logger, string method, string path, bool stale, bool hadNonce);

    [LoggerMessage(EventId = 21, EventName = "DigestChallengeUnsupported", Level = LogLevel.Warning,
        Message = "{Method} {Path} answered a digest challenge this client cannot answer ({Reason}); the 401 is returned")]
    public static partial void DigestChallengeUnsupported(ILogger logger, string method, string path, string reason);

    /// <summary>The request's headers as one line, with credentials replaced by <c>[redacted]</c> (the scheme is kept).</summary>
    public static string FormatHeaders(HttpRequestMessage request)
    {
        var text = new StringBuilder();
        Append(text, request.Headers);
        if (request.Content is not null)
        {
            Append(text, request.Content.Headers);
        }

        return text.ToString();
    }

    /// <summary>The path of a request for logs: no query, which may carry user names or keys.</summary>
    public static string PathOf(HttpRequestMessage request) => request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? string.Empty;

    private static void Append(StringBuilder text, System.Net.Http.Headers.HttpHeaders headers)
    {
        foreach (KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues> header in headers.NonValidated)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(header.Key).Append(": ");
            bool secret = IsSecret(header.Key);
            bool first = true;
            foreach (string value in header.Value)
            {
                text.Append(first ? string.Empty : ", ").Append(secret ? Redact(value) : value);
                first = false;
            }
        }
    }

    private static bool IsSecret(string name)
        => name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>Bearer abc</c> → <c>Bearer [redacted]</c>: the scheme tells which authentication ran, nothing more.</summary>
    private static string Redact(string value)
    {
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? value[..space] + " [redacted]" : "[redacted]";
    }
}
