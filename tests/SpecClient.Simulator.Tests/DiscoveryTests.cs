using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>GET /orgs and GET /groups (Atlas v2 and Cloud Manager v1.0), added for samples/InviteJanitor.</summary>
public sealed class DiscoveryTests
{
    private static string[] Ids(Reply reply)
        => reply.Json.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task AtlasListsEveryOrganizationTheOwnerKeyReaches()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/orgs", accept: "application/vnd.atlas.2023-01-01+json"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(TestSimulator.AtlasContentType, reply.ContentType);
        Assert.Equal([SimulatorDemo.OrgId, SimulatorDemo.SecondOrgId], Ids(reply));
        Assert.Equal(2, reply.Json.GetProperty("totalCount").GetInt32());
        Assert.Equal(SimulatorDemo.OrgName, reply.Json.GetProperty("results")[0].GetProperty("name").GetString());
        Assert.Null(reply.Header("Deprecation"));
    }

    [Fact]
    public async Task AtlasListsProjectsWithTheirOrganization()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/groups"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal([SimulatorDemo.ProductionProjectId, SimulatorDemo.StagingProjectId, SimulatorDemo.AnalyticsProjectId, SimulatorDemo.LabProjectId], Ids(reply));
        JsonElement lab = reply.Json.GetProperty("results")[3];
        Assert.Equal("globex-lab", lab.GetProperty("name").GetString());
        Assert.Equal(SimulatorDemo.SecondOrgId, lab.GetProperty("orgId").GetString());
        Assert.Equal(4, reply.Json.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task CloudManagerAnswersTheSameWithPlainJson()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply orgs = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.CloudManager(HttpMethod.Get, "api/public/v1.0/orgs"));
        Reply groups = await TestSimulator.SendAsync(await sim.BearerAsync(), TestSimulator.CloudManager(HttpMethod.Get, "api/public/v1.0/groups"));

        Assert.Equal(HttpStatusCode.OK, orgs.Status);
        Assert.Equal("application/json", orgs.ContentType);
        Assert.Equal(2, Ids(orgs).Length);
        Assert.Equal(4, Ids(groups).Length);
    }

    [Fact]
    public async Task OnlyWhatTheRolesReachIsListed()
    {
        const string key = "lab-only-public-key";
        await using TestSimulator sim = await TestSimulator.StartAsync(options =>
        {
            SimulatorSeed seed = SimulatorSeed.CreateDemo(TestSimulator.Start);
            seed.ApiKeys.Add(new SeedApiKey
            {
                PublicKey = key,
                PrivateKey = "lab-only-private-key",
                Roles = new List<SeedRoleAssignment> { SeedRoleAssignment.ForGroup(SimulatorDemo.LabProjectId, "GROUP_OWNER") },
            });
            options.Seed = seed;
        });
        HttpClient client = sim.Digest(key, "lab-only-private-key");

        Reply orgs = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/orgs"));
        Reply groups = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/groups"));

        Assert.Empty(Ids(orgs));
        Assert.Equal(0, orgs.Json.GetProperty("totalCount").GetInt32());
        Assert.Equal([SimulatorDemo.LabProjectId], Ids(groups));
    }

    [Fact]
    public async Task TheUsualRulesApply()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply anonymous = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/orgs"));
        Reply unversioned = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/orgs", accept: "application/json"));
        Reply post = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Post, "api/atlas/v2/groups", "{}"));

        anonymous.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        unversioned.AssertApiError(HttpStatusCode.NotAcceptable, "INVALID_VERSION_DATE");
        post.AssertApiError(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Equal("GET", post.Header("Allow"));
    }

    /// <summary>The demo seed plus <paramref name="count"/> projects of Acme Corp (ids ending in 0001…).</summary>
    internal static SimulatorSeed SeedWithProjects(int count)
    {
        SimulatorSeed seed = SimulatorSeed.CreateDemo(TestSimulator.Start);
        for (int i = 1; i <= count; i++)
        {
            seed.Projects.Add(new SeedProject { GroupId = $"6700000000000000000{i:x5}", OrgId = SimulatorDemo.OrgId, Name = $"bulk-{i:d3}" });
        }

        return seed;
    }

    [Fact]
    public async Task ProjectsArePagedAsAtlasPagesThem()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Seed = SeedWithProjects(250));
        HttpClient client = sim.Digest();

        Reply first = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/groups"));
        Reply third = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/groups?itemsPerPage=100&pageNum=3"));
        Reply big = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/groups?itemsPerPage=500&includeCount=false"));
        Reply past = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Get, "api/public/v1.0/groups?itemsPerPage=200&pageNum=3"));

        Assert.Equal(100, Ids(first).Length);  // itemsPerPage defaults to 100
        Assert.Equal(254, first.Json.GetProperty("totalCount").GetInt32());
        Assert.Equal(54, Ids(third).Length);
        Assert.Equal("bulk-250", third.Json.GetProperty("results")[53].GetProperty("name").GetString());
        Assert.Equal(254, Ids(big).Length);
        Assert.False(big.Json.TryGetProperty("totalCount", out _));
        Assert.Empty(Ids(past));
        Assert.Equal(254, past.Json.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("itemsPerPage=0", "itemsPerPage")]
    [InlineData("itemsPerPage=501", "itemsPerPage")]
    [InlineData("pageNum=0", "pageNum")]
    [InlineData("includeCount=maybe", "includeCount")]
    public async Task InvalidPageParametersAnswer400(string query, string parameter)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/orgs?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_QUERY_PARAMETER", reply.Json.GetProperty("errorCode").GetString());
        Assert.Equal(parameter, reply.Json.GetProperty("parameters")[0].GetString());
    }
}
