using System;

namespace SpecClient.Simulator;

/// <summary>Options for <see cref="AtlasSimulator.StartAsync"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Optional state file. When it exists at start the simulator loads its state from it
    /// (and ignores <see cref="Seed"/>); every change is then written to it atomically
    /// (a temporary file in the same directory, renamed over the state file).
    /// </summary>
    public string? StateFilePath { get; set; }

    /// <summary>
    /// Initial state when no state file exists. <see langword="null"/> means
    /// <see cref="SimulatorSeed.CreateDemo(DateTimeOffset)"/> at the time of <see cref="TimeProvider"/>.
    /// The simulator works on a copy: changing the seed later has no effect.
    /// </summary>
    public SimulatorSeed? Seed { get; set; }

    /// <summary>Per-credential token-bucket rate limiting; <see langword="null"/> (the default) turns it off.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>
    /// The clock for everything time-based: access-token expiry, digest nonce age, token-bucket
    /// refill, invitation timestamps and the API version sunset. Tests pass a fake to move time.
    /// Injected delays (<see cref="SimulatorFaults.DelayNext"/>) use real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lifetime of OAuth access tokens (also the <c>expires_in</c> of the token response).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Digest nonces older than this are answered with a new challenge carrying <c>stale=true</c>.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When true, Atlas invite requests on or after the operations' sunset date (2027-07-01, by
    /// the simulator's clock) answer 410 VERSION_GONE. Off by default, so that the simulator
    /// doesn't stop working on that date; tests turn it on together with a fake clock.
    /// Setting <see cref="Today"/> turns it on as well.
    /// </summary>
    public bool EnforceSunset { get; set; }

    /// <summary>
    /// Runs the simulator as of this date (the standalone host's <c>--today</c>): its clock reads
    /// this date at <see cref="TimeProvider"/>'s time of day (<see cref="DayShiftedTimeProvider"/>),
    /// the demo seed is built relative to it, and sunsets are enforced (<see cref="EnforceSunset"/>).
    /// <see cref="AtlasSimulator.Clock"/> is that clock, for hosts that need the same "now".
    /// </summary>
    public DateOnly? Today { get; set; }

    /// <summary>Whether sunset resource versions answer 410: <see cref="EnforceSunset"/> or <see cref="Today"/>.</summary>
    internal bool SunsetEnforced => EnforceSunset || Today is not null;

    /// <summary>The clock the simulator runs on: <see cref="TimeProvider"/>, shifted to <see cref="Today"/> when set.</summary>
    internal TimeProvider EffectiveClock() => Today is { } today ? new DayShiftedTimeProvider(TimeProvider, today) : TimeProvider;

    /// <summary>Optional sink for one line per handled request (method, path, status); the standalone host prints it.</summary>
    public Action<string>? Log { get; set; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider must not be null.", nameof(TimeProvider));
        }

        if (AccessTokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AccessTokenLifetime), AccessTokenLifetime, "The access-token lifetime must be positive.");
        }

        if (NonceLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(NonceLifetime), NonceLifetime, "The nonce lifetime must be positive.");
        }

        RateLimit?.Validate();
    }
}

/// <summary>Token-bucket settings: each credential owns one bucket of <see cref="Capacity"/> tokens.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Bucket size: the number of requests a credential may send in a burst.</summary>
    public int Capacity { get; set; }

    /// <summary>Tokens added back per second (measured with <see cref="SimulatorOptions.TimeProvider"/>).</summary>
    public double RefillPerSecond { get; set; }

    internal void Validate()
    {
        if (Capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "The bucket capacity must be at least 1.");
        }

        if (!(RefillPerSecond > 0) || double.IsInfinity(RefillPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(RefillPerSecond), RefillPerSecond, "The refill rate must be a positive number.");
        }
    }
}
