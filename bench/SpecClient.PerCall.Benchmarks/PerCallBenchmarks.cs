using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Refit;
using SpecClient.Atlas.V20250312;

namespace SpecClient.PerCall.Benchmarks;

/// <summary>One DELETE (204) and one GET (≈450-byte JSON) per call, three ways; the hand-written code is the baseline.</summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PerCallBenchmarks
{
    private static readonly Uri BaseAddress = new("https://cloud.mongodb.com/");

    private HttpClient _http = null!;
    private AtlasClient _specClient = null!;
    private IRefitAtlasInvites _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new InMemoryAtlasHandler()) { BaseAddress = BaseAddress };
        _specClient = new AtlasClient(_http);
        var options = new JsonSerializerOptions(HandWrittenJsonContext.Default.Options);
        _refit = RestService.For<IRefitAtlasInvites>(_http, new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(options) });
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

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
    public Task<HandWrittenInvitation> RefitGet() => _refit.GetOrgInviteAsync(InMemoryAtlasHandler.OrgId, InMemoryAtlasHandler.InvitationId);
}
