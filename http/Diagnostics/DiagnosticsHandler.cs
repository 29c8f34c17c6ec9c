using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpecClient.Runtime;

/// <summary>
/// The outermost handler of SpecClient's chain: reads every call's final response into an <see cref="ApiResponseInfo"/>,
/// hands it to an observer, and logs the call (category <c>SpecClient</c>): the status and rate-limit budget (Debug), a
/// rate-limited answer and a deprecated operation (Warning, the latter once per distinct Deprecation/Sunset pair),
/// a failure without response (Warning), and the request headers with Authorization redacted (Trace).
/// </summary>
public sealed class DiagnosticsHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly Action<ApiResponseInfo>? _onResponse;
    private readonly ConcurrentDictionary<string, bool> _deprecationsReported = new(StringComparer.Ordinal);

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Where the events go; none by default.</param>
    /// <param name="onResponse">Called with every final response's metadata (after retries), before the caller reads it.</param>
    public DiagnosticsHandler(ILogger? logger = null, Action<ApiResponseInfo>? onResponse = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _onResponse = onResponse;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        long started = Stopwatch.GetTimestamp();
        string method = request.Method.Method;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            SpecClientLog.RequestFailed(_logger, method, SpecClientLog.PathOf(request), ElapsedMilliseconds(started), exception.GetType().Name, exception.Message);
            throw;
        }

        ApiResponseInfo info = ApiResponseInfo.FromResponse(response);
        string path = SpecClientLog.PathOf(request);
        SpecClientLog.ResponseReceived(_logger, method, path, (int)response.StatusCode, ElapsedMilliseconds(started), info.RateLimitRemaining, info.RateLimitLimit);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            // Logged after sending: the inner handlers have added their headers (Authorization) by now.
            SpecClientLog.RequestHeaders(_logger, method, path, SpecClientLog.FormatHeaders(request));
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            SpecClientLog.RateLimited(_logger, method, path, (int)response.StatusCode, info.RetryAfter?.TotalSeconds, info.RateLimitRemaining, info.RateLimitLimit);
        }

        if (info.IsDeprecated || info.Sunset is not null)
        {
            string deprecation = info.Deprecation?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (info.IsDeprecated ? "yes" : "no");
            string sunset = info.Sunset?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
            if (_deprecationsReported.TryAdd(deprecation + "|" + sunset, true))
            {
                SpecClientLog.DeprecatedOperation(_logger, method, path, deprecation, sunset);
            }
        }

        try
        {
            _onResponse?.Invoke(info);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    private static long ElapsedMilliseconds(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
