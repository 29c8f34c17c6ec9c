using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class CloudManagerTests
{
    private const string OrgInvites = "api/public/v1.0/orgs/" + SimulatorDemo.OrgId + "/invites";
    private const string GroupInvites = "api/public/v1.0/groups/" + SimulatorDemo.ProductionProjectId + "/invites";

    [Fact]
    public async Task ListAnswersPlainApplicationJsonWithoutLinks()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.CloudManager(HttpMethod.Get, OrgInvites));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Null(reply.Header("Deprecation"));
        JsonElement first = reply.Json[0];
        Assert.Equal(SimulatorDemo.OrgName, first.GetProperty("orgName").GetString());
        Assert.Equal(JsonValueKind.Array, first.GetProperty("teamIds").ValueKind);
        Assert.False(first.TryGetProperty("links", out _));
        Assert.False(first.TryGetProperty("groupRoleAssignments", out _));
    }

    [Fact]
    public async Task NoAcceptHeaderIsNeeded()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, GroupInvites, accept: null));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task AllSixProjectOperationsWork()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();

        Reply created = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Post, GroupInvites, """{"username":"cm.user@acme.example","roles":["GROUP_READ_ONLY"]}"""));
        string id = created.Json.GetProperty("id").GetString()!;
        Reply byUsername = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Patch, GroupInvites, """{"username":"cm.user@acme.example","roles":["GROUP_OWNER"]}"""));
        Reply byId = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Patch, $"{GroupInvites}/{id}", """{"roles":["GROUP_CLUSTER_MANAGER"]}"""));
        Reply get = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Get, $"{GroupInvites}/{id}"));
        Reply list = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Get, GroupInvites));
        Reply deleted = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Delete, $"{GroupInvites}/{id}"));

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("acme-production", created.Json.GetProperty("groupName").GetString());
        Assert.Equal("GROUP_OWNER", byUsername.Json.GetProperty("roles")[0].GetString());
        Assert.Equal("GROUP_CLUSTER_MANAGER", byId.Json.GetProperty("roles")[0].GetString());
        Assert.Equal("GROUP_CLUSTER_MANAGER", get.Json.GetProperty("roles")[0].GetString());
        Assert.Equal(3, list.Json.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Body);
        Assert.Null(sim.State.FindInvitation(id));
    }

    [Fact]
    public async Task AllSixOrganizationOperationsWork()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();

        Reply created = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Post, OrgInvites, """{"username":"cm.org@acme.example","roles":["ORG_MEMBER"],"teamIds":[]}"""));
        string id = created.Json.GetProperty("id").GetString()!;
        Reply byUsername = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Patch, OrgInvites, """{"username":"cm.org@acme.example","roles":["ORG_READ_ONLY"]}"""));
        Reply byId = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Patch, $"{OrgInvites}/{id}", """{"roles":["ORG_GROUP_CREATOR"]}"""));
        Reply get = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Get, $"{OrgInvites}/{id}"));
        Reply list = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Get, OrgInvites + "?username=cm.org%40acme.example"));
        Reply deleted = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Delete, $"{OrgInvites}/{id}"));

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("ORG_READ_ONLY", byUsername.Json.GetProperty("roles")[0].GetString());
        Assert.Equal("ORG_GROUP_CREATOR", byId.Json.GetProperty("roles")[0].GetString());
        Assert.Equal(id, get.Json.GetProperty("id").GetString());
        Assert.Equal(id, Assert.Single(list.Json.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
    }

    [Fact]
    public async Task CloudManagerRequiresDigestAuthentication()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.CloudManager(HttpMethod.Get, OrgInvites));

        reply.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Matches(DigestComputer.ChallengePattern, reply.Header("WWW-Authenticate")!);
    }

    [Fact]
    public async Task CloudManagerAppliesTheSameRoleChecksAndErrors()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply forbidden = await TestSimulator.SendAsync(sim.Digest(SimulatorDemo.ReadOnlyPublicKey, SimulatorDemo.ReadOnlyPrivateKey), TestSimulator.CloudManager(HttpMethod.Get, OrgInvites));
        Reply crossKind = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.CloudManager(HttpMethod.Delete, $"{GroupInvites}/{SimulatorDemo.RecentOrgInvitationId}"));
        Reply badId = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.CloudManager(HttpMethod.Get, $"{GroupInvites}/nope"));

        forbidden.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
        crossKind.AssertApiError(HttpStatusCode.BadRequest, "CANNOT_DELETE_ORG_INVITATION");
        badId.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task CloudManagerAlsoAcceptsServiceAccountTokens()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.CloudManager(HttpMethod.Get, GroupInvites + "?envelope=true"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(200, reply.Json.GetProperty("status").GetInt32());
    }
}
