using System;

namespace SpecClient.Simulator;

/// <summary>
/// A clock that reads a chosen date at the real time of day: <see cref="GetUtcNow"/> is the inner
/// clock's time shifted by a whole number of days, fixed when the clock is built, so time keeps
/// flowing (timers, token expiry, nonce age all behave as usual) while the calendar says another day.
/// </summary>
public sealed class DayShiftedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;

    /// <summary>Shifts <paramref name="inner"/> so that its current UTC date reads <paramref name="today"/>.</summary>
    public DayShiftedTimeProvider(TimeProvider inner, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        DateOnly innerToday = DateOnly.FromDateTime(inner.GetUtcNow().UtcDateTime);
        Offset = TimeSpan.FromDays(today.DayNumber - innerToday.DayNumber);
    }

    /// <summary>The whole days added to the inner clock (negative for a date in the past).</summary>
    public TimeSpan Offset { get; }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc/>
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc/>
    public override System.Threading.ITimer CreateTimer(System.Threading.TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => _inner.CreateTimer(callback, state, dueTime, period);
}
