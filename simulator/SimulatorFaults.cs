using System;
using System.Collections.Generic;
using System.Threading;

namespace SpecClient.Simulator;

/// <summary>
/// Fault injection and request counters; thread-safe and changeable while the simulator runs.
/// Faults apply before any normal handling (authentication included) to the next requests whose
/// path starts with the rule's prefix (ordinal, case-sensitive; <see langword="null"/> = every path,
/// <c>/api/oauth/token</c> included). Rules are consumed in the order they were added; one request
/// consumes at most one delay rule and at most one failure/abort rule.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();
    private long _responseDelayTicks;
    private long _requestCount;
    private long _tokenRequestCount;
    private long _digestChallengeCount;
    private long _faultedRequestCount;
    private long _rateLimitedCount;

    internal SimulatorFaults()
    {
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> and an ApiError body.</summary>
    /// <param name="count">How many requests to fail.</param>
    /// <param name="statusCode">An error status, typically 500 (UNEXPECTED_ERROR) or 503 (SERVICE_UNAVAILABLE).</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    /// <param name="pathPrefix">Only requests whose path starts with this; <see langword="null"/> = all.</param>
    public void FailNext(int count, int statusCode = 500, TimeSpan? retryAfter = null, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Injected failures must use a 4xx or 5xx status.");
        }

        if (retryAfter is { } value && value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), value, "Retry-After must not be negative.");
        }

        Add(new FaultRule(FaultKind.Fail, count, pathPrefix) { StatusCode = statusCode, RetryAfter = retryAfter });
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> matching requests with exactly <paramref name="body"/>: an HTML error page,
    /// truncated or wrong-typed JSON, a huge body. With <paramref name="cutOff"/> the response declares a longer
    /// Content-Length, sends the body and drops the connection (a response cut off mid-body).
    /// </summary>
    /// <param name="count">How many requests to answer so.</param>
    /// <param name="statusCode">The status, 100–599.</param>
    /// <param name="contentType">The Content-Type header.</param>
    /// <param name="body">The body, sent as UTF-8.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this; <see langword="null"/> = all.</param>
    /// <param name="cutOff">Drop the connection after the body, short of the declared length.</param>
    public void RespondNext(int count, int statusCode, string contentType, string body, string? pathPrefix = null, bool cutOff = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(body);
        Add(new FaultRule(FaultKind.Respond, count, pathPrefix) { StatusCode = statusCode, ContentType = contentType, Body = body, CutOff = cutOff });
    }

    /// <summary>Waits <paramref name="delay"/> (real time) before handling each of the next <paramref name="count"/> matching requests.</summary>
    public void DelayNext(int count, TimeSpan delay, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(new FaultRule(FaultKind.Delay, count, pathPrefix) { Delay = delay });
    }

    /// <summary>Drops the connection (abort, no response) for the next <paramref name="count"/> matching requests.</summary>
    public void AbortNext(int count, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Add(new FaultRule(FaultKind.Abort, count, pathPrefix));
    }

    /// <summary>A delay (real time) before every request, on top of <see cref="DelayNext"/>; zero (the default) = none.</summary>
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _responseDelayTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _responseDelayTicks, value.Ticks);
        }
    }

    /// <summary>Number of requests still to be affected by queued rules (sum of remaining counts).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                int total = 0;
                foreach (FaultRule rule in _rules)
                {
                    total += rule.Remaining;
                }

                return total;
            }
        }
    }

    /// <summary>Removes every queued rule and resets <see cref="ResponseDelay"/>; counters are kept.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }

        ResponseDelay = TimeSpan.Zero;
    }

    /// <summary>Requests received (every path, faulted ones included).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>Requests to <c>/api/oauth/token</c>.</summary>
    public long TokenRequestCount => Interlocked.Read(ref _tokenRequestCount);

    /// <summary>401 responses carrying a <c>WWW-Authenticate: Digest</c> challenge.</summary>
    public long DigestChallengeCount => Interlocked.Read(ref _digestChallengeCount);

    /// <summary>Requests answered (or dropped) by an injected failure or abort.</summary>
    public long FaultedRequestCount => Interlocked.Read(ref _faultedRequestCount);

    /// <summary>Requests answered 429 by the rate limiter.</summary>
    public long RateLimitedCount => Interlocked.Read(ref _rateLimitedCount);

    /// <summary>Sets every counter back to zero.</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _requestCount, 0);
        Interlocked.Exchange(ref _tokenRequestCount, 0);
        Interlocked.Exchange(ref _digestChallengeCount, 0);
        Interlocked.Exchange(ref _faultedRequestCount, 0);
        Interlocked.Exchange(ref _rateLimitedCount, 0);
    }

    internal void CountRequest(bool isTokenRequest)
    {
        Interlocked.Increment(ref _requestCount);
        if (isTokenRequest)
        {
            Interlocked.Increment(ref _tokenRequestCount);
        }
    }

    internal void CountDigestChallenge() => Interlocked.Increment(ref _digestChallengeCount);

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimitedCount);

    /// <summary>Consumes the rules that apply to one request.</summary>
    internal FaultDecision Take(string path)
    {
        TimeSpan delay = ResponseDelay;
        FaultRule? terminal = null;
        lock (_gate)
        {
            bool delayTaken = false;
            for (int i = 0; i < _rules.Count; i++)
            {
                FaultRule rule = _rules[i];
                if (rule.PathPrefix is not null && !path.StartsWith(rule.PathPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                bool use = rule.Kind == FaultKind.Delay ? !delayTaken : terminal is null;
                if (!use)
                {
                    continue;
                }

                if (rule.Kind == FaultKind.Delay)
                {
                    delayTaken = true;
                    delay += rule.Delay;
                }
                else
                {
                    terminal = rule;
                }

                rule.Remaining--;
                if (rule.Remaining == 0)
                {
                    _rules.RemoveAt(i);
                    i--;
                }
            }
        }

        if (terminal is not null)
        {
            Interlocked.Increment(ref _faultedRequestCount);
        }

        return new FaultDecision(delay, terminal?.Kind == FaultKind.Abort, terminal?.Kind == FaultKind.Fail ? terminal.StatusCode : null, terminal?.RetryAfter)
        {
            Response = terminal?.Kind == FaultKind.Respond ? new RawResponse(terminal.StatusCode, terminal.ContentType!, terminal.Body!, terminal.CutOff) : null,
        };
    }

    private void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    private enum FaultKind
    {
        Fail,
        Delay,
        Abort,
        Respond,
    }

    private sealed class FaultRule(FaultKind kind, int count, string? pathPrefix)
    {
        public FaultKind Kind { get; } = kind;

        public int Remaining { get; set; } = count;

        public string? PathPrefix { get; } = pathPrefix;

        public int StatusCode { get; init; }

        public TimeSpan? RetryAfter { get; init; }

        public TimeSpan Delay { get; init; }

        public string? ContentType { get; init; }

        public string? Body { get; init; }

        public bool CutOff { get; init; }
    }
}

/// <summary>What the fault rules decided for one request.</summary>
internal readonly record struct FaultDecision(TimeSpan Delay, bool Abort, int? StatusCode, TimeSpan? RetryAfter)
{
    /// <summary>A raw answer (<see cref="SimulatorFaults.RespondNext"/>), or null.</summary>
    public RawResponse? Response { get; init; }
}

/// <summary>A response written byte for byte, bypassing the API's JSON.</summary>
internal sealed record RawResponse(int StatusCode, string ContentType, string Body, bool CutOff);
