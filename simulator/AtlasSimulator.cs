using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecClient.Simulator.Http;

namespace SpecClient.Simulator;

/// <summary>
/// A running simulator of the MongoDB Atlas Administration API v2 and Cloud Manager v1.0
/// invitation endpoints and of the Atlas users endpoints that replace them, with Digest and OAuth
/// authentication, on Kestrel at 127.0.0.1.
/// </summary>
/// <example>
/// <code>
/// await using var simulator = await AtlasSimulator.StartAsync(new SimulatorOptions());
/// var handler = new HttpClientHandler { Credentials = new NetworkCredential(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey) };
/// using var client = new HttpClient(handler) { BaseAddress = simulator.BaseAddress };
/// </code>
/// </example>
public sealed class AtlasSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private AtlasSimulator(WebApplication app, Uri baseAddress, SimulatorState state, SimulatorFaults faults, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
        BaseAddress = baseAddress;
        State = state;
        Faults = faults;
    }

    /// <summary>The root URL, e.g. <c>http://127.0.0.1:41234/</c> (with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The live state; its read methods return snapshots and are thread-safe.</summary>
    public SimulatorState State { get; }

    /// <summary>
    /// The clock the simulator runs on: <see cref="SimulatorOptions.TimeProvider"/>, shifted by whole
    /// days to <see cref="SimulatorOptions.Today"/> when that is set. A host that compares dates with
    /// the simulator's (e.g. the age of an invitation) reads "now" from here.
    /// </summary>
    public TimeProvider Clock { get; }

    /// <summary>
    /// The clock a simulator started with <paramref name="options"/> runs on (see <see cref="Clock"/>),
    /// for a host that needs the same "now" before or without starting it. Each call builds a new
    /// clock, whose day shift is fixed at that moment.
    /// </summary>
    public static TimeProvider ClockFor(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.EffectiveClock();
    }

    /// <summary>Fault injection and request counters, changeable while the simulator runs.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>
    /// Loads or seeds the state, starts Kestrel on 127.0.0.1 and returns once it accepts connections.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="System.IO.InvalidDataException">The state file or the seed is invalid.</exception>
    public static async Task<AtlasSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        TimeProvider clock = options.EffectiveClock();
        SimulatorState state = SimulatorState.Open(options, clock);
        var faults = new SimulatorFaults();

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            ApplicationName = typeof(AtlasSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();

        // A library must not take over Ctrl+C / SIGTERM of its host process.
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;

            // Always loopback only: the simulator holds demo credentials.
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        WebApplication app = builder.Build();
        var pipeline = new SimulatorPipeline(options, clock, state, faults);
        app.Run(pipeline.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new AtlasSimulator(app, new Uri(address.TrimEnd('/') + "/"), state, faults, clock);
    }

    /// <summary>Stops Kestrel (in-flight requests get up to two seconds) and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class QuietHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
