using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Refit;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime;

namespace SpecClient.PerCall.Benchmarks;

/// <summary>
/// One DELETE (204) and one GET (≈450-byte JSON) per call, three ways; the hand-written code is the baseline.
/// The SpecClient rows run with nothing listening to its ActivitySource and Meter (tracing's cost when off); the
/// <c>…Traced</c> rows with an ActivityListener (AllDataAndRecorded) and a MeterListener attached. Listeners are
/// process-global: BenchmarkDotNet runs each benchmark in its own process, and only the traced ones attach them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PerCallBenchmarks
{
    private static readonly Uri BaseAddress = new("https://cloud.mongodb.com/");

    private HttpClient _http = null!;
    private AtlasClient _specClient = null!;
    private AtlasClient _specClientWithOptions = null!;
    private IRefitAtlasInvites _refit = null!;
    private ActivityListener? _activityListener;
    private MeterListener? _meterListener;
    private long _stoppedActivities;
    private double _recordedSeconds;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new InMemoryAtlasHandler()) { BaseAddress = BaseAddress };
        _specClient = new AtlasClient(_http);

        // What RequestOptions cost when used: one header and a timeout (a linked CancellationTokenSource per call).
        _specClientWithOptions = new AtlasClient(_specClient.Connection.WithOptions(new RequestOptions { Headers = { ["X-Request-Id"] = "bench" }, Timeout = TimeSpan.FromSeconds(30) }));
        var options = new JsonSerializerOptions(HandWrittenJsonContext.Default.Options);
        _refit = RestService.For<IRefitAtlasInvites>(_http, new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(options) });
    }

    [GlobalSetup(Targets = [nameof(SpecClientTracedDelete), nameof(SpecClientTracedGet)])]
    public void SetupTraced()
    {
        Setup();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpecClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stoppedActivities++,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SpecClientTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => _recordedSeconds += value);
        _meterListener.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _activityListener?.Dispose();
        _meterListener?.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Delete")]
    public async Task HandWrittenDelete()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "api/atlas/v2/orgs/" + InMemoryAtlasHandler.OrgId + "/invites/" + InMemoryAtlasHandler.InvitationId);
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.atlas.2023-01-01+json");
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
    }

    [Benchmark, BenchmarkCategory("Delete")]
    public Task SpecClientDelete() => _specClient.Organizations.DeleteOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);

    [Benchmark, BenchmarkCategory("Delete")]
    public Task SpecClientTracedDelete() => _specClient.Organizations.DeleteOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);

    [Benchmark, BenchmarkCategory("Delete")]
    public Task RefitDelete() => _refit.DeleteOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public async Task<HandWrittenInvitation?> HandWrittenGet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/atlas/v2/orgs/" + InMemoryAtlasHandler.OrgId + "/invites/" + InMemoryAtlasHandler.InvitationId);
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.atlas.2023-01-01+json");
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.HandWrittenInvitation);
    }

    [Benchmark, BenchmarkCategory("Get")]
    public Task<OrganizationInvitation> SpecClientGet() => _specClient.Organizations.GetOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<OrganizationInvitation> SpecClientWithOptionsGet() => _specClientWithOptions.Organizations.GetOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<OrganizationInvitation> SpecClientTracedGet() => _specClient.Organizations.GetOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<HandWrittenInvitation> RefitGet() => _refit.GetOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);
}
