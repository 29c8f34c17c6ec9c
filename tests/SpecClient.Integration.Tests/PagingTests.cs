using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary>
/// <see cref="ApiPaging"/> over the simulator's Atlas-paginated project list (<c>GET /api/atlas/v2/groups</c>:
/// pageNum, itemsPerPage, includeCount, results and totalCount), through the runtime's whole handler chain.
/// The bundled invite lists are bare arrays, so the list operation is written here as the generator will emit it.
/// </summary>
public sealed class PagingTests
{
    private static readonly string[] AllProjects =
    [
        SimulatorDemo.ProductionProjectId,
        SimulatorDemo.StagingProjectId,
        SimulatorDemo.AnalyticsProjectId,
        SimulatorDemo.LabProjectId,
    ];

    [Fact]
    public async Task EveryProjectIsListedAcrossPagesUntilTheTotalCount()
    {
        await using TestServer server = await TestServer.StartAsync();
        var projects = new ListProjectsClient(new ApiConnection(server.Http(server.ServiceAccount()), server.BaseAddress));
        long before = server.ApiRequests;

        List<ProjectPage> pages = await ToListAsync(projects.ListProjectsPagesAsync(itemsPerPage: 3));
        long requests = server.ApiRequests - before;

        Assert.Equal([3, 1], pages.Select(p => p.Results!.Count));
        Assert.All(pages, p => Assert.Equal(4, p.TotalCount));
        Assert.Equal(AllProjects.Order(), pages.SelectMany(p => p.Results!).Select(p => p.Id).Order());
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task WithoutTheCountAFullLastPageCostsOneEmptyPage()
    {
        await using TestServer server = await TestServer.StartAsync();
        var projects = new ListProjectsClient(new ApiConnection(server.Http(server.ServiceAccount()), server.BaseAddress));
        long before = server.ApiRequests;

        List<ProjectSummary> all = await ToListAsync(projects.ListProjectsAllAsync(itemsPerPage: 2, includeCount: false));

        Assert.Equal(AllProjects.Order(), all.Select(p => p.Id).Order());
        Assert.Equal(3, server.ApiRequests - before);
    }

    [Fact]
    public async Task EachPageIsOneActivityOfTheListOperation()
    {
        await using TestServer server = await TestServer.StartAsync();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpecClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Other tests call other simulators at the same time: keep this one's calls.
                if (activity.GetTagItem("server.port") is int port && port == server.BaseAddress.Port)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var projects = new ListProjectsClient(new ApiConnection(server.Http(server.ServiceAccount()), server.BaseAddress));

        List<ProjectSummary> all = await ToListAsync(projects.ListProjectsAllAsync(itemsPerPage: 1));

        Assert.Equal(4, all.Count);
        Assert.Equal(4, stopped.Count);
        Assert.All(stopped, a => Assert.Equal("listProjects", a.OperationName));
        Assert.All(stopped, a => Assert.Equal("/api/atlas/v2/groups", a.GetTagItem("url.template")));
        Assert.All(stopped, a => Assert.Equal(200, a.GetTagItem("http.response.status_code")));
    }

    [Fact]
    public async Task CancellingBetweenPagesSendsNoFurtherRequest()
    {
        await using TestServer server = await TestServer.StartAsync();
        var projects = new ListProjectsClient(new ApiConnection(server.Http(server.ServiceAccount()), server.BaseAddress));
        using var cts = new CancellationTokenSource();
        long before = server.ApiRequests;
        var seen = new List<ProjectSummary>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ProjectSummary project in projects.ListProjectsAllAsync(itemsPerPage: 2, cancellationToken: cts.Token))
            {
                seen.Add(project);
                cts.Cancel();
            }
        });

        Assert.Single(seen);
        Assert.Equal(1, server.ApiRequests - before);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (T item in source)
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>Atlas' listProjects as the generator will emit a numbered-page list: one page call, and the two walks over it.</summary>
internal sealed class ListProjectsClient(ApiConnection connection)
{
    private static readonly ApiOperation ListProjectsOperation = new("listProjects", HttpMethod.Get, "/api/atlas/v2/groups", "2025-03-12");

    public Task<ProjectPage> ListProjectsAsync(int? itemsPerPage = null, int? pageNum = null, bool? includeCount = null, CancellationToken cancellationToken = default)
    {
        var uri = connection.CreateUriBuilder();
        uri.AppendLiteral("api/atlas/v2/groups");
        uri.AppendQuery("includeCount", includeCount);
        uri.AppendQuery("itemsPerPage", itemsPerPage);
        uri.AppendQuery("pageNum", pageNum);
        HttpRequestMessage request = connection.CreateRequest(ListProjectsOperation, uri.ToStringAndClear(), "application/vnd.atlas.2025-03-12+json");
        return connection.SendAsync(request, PagingJsonContext.Default.ProjectPage, AtlasClientJsonContext.Default.ApiError, cancellationToken);
    }

    public IAsyncEnumerable<ProjectPage> ListProjectsPagesAsync(int? itemsPerPage = null, bool? includeCount = null, CancellationToken cancellationToken = default)
        => ApiPaging.NumberedPagesAsync(
            (pageNum, ct) => ListProjectsAsync(itemsPerPage, pageNum, includeCount, ct),
            static page => page.Results,
            static page => page.TotalCount,
            itemsPerPage,
            1,
            cancellationToken);

    public IAsyncEnumerable<ProjectSummary> ListProjectsAllAsync(int? itemsPerPage = null, bool? includeCount = null, CancellationToken cancellationToken = default)
        => ApiPaging.NumberedItemsAsync(
            (pageNum, ct) => ListProjectsAsync(itemsPerPage, pageNum, includeCount, ct),
            static page => page.Results,
            static page => page.TotalCount,
            itemsPerPage,
            1,
            cancellationToken);
}

internal sealed class ProjectPage
{
    public List<ProjectSummary>? Results { get; set; }

    public int? TotalCount { get; set; }
}

internal sealed class ProjectSummary
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? OrgId { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProjectPage))]
internal sealed partial class PagingJsonContext : JsonSerializerContext
{
}
