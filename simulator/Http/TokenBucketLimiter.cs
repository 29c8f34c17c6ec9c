using System;
using System.Collections.Concurrent;

namespace SpecClient.Simulator.Http;

/// <summary>One token bucket per credential (ATLAS.md §5), refilled continuously.</summary>
internal sealed class TokenBucketLimiter
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;

    internal TokenBucketLimiter(RateLimitOptions options, TimeProvider time)
    {
        _options = new RateLimitOptions { Capacity = options.Capacity, RefillPerSecond = options.RefillPerSecond };
        _time = time;
    }

    internal RateLimitDecision TryAcquire(string key)
    {
        Bucket bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Capacity, state.Now), (Capacity: _options.Capacity, Now: _time.GetUtcNow()));
        lock (bucket)
        {
            DateTimeOffset now = _time.GetUtcNow();
            double elapsed = Math.Max(0, (now - bucket.LastRefill).TotalSeconds);
            bucket.Tokens = Math.Min(_options.Capacity, bucket.Tokens + elapsed * _options.RefillPerSecond);
            bucket.LastRefill = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return new RateLimitDecision(true, _options.Capacity, (int)Math.Floor(bucket.Tokens), 0);
            }

            int retryAfter = Math.Max(1, (int)Math.Ceiling((1 - bucket.Tokens) / _options.RefillPerSecond));
            return new RateLimitDecision(false, _options.Capacity, 0, retryAfter);
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset lastRefill)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset LastRefill { get; set; } = lastRefill;
    }
}

internal readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, int RetryAfterSeconds);
