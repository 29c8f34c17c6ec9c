using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class ErrorResponseTests
{
    [Fact]
    public async Task MalformedOrgIdAnswers400ValidationErrorWithBadRequestDetail()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites("64B0C1D2E3F4A5B6C7D8E901")));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        JsonElement json = reply.Json;
        Assert.Equal("Bad Request", json.GetProperty("reason").GetString());
        Assert.Equal("64B0C1D2E3F4A5B6C7D8E901", Assert.Single(json.GetProperty("parameters").EnumerateArray()).GetString());
        JsonElement field = Assert.Single(json.GetProperty("badRequestDetail").GetProperty("fields").EnumerateArray());
        Assert.Equal("orgId", field.GetProperty("field").GetString());
        Assert.Contains("^([a-f0-9]{24})$", field.GetProperty("description").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedGroupAndInvitationIdsAreBothReported()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, "api/atlas/v2/groups/short/invites/also-not-an-id"));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        string?[] fields = reply.Json.GetProperty("badRequestDetail").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()).ToArray();
        Assert.Equal(new[] { "groupId", "invitationId" }, fields);
    }

    [Fact]
    public async Task UnknownOrganizationAnswers404ResourceNotFound()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites("0123456789abcdef01234567")));

        reply.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("Not Found", reply.Json.GetProperty("reason").GetString());
        Assert.Equal("0123456789abcdef01234567", Assert.Single(reply.Json.GetProperty("parameters").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task UnknownProjectAnswers404ResourceNotFound()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.GroupInvites("0123456789abcdef01234567"), """{"username":"x@example.com","roles":["GROUP_OWNER"]}"""));

        reply.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task UnknownInvitationAnswers404ResourceNotFound()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply get = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite("ffffffffffffffffffffffff")));
        Reply delete = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.GroupInvite("ffffffffffffffffffffffff")));

        get.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        delete.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task MissingBodyAnswers400ValidationError()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites()));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Theory]
    [InlineData("{\"username\":")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"username\":\"x@example.com\",\"roles\":\"ORG_MEMBER\"}")]
    public async Task MalformedJsonBodyAnswers400ValidationError(string body)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), body));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(4, sim.State.GetOrgInvitations(SimulatorDemo.OrgId).Count(i => !i.Accepted));
    }

    [Fact]
    public async Task EveryInvalidFieldIsReported()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(
            HttpMethod.Post,
            TestSimulator.OrgInvites(),
            $$"""{"username":"not-an-email","roles":["ORG_OWNER","GROUP_OWNER"],"teamIds":["xyz"],"groupRoleAssignments":[{"groupId":"{{SimulatorDemo.LabProjectId}}","groupRole":"GROUP_OWNER"}]}"""));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        string?[] fields = reply.Json.GetProperty("badRequestDetail").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()).ToArray();
        Assert.Equal(new[] { "teamIds[0]", "groupRoleAssignments[0].groupId", "username", "roles[1]" }, fields);
    }

    [Fact]
    public async Task CreateWithoutUsernameAndRolesReportsBoth()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.GroupInvites(), "{}"));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        string?[] fields = reply.Json.GetProperty("badRequestDetail").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()).ToArray();
        Assert.Equal(new[] { "username", "roles" }, fields);
    }

    [Fact]
    public async Task UnknownResourceUnderTheApiAnswers404AfterAuthentication()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply unauthenticated = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/clusters"));
        Reply authenticated = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, "api/atlas/v2/clusters"));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
        authenticated.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task UnsupportedMethodAnswers405WithAllow()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply collection = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvites()));
        Reply item = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId), "{}"));

        collection.AssertApiError(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Equal("GET, POST, PATCH", collection.Header("Allow"));
        Assert.Equal("GET, PATCH, DELETE", item.Header("Allow"));
    }
}
