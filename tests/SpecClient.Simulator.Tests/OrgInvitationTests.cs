using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class OrgInvitationTests
{
    private const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$";

    [Fact]
    public async Task ListReturnsPendingInvitationsAsABareArray()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement list = reply.Json;
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        string[] ids = list.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(
            new[] { SimulatorDemo.RecentOrgInvitationId, SimulatorDemo.OrgInvitationWithProjectRoleId, SimulatorDemo.StaleOrgInvitationId, SimulatorDemo.OldOrgInvitationId },
            ids);
        Assert.DoesNotContain(SimulatorDemo.AcceptedOrgInvitationId, ids);
    }

    [Fact]
    public async Task InvitationCarriesEveryOrganizationInvitationField()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.OrgInvitationWithProjectRoleId)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement invitation = reply.Json;
        Assert.Equal(SimulatorDemo.OrgInvitationWithProjectRoleId, invitation.GetProperty("id").GetString());
        Assert.Equal(SimulatorDemo.OrgId, invitation.GetProperty("orgId").GetString());
        Assert.Equal(SimulatorDemo.OrgName, invitation.GetProperty("orgName").GetString());
        Assert.Equal("dave.okafor@acme.example", invitation.GetProperty("username").GetString());
        Assert.Equal(SimulatorDemo.AdminUsername, invitation.GetProperty("inviterUsername").GetString());
        Assert.Equal("2026-02-26T12:00:00Z", invitation.GetProperty("createdAt").GetString());
        Assert.Equal("2026-03-28T12:00:00Z", invitation.GetProperty("expiresAt").GetString());
        Assert.Equal("ORG_READ_ONLY", Assert.Single(invitation.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal("67d0e1f2a3b4c5d6e7f80a01", Assert.Single(invitation.GetProperty("teamIds").EnumerateArray()).GetString());
        JsonElement assignment = Assert.Single(invitation.GetProperty("groupRoleAssignments").EnumerateArray());
        Assert.Equal(SimulatorDemo.StagingProjectId, assignment.GetProperty("groupId").GetString());
        Assert.Equal("GROUP_READ_ONLY", assignment.GetProperty("groupRole").GetString());
        JsonElement link = Assert.Single(invitation.GetProperty("links").EnumerateArray());
        Assert.Equal("self", link.GetProperty("rel").GetString());
        Assert.Equal(new Uri(sim.Simulator.BaseAddress, TestSimulator.OrgInvite(SimulatorDemo.OrgInvitationWithProjectRoleId)).ToString(), link.GetProperty("href").GetString());
    }

    [Fact]
    public async Task ListFiltersByUsernameIgnoringCase()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites() + "?username=Erin.Schmidt%40contractor.example"));
        Reply none = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites() + "?username=nobody%40example.com"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(SimulatorDemo.StaleOrgInvitationId, Assert.Single(reply.Json.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, none.Json.GetArrayLength());
    }

    [Fact]
    public async Task ListWithAMalformedUsernameAnswers400()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites() + "?username=not-an-email"));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("username", Assert.Single(reply.Json.GetProperty("badRequestDetail").GetProperty("fields").EnumerateArray()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task CreateAnswers200WithTheNewInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Clock.Advance(TimeSpan.FromMilliseconds(700));

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(
            HttpMethod.Post,
            TestSimulator.OrgInvites(),
            $$"""{"username":"new.hire+ops@acme.example","roles":["ORG_MEMBER","ORG_MEMBER","ORG_BILLING_READ_ONLY"],"teamIds":["aaaaaaaaaaaaaaaaaaaaaaaa"],"groupRoleAssignments":[{"groupId":"{{SimulatorDemo.AnalyticsProjectId}}","groupRole":"GROUP_SEARCH_INDEX_EDITOR"}]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(TestSimulator.AtlasContentType, reply.ContentType);
        JsonElement invitation = reply.Json;
        string id = invitation.GetProperty("id").GetString()!;
        Assert.Matches("^[a-f0-9]{24}$", id);
        Assert.Contains("\"new.hire+ops@acme.example\"", reply.Body, StringComparison.Ordinal);
        Assert.Equal(SimulatorDemo.ClientId, invitation.GetProperty("inviterUsername").GetString());
        Assert.Equal("2026-03-01T12:00:00Z", invitation.GetProperty("createdAt").GetString());
        Assert.Equal("2026-03-31T12:00:00Z", invitation.GetProperty("expiresAt").GetString());
        Assert.Equal(new[] { "ORG_MEMBER", "ORG_BILLING_READ_ONLY" }, invitation.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
        Assert.Equal(SimulatorDemo.AnalyticsProjectId, Assert.Single(invitation.GetProperty("groupRoleAssignments").EnumerateArray()).GetProperty("groupId").GetString());

        SeedInvitation stored = sim.State.FindInvitation(id)!;
        Assert.Equal(SimulatorDemo.OrgId, stored.OrgId);
        Assert.Null(stored.GroupId);
        Assert.Equal("new.hire+ops@acme.example", stored.Username);
    }

    [Fact]
    public async Task TimestampsAreIsoUtcWithoutFractions()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Clock.Advance(TimeSpan.FromMilliseconds(1234));

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), """{"username":"ts@example.com","roles":["ORG_MEMBER"]}"""));

        Assert.Matches(TimestampPattern, reply.Json.GetProperty("createdAt").GetString()!);
        Assert.Matches(TimestampPattern, reply.Json.GetProperty("expiresAt").GetString()!);
        DateTimeOffset created = DateTimeOffset.Parse(reply.Json.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture);
        DateTimeOffset expires = DateTimeOffset.Parse(reply.Json.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(30), expires - created);
    }

    [Fact]
    public async Task CreatingASecondPendingInvitationForTheSameUserAnswers409()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), """{"username":"CAROL.NGUYEN@acme.example","roles":["ORG_MEMBER"]}"""));

        reply.AssertApiError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(4, sim.State.GetOrgInvitations(SimulatorDemo.OrgId).Count(i => !i.Accepted));
    }

    [Fact]
    public async Task UpdateByUsernameChangesThePendingInvitationOfThatUser()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.OrgInvites(), """{"username":"frank.li@acme.example","roles":["ORG_BILLING_READ_ONLY","ORG_MEMBER"]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(SimulatorDemo.OldOrgInvitationId, reply.Json.GetProperty("id").GetString());
        Assert.Equal(new[] { "ORG_BILLING_READ_ONLY", "ORG_MEMBER" }, sim.State.FindInvitation(SimulatorDemo.OldOrgInvitationId)!.Roles);
    }

    [Fact]
    public async Task UpdateByUsernameWithoutAPendingInvitationAnswers404()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply unknown = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.OrgInvites(), """{"username":"nobody@example.com","roles":["ORG_MEMBER"]}"""));
        Reply accepted = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.OrgInvites(), """{"username":"grace.hopper@acme.example","roles":["ORG_MEMBER"]}"""));

        unknown.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        accepted.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task UpdateByIdChangesOnlyTheFieldsSent()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.OrgInvite(SimulatorDemo.OrgInvitationWithProjectRoleId), """{"roles":["ORG_GROUP_CREATOR"]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        SeedInvitation stored = sim.State.FindInvitation(SimulatorDemo.OrgInvitationWithProjectRoleId)!;
        Assert.Equal("ORG_GROUP_CREATOR", Assert.Single(stored.Roles));
        Assert.Equal("67d0e1f2a3b4c5d6e7f80a01", Assert.Single(stored.TeamIds));
        Assert.Single(stored.GroupRoleAssignments);
        Assert.Equal(TestSimulator.Start - TimeSpan.FromDays(3), stored.CreatedAt);
    }

    [Fact]
    public async Task UpdateByIdCanClearTeams()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.OrgInvite(SimulatorDemo.OrgInvitationWithProjectRoleId), """{"teamIds":[],"groupRoleAssignments":[]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0, reply.Json.GetProperty("teamIds").GetArrayLength());
        Assert.Empty(sim.State.FindInvitation(SimulatorDemo.OrgInvitationWithProjectRoleId)!.GroupRoleAssignments);
    }

    [Fact]
    public async Task DeleteAnswers204WithNoBody()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply deleted = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.StaleOrgInvitationId)));
        Reply after = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.StaleOrgInvitationId)));

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Body);
        Assert.Null(deleted.ContentType);
        after.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Null(sim.State.FindInvitation(SimulatorDemo.StaleOrgInvitationId));
    }

    [Fact]
    public async Task AcceptedInvitationCannotBeDeletedOrChanged()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply delete = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.AcceptedOrgInvitationId)));
        Reply patch = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.OrgInvite(SimulatorDemo.AcceptedOrgInvitationId), """{"roles":["ORG_MEMBER"]}"""));
        Reply get = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.AcceptedOrgInvitationId)));

        delete.AssertApiError(HttpStatusCode.BadRequest, "DEFAULT_INVITATION_EXCEPTION");
        patch.AssertApiError(HttpStatusCode.BadRequest, "DEFAULT_INVITATION_EXCEPTION");
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal("ORG_OWNER", Assert.Single(sim.State.FindInvitation(SimulatorDemo.AcceptedOrgInvitationId)!.Roles));
    }

    [Fact]
    public async Task InvitationAcceptedThroughTheStateLeavesTheListAndCannotBeDeleted()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Assert.True(sim.State.AcceptInvitation(SimulatorDemo.RecentOrgInvitationId));
        Reply list = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply delete = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));

        Assert.Equal(3, list.Json.GetArrayLength());
        delete.AssertApiError(HttpStatusCode.BadRequest, "DEFAULT_INVITATION_EXCEPTION");
    }

    [Fact]
    public async Task InvitationAddedThroughTheStateIsServed()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        SeedInvitation added = sim.State.AddInvitation(new SeedInvitation
        {
            OrgId = SimulatorDemo.SecondOrgId,
            Username = "ancient@globex.example",
            CreatedAt = TestSimulator.Start - TimeSpan.FromDays(40),
            Roles = { "ORG_MEMBER" },
        });

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(added.Id, SimulatorDemo.SecondOrgId)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("2026-01-20T12:00:00Z", reply.Json.GetProperty("createdAt").GetString());
        Assert.Equal("2026-02-19T12:00:00Z", reply.Json.GetProperty("expiresAt").GetString());
    }
}
