using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime;
using SpecClient.Simulator;

namespace SpecClient.Benchmarks;

/// <summary>
/// 100 sequential calls (GET org invitations) against the embedded simulator on 127.0.0.1, each run from a fresh
/// client: SpecClient's <see cref="DigestAuthenticationHandler"/> (answers the challenge once, then reuses the nonce)
/// versus .NET's built-in digest (<see cref="CredentialCache"/>, PreAuthenticate on). Time is per call; the
/// "Round trips/call" column is what the simulator counted.
/// </summary>
[Config(typeof(Config))]
public class DigestBenchmarks
{
    /// <summary>Calls per benchmark invocation.</summary>
    public const int Calls = 100;

    private AtlasSimulator _simulator = null!;

    [GlobalSetup]
    public async Task StartSimulatorAsync() => _simulator = await AtlasSimulator.StartAsync(new SimulatorOptions());

    [GlobalCleanup]
    public async Task StopSimulatorAsync() => await _simulator.DisposeAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "SpecClient DigestAuthenticationHandler")]
    public async Task SpecClientDigest()
    {
        using HttpClient http = SpecClientHttp.CreateHttpClient(new SpecClientOptions
        {
            BaseAddress = _simulator.BaseAddress,
            Digest = new DigestCredential(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey),
        });
        await RunCallsAsync(http, nameof(SpecClientDigest));
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "built-in digest (CredentialCache)")]
    public async Task BuiltInDigest()
    {
        var credentials = new CredentialCache
        {
            { _simulator.BaseAddress, "Digest", new NetworkCredential(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey) },
        };
        using var http = new HttpClient(new HttpClientHandler { Credentials = credentials, PreAuthenticate = true })
        {
            BaseAddress = _simulator.BaseAddress,
        };
        await RunCallsAsync(http, nameof(BuiltInDigest));
    }

    private async Task RunCallsAsync(HttpClient http, string benchmark)
    {
        var atlas = new AtlasClient(http);
        long requests = _simulator.Faults.RequestCount;
        long challenges = _simulator.Faults.DigestChallengeCount;
        for (int i = 0; i < Calls; i++)
        {
            await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        }

        RoundTrips.Record(benchmark, Calls, _simulator.Faults.RequestCount - requests, _simulator.Faults.DigestChallengeCount - challenges);
    }

    /// <summary>In-process (the round-trip column reads what the runs recorded), short: the counts are exact, the times indicative.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(new RoundTripsColumn());
        }
    }
}
