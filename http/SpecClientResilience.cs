using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SpecClient.Runtime;

/// <summary>
/// The resilience pipeline of SpecClient's chain (Polly v8 through Microsoft.Extensions.Http.Resilience), outermost
/// first: total timeout → retry → attempt timeout. The same pipeline serves <see cref="SpecClientHttp"/> and
/// <c>AddSpecClient</c>.
/// </summary>
public static class SpecClientResilience
{
    /// <summary>The name of the resilience handler <c>AddSpecClient</c> adds (for telemetry and <c>RemoveAllResilienceHandlers</c>).</summary>
    public const string PipelineName = "SpecClient";

    /// <summary>Adds SpecClient's timeouts and retries to a pipeline.</summary>
    /// <param name="builder">The pipeline being built.</param>
    /// <param name="options">The timeouts, retry settings and clock.</param>
    /// <param name="logger">Receives the retry events; none by default.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SpecClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ILogger log = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        SpecClientRetryOptions retry = options.Retry;
        TimeProvider time = options.TimeProvider;

        builder.TimeProvider = time;
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "SpecClient.Total", Timeout = options.Timeout });
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "SpecClient.Retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, retry, log)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome)),
                OnRetry = args =>
                {
                    HttpRequestMessage? request = args.Context.GetRequestMessage();
                    SpecClientLog.Retrying(
                        log,
                        request?.Method.Method ?? "?",
                        request is null ? "?" : SpecClientLog.PathOf(request),
                        (long)args.RetryDelay.TotalMilliseconds,
                        args.AttemptNumber + 1,
                        retry.MaxRetryAttempts,
                        Describe(args.Outcome));
                    return default;
                },
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "SpecClient.Attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>Whether an outcome is worth another attempt, and whether the method makes another attempt safe.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, SpecClientRetryOptions retry, ILogger logger)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        bool transient = outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Exception: not null } => false,
            { Result: { } response } => IsTransientStatus(response.StatusCode),
            _ => false,
        };
        if (!transient)
        {
            return false;
        }

        HttpRequestMessage? request = context.GetRequestMessage() ?? outcome.Result?.RequestMessage;
        string method = request?.Method.Method ?? "?";
        string path = request is null ? "?" : SpecClientLog.PathOf(request);
        if (request is not null && request.Options.TryGetValue(RequestOptions.RetriesDisabledKey, out bool retriesDisabled) && retriesDisabled)
        {
            SpecClientLog.NotRetried(logger, method, path, Describe(outcome), "RequestOptions.DisableRetries is set");
            return false;
        }

        if (request is null || !IsRetryable(request.Method, retry))
        {
            SpecClientLog.NotRetried(logger, method, path, Describe(outcome), $"{method} is not idempotent (Retry.{(method == "PATCH" ? "RetryPatch" : "RetryPost")} opts in)");
            return false;
        }

        if (RetryAfter(outcome) is { } wait && wait > retry.MaxDelay)
        {
            SpecClientLog.NotRetried(logger, method, path, Describe(outcome), $"Retry-After {wait.TotalSeconds} s is longer than Retry.MaxDelay");
            return false;
        }

        return true;
    }

    /// <summary>Methods whose repetition leaves the server as one request would (RFC 9110 §9.2.2), plus the opted-in ones.</summary>
    internal static bool IsRetryable(HttpMethod method, SpecClientRetryOptions retry)
        => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Trace
            || (method == HttpMethod.Patch && retry.RetryPatch)
            || (method == HttpMethod.Post && retry.RetryPost);

    private static bool IsTransientStatus(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The response's Retry-After, or null to use the exponential backoff.</summary>
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is not { } response || !response.Headers.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        string? date = response.Headers.TryGetValues("Date", out var dates) ? string.Join(",", dates) : null;
        return ApiResponseInfo.ParseRetryAfter(string.Join(",", values), date);
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome)
        => outcome.Exception is { } exception
            ? exception.GetType().Name
            : outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no result";
}
