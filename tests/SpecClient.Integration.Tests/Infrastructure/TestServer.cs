using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SpecClient.Runtime;
using SpecClient.Simulator;

namespace SpecClient.Integration.Tests.Infrastructure;

/// <summary>
/// The embedded simulator on 127.0.0.1 with a fake clock, and clients of the runtime's chain against it.
/// Everything created here is disposed with it.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    /// <summary>The fake clock's start: a Sunday afternoon before the invite operations' sunset.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly System.Collections.Generic.List<IDisposable> _owned = new();

    private TestServer(AtlasSimulator simulator, FakeTimeProvider clock)
    {
        Simulator = simulator;
        Clock = clock;
    }

    public AtlasSimulator Simulator { get; }

    /// <summary>The simulator's clock; pass it to the client too when both must agree on expiry.</summary>
    public FakeTimeProvider Clock { get; }

    public Uri BaseAddress => Simulator.BaseAddress;

    public SimulatorFaults Faults => Simulator.Faults;

    /// <summary>Requests that were not token requests (API calls and digest challenges).</summary>
    public long ApiRequests => Faults.RequestCount - Faults.TokenRequestCount;

    public LogCollector Logs { get; } = new();

    public static async Task<TestServer> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new SimulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new TestServer(await AtlasSimulator.StartAsync(options), clock);
    }

    /// <summary>Options for the demo owner service account; retries fast (real time) unless changed.</summary>
    public SpecClientOptions ServiceAccount(string clientId = SimulatorDemo.ClientId, string clientSecret = SimulatorDemo.ClientSecret)
        => Fast(new SpecClientOptions { BaseAddress = BaseAddress, ClientId = clientId, ClientSecret = clientSecret });

    /// <summary>Options for the demo owner API key (digest); retries fast (real time) unless changed.</summary>
    public SpecClientOptions ApiKey(string publicKey = SimulatorDemo.PublicKey, string privateKey = SimulatorDemo.PrivateKey)
        => Fast(new SpecClientOptions { BaseAddress = BaseAddress, Digest = new DigestCredential(publicKey, privateKey) });

    /// <summary>An HttpClient with the runtime's whole chain, logging into <see cref="Logs"/>.</summary>
    public HttpClient Http(SpecClientOptions options, HttpMessageHandler? primary = null, OAuthTokenSource? tokens = null)
        => Own(SpecClientHttp.CreateHttpClient(options, Own(Logs.CreateFactory()), primary, tokens));

    public T Own<T>(T disposable)
        where T : IDisposable
    {
        lock (_owned)
        {
            _owned.Add(disposable);
        }

        return disposable;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_owned)
        {
            foreach (IDisposable disposable in _owned)
            {
                disposable.Dispose();
            }
        }

        await Simulator.DisposeAsync();
    }

    private static SpecClientOptions Fast(SpecClientOptions options)
    {
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        return options;
    }
}
