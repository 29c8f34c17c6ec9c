using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class GroupInvitationTests
{
    [Fact]
    public async Task ListReturnsThePendingInvitationsOfOneProject()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites()));
        Reply empty = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites(SimulatorDemo.AnalyticsProjectId)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(
            new[] { SimulatorDemo.RecentGroupInvitationId, SimulatorDemo.StaleGroupInvitationId },
            reply.Json.EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray());
        Assert.Equal("[]", empty.Body);
    }

    [Fact]
    public async Task InvitationCarriesEveryGroupInvitationField()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvite(SimulatorDemo.StaleGroupInvitationId)));

        JsonElement invitation = reply.Json;
        Assert.Equal(SimulatorDemo.StaleGroupInvitationId, invitation.GetProperty("id").GetString());
        Assert.Equal(SimulatorDemo.ProductionProjectId, invitation.GetProperty("groupId").GetString());
        Assert.Equal("acme-production", invitation.GetProperty("groupName").GetString());
        Assert.Equal("mallory.chen@contractor.example", invitation.GetProperty("username").GetString());
        Assert.Equal("2026-02-11T12:00:00Z", invitation.GetProperty("createdAt").GetString());
        Assert.Equal("2026-03-13T12:00:00Z", invitation.GetProperty("expiresAt").GetString());
        Assert.Equal("GROUP_DATA_ACCESS_READ_WRITE", Assert.Single(invitation.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal("self", Assert.Single(invitation.GetProperty("links").EnumerateArray()).GetProperty("rel").GetString());
        Assert.False(invitation.TryGetProperty("orgId", out _));
        Assert.False(invitation.TryGetProperty("teamIds", out _));
    }

    [Fact]
    public async Task CreateAnswers200WithTheNewProjectInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.GroupInvites(SimulatorDemo.LabProjectId), """{"username":"lab.tech@globex.example","roles":["GROUP_OBSERVABILITY_VIEWER"]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("globex-lab", reply.Json.GetProperty("groupName").GetString());
        Assert.Equal(SimulatorDemo.PublicKey, reply.Json.GetProperty("inviterUsername").GetString());
        SeedInvitation stored = sim.State.FindInvitation(reply.Json.GetProperty("id").GetString()!)!;
        Assert.Equal(SimulatorDemo.LabProjectId, stored.GroupId);
        Assert.Null(stored.OrgId);
    }

    [Fact]
    public async Task UpdateByUsernameChangesProjectRoles()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.GroupInvites(SimulatorDemo.StagingProjectId), """{"username":"niaj.brown@acme.example","roles":["GROUP_OWNER"]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(SimulatorDemo.StagingGroupInvitationId, reply.Json.GetProperty("id").GetString());
        Assert.Equal("GROUP_OWNER", Assert.Single(sim.State.FindInvitation(SimulatorDemo.StagingGroupInvitationId)!.Roles));
    }

    [Fact]
    public async Task UpdateByUsernameRequiresTheUsername()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.GroupInvites(), """{"roles":["GROUP_OWNER"]}"""));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task UpdateByIdChangesProjectRoles()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.GroupInvite(SimulatorDemo.RecentGroupInvitationId), """{"roles":["GROUP_CLUSTER_MANAGER","GROUP_READ_ONLY"]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(new[] { "GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY" }, reply.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
    }

    [Fact]
    public async Task DeleteAnswers204AndRemovesTheInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.GroupInvite(SimulatorDemo.RecentGroupInvitationId)));

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal("", reply.Body);
        Assert.Single(sim.State.GetGroupInvitations(SimulatorDemo.ProductionProjectId));
    }

    [Fact]
    public async Task OrganizationInvitationThroughAProjectRouteAnswersCannotDeleteOrgInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply delete = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.GroupInvite(SimulatorDemo.RecentOrgInvitationId)));
        Reply get = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvite(SimulatorDemo.RecentOrgInvitationId)));

        delete.AssertApiError(HttpStatusCode.BadRequest, "CANNOT_DELETE_ORG_INVITATION");
        get.AssertApiError(HttpStatusCode.BadRequest, "CANNOT_DELETE_ORG_INVITATION");
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
    }

    [Fact]
    public async Task ProjectInvitationThroughAnOrganizationRouteAnswersCannotDeleteGroupInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply delete = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentGroupInvitationId)));
        Reply patch = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Patch, TestSimulator.OrgInvite(SimulatorDemo.RecentGroupInvitationId), """{"roles":["ORG_MEMBER"]}"""));

        delete.AssertApiError(HttpStatusCode.BadRequest, "CANNOT_DELETE_GROUP_INVITATION");
        patch.AssertApiError(HttpStatusCode.BadRequest, "CANNOT_DELETE_GROUP_INVITATION");
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.RecentGroupInvitationId));
    }

    [Fact]
    public async Task InvitationOfAnotherOrganizationIsNotFound()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply groupRoute = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.GroupInvite(SimulatorDemo.SecondOrgInvitationId)));
        Reply otherProject = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvite(SimulatorDemo.StagingGroupInvitationId)));

        groupRoute.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        otherProject.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task OrganizationRoleOnAProjectInvitationAnswers400()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.GroupInvites(), """{"username":"x@example.com","roles":["ORG_OWNER"]}"""));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        JsonElement field = Assert.Single(reply.Json.GetProperty("badRequestDetail").GetProperty("fields").EnumerateArray());
        Assert.Equal("roles[0]", field.GetProperty("field").GetString());
    }

    [Fact]
    public async Task DeletingAProjectInvitationKeepsTheOrganizationInvitationOfTheSameUser()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        Reply org = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), """{"username":"both@acme.example","roles":["ORG_MEMBER"]}"""));
        Reply group = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.GroupInvites(), """{"username":"both@acme.example","roles":["GROUP_READ_ONLY"]}"""));

        Reply delete = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.GroupInvite(group.Json.GetProperty("id").GetString()!)));

        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.NotNull(sim.State.FindInvitation(org.Json.GetProperty("id").GetString()!));
    }
}
