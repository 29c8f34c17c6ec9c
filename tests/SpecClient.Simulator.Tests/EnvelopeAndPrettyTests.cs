using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class EnvelopeAndPrettyTests
{
    [Fact]
    public async Task EnvelopeWrapsASingleResourceAndKeepsTheHttpStatus()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId) + "?envelope=true"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(TestSimulator.AtlasContentType, reply.ContentType);
        Assert.StartsWith("{\"status\":200,\"content\":{", reply.Body, System.StringComparison.Ordinal);
        Assert.Equal(SimulatorDemo.RecentOrgInvitationId, reply.Json.GetProperty("content").GetProperty("id").GetString());
    }

    [Fact]
    public async Task EnvelopeWrapsABareArrayList()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites() + "?envelope=true"));

        JsonElement json = reply.Json;
        Assert.Equal(200, json.GetProperty("status").GetInt32());
        Assert.Equal(2, json.GetProperty("content").GetArrayLength());
    }

    [Fact]
    public async Task EnvelopeWrapsErrorsAndKeepsTheHttpStatus()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite("ffffffffffffffffffffffff") + "?envelope=true"));

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(404, reply.Json.GetProperty("status").GetInt32());
        Assert.Equal("RESOURCE_NOT_FOUND", reply.Json.GetProperty("content").GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task EnvelopeWrapsTheUnauthorizedError()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites() + "?envelope=true"));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(401, reply.Json.GetProperty("status").GetInt32());
        Assert.Equal(401, reply.Json.GetProperty("content").GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task EnvelopeOnDeleteKeeps204WithoutABody()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId) + "?envelope=true"));

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal("", reply.Body);
    }

    [Fact]
    public async Task EnvelopeFalseLeavesTheBodyBare()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites() + "?envelope=false"));

        Assert.Equal(JsonValueKind.Array, reply.Json.ValueKind);
    }

    [Fact]
    public async Task PrettyIndentsTheSameContent()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply compact = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));
        Reply pretty = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId) + "?pretty=true"));

        Assert.DoesNotContain("\n", compact.Body, System.StringComparison.Ordinal);
        Assert.Contains("\n  \"id\": \"" + SimulatorDemo.RecentOrgInvitationId + "\"", pretty.Body, System.StringComparison.Ordinal);
        Assert.True(JsonElement.DeepEquals(compact.Json, pretty.Json));
    }

    [Fact]
    public async Task PrettyAndEnvelopeCombine()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites("ffffffffffffffffffffffff") + "?pretty=true&envelope=true"));

        Assert.StartsWith("{\n  \"status\": 404,\n  \"content\": {", reply.Body, System.StringComparison.Ordinal);
    }
}
