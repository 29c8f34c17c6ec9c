using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>The users API and the invitations API on one state: an organization invitation is a pending organization user.</summary>
public sealed class UserSharedStateTests
{
    [Fact]
    public async Task AnOrganizationInvitationIsAPendingUserWithTheInvitationsId()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply invited = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), """{"username":"Zoe.Quinn@acme.example","roles":["ORG_BILLING_ADMIN"],"teamIds":["67d0e1f2a3b4c5d6e7f80a09"]}"""));
        string id = invited.Json.GetProperty("id").GetString()!;

        Reply user = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(id)));

        Assert.Equal(HttpStatusCode.OK, user.Status);
        JsonElement json = user.Json;
        Assert.Equal("PENDING", json.GetProperty("orgMembershipStatus").GetString());
        Assert.Equal("Zoe.Quinn@acme.example", json.GetProperty("username").GetString());
        Assert.Equal("ORG_BILLING_ADMIN", json.GetProperty("roles").GetProperty("orgRoles")[0].GetString());
        Assert.Equal("67d0e1f2a3b4c5d6e7f80a09", json.GetProperty("teamIds")[0].GetString());
        Assert.Equal(invited.Json.GetProperty("createdAt").GetString(), json.GetProperty("invitationCreatedAt").GetString());
        Assert.Equal(invited.Json.GetProperty("expiresAt").GetString(), json.GetProperty("invitationExpiresAt").GetString());
    }

    [Fact]
    public async Task RemovingAPendingUserCancelsItsInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply removed = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.StaleOrgInvitationId)));
        Reply invitation = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.StaleOrgInvitationId)));
        Reply again = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.StaleOrgInvitationId)));

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal("", removed.Body);
        invitation.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        again.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task CreatedOrganizationUserIsAnInvitationToo()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply created = await TestSimulator.SendAsync(client, TestSimulator.Atlas(
            HttpMethod.Post,
            UserPaths.OrgUsers(),
            $$$"""{"username":"new.hire@acme.example","roles":{"orgRoles":["ORG_MEMBER"],"groupRoleAssignments":[{"groupId":"{{{SimulatorDemo.AnalyticsProjectId}}}","groupRoles":["GROUP_READ_ONLY","GROUP_CLUSTER_MANAGER"]}]},"teamIds":[]}"""));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(UserPaths.CurrentContentType, created.ContentType);
        string id = created.Json.GetProperty("id").GetString()!;
        Reply invitation = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(id)));
        Assert.Equal(HttpStatusCode.OK, invitation.Status);
        Assert.Equal("new.hire@acme.example", invitation.Json.GetProperty("username").GetString());
        Assert.Equal(new[] { "ORG_MEMBER" }, invitation.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(
            new[] { "GROUP_READ_ONLY", "GROUP_CLUSTER_MANAGER" },
            invitation.Json.GetProperty("groupRoleAssignments").EnumerateArray().Select(a => a.GetProperty("groupRole").GetString()));
        Assert.Equal(SimulatorDemo.PublicKey, invitation.Json.GetProperty("inviterUsername").GetString());
    }

    [Theory]
    [InlineData("CAROL.NGUYEN@acme.example")]
    [InlineData(SimulatorDemo.ProjectMemberUsername)]
    public async Task CreatingAUserAlreadyPendingOrActiveIsAConflict(string username)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Post, UserPaths.OrgUsers(), $$$"""{"username":"{{{username}}}","roles":{"orgRoles":["ORG_MEMBER"]}}"""));

        reply.AssertApiError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(0, sim.State.Version);
    }

    [Fact]
    public async Task ProjectInvitationsAreInvisibleToTheUsersApi()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply orgList = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers()));
        Reply projectList = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers(SimulatorDemo.ProductionProjectId) + "?includeOrgUsers=true"));
        Reply get = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(SimulatorDemo.StaleGroupInvitationId)));
        Reply getInProject = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUser(SimulatorDemo.StaleGroupInvitationId)));
        Reply remove = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.StaleGroupInvitationId)));
        Reply removeFromProject = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.GroupUser(SimulatorDemo.StaleGroupInvitationId)));

        Assert.DoesNotContain("mallory.chen@contractor.example", Usernames(orgList));
        Assert.DoesNotContain("judy.alvarez@acme.example", Usernames(orgList));
        Assert.DoesNotContain("mallory.chen@contractor.example", Usernames(projectList));
        get.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        getInProject.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        remove.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        removeFromProject.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.StaleGroupInvitationId));
    }

    [Fact]
    public async Task DeletingAProjectInvitationKeepsTheOrganizationInvitationOfTheSameUser()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply orgInvite = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), """{"username":"both@acme.example","roles":["ORG_MEMBER"]}"""));
        Reply projectInvite = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.GroupInvites(), """{"username":"both@acme.example","roles":["GROUP_READ_ONLY"]}"""));

        await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.GroupInvite(projectInvite.Json.GetProperty("id").GetString()!)));
        Reply pending = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?username=both%40acme.example"));

        Assert.Equal(new[] { orgInvite.Json.GetProperty("id").GetString() }, pending.Json.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AcceptedInvitationIsNoPendingUser()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(SimulatorDemo.AcceptedOrgInvitationId)));
        Reply active = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?username=grace.hopper%40acme.example"));

        reply.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        JsonElement grace = Assert.Single(active.Json.GetProperty("results").EnumerateArray());
        Assert.Equal("ACTIVE", grace.GetProperty("orgMembershipStatus").GetString());
        Assert.Equal(SimulatorDemo.AcceptedUserId, grace.GetProperty("id").GetString());
    }

    [Fact]
    public async Task UpdatingAPendingUserUpdatesItsInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply updated = await TestSimulator.SendAsync(client, TestSimulator.Atlas(
            HttpMethod.Patch,
            UserPaths.OrgUser(SimulatorDemo.OrgInvitationWithProjectRoleId),
            $$$"""{"roles":{"orgRoles":["ORG_GROUP_CREATOR"],"groupRoleAssignments":[{"groupId":"{{{SimulatorDemo.ProductionProjectId}}}","groupRoles":["GROUP_OWNER"]}]},"teamIds":[]}"""));

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        SeedInvitation invitation = sim.State.FindInvitation(SimulatorDemo.OrgInvitationWithProjectRoleId)!;
        Assert.Equal(new[] { "ORG_GROUP_CREATOR" }, invitation.Roles);
        Assert.Equal(new[] { (SimulatorDemo.ProductionProjectId, "GROUP_OWNER") }, invitation.GroupRoleAssignments.Select(a => (a.GroupId, a.GroupRole)));
        Assert.Empty(invitation.TeamIds);
        Assert.Equal("GROUP_OWNER", updated.Json.GetProperty("roles").GetProperty("groupRoleAssignments")[0].GetProperty("groupRoles")[0].GetString());
    }

    [Fact]
    public async Task UpdatingAnActiveUserReplacesItsRolesInTheOrganizationOnly()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply updated = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(
            HttpMethod.Patch,
            UserPaths.OrgUser(SimulatorDemo.TwoOrgMemberUserId),
            """{"roles":{"orgRoles":["ORG_READ_ONLY"],"groupRoleAssignments":[]}}"""));

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("ACTIVE", updated.Json.GetProperty("orgMembershipStatus").GetString());
        SeedUser trent = sim.State.GetUsers().Single(u => u.Id == SimulatorDemo.TwoOrgMemberUserId);
        Assert.Equal(
            new[] { $"{SimulatorDemo.SecondOrgId}/ ORG_MEMBER", $"/{SimulatorDemo.LabProjectId} GROUP_READ_ONLY", $"{SimulatorDemo.OrgId}/ ORG_READ_ONLY" },
            trent.Roles.Select(r => $"{r.OrgId}/{r.GroupId} {r.RoleName}"));
    }

    [Fact]
    public async Task RemovingAnActiveUserFromAnOrganizationTakesItsRolesThereOnly()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply removed = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.TwoOrgMemberUserId)));
        Reply inAcme = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(SimulatorDemo.TwoOrgMemberUserId)));
        Reply inGlobex = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(SimulatorDemo.TwoOrgMemberUserId, SimulatorDemo.SecondOrgId)));
        Reply inStaging = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUser(SimulatorDemo.TwoOrgMemberUserId, SimulatorDemo.StagingProjectId)));

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        inAcme.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        inStaging.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal(HttpStatusCode.OK, inGlobex.Status);
    }

    [Fact]
    public async Task AddingAPendingUserToAProjectAddsTheRolesToItsInvitation()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply added = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Post, UserPaths.GroupUsers(SimulatorDemo.ProductionProjectId), """{"username":"carol.nguyen@acme.example","roles":["GROUP_READ_ONLY"]}"""));

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal(SimulatorDemo.RecentOrgInvitationId, added.Json.GetProperty("id").GetString());
        Assert.Equal("PENDING", added.Json.GetProperty("orgMembershipStatus").GetString());
        Assert.Equal(new[] { "GROUP_READ_ONLY" }, added.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        SeedInvitation invitation = sim.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId)!;
        Assert.Equal(new[] { (SimulatorDemo.ProductionProjectId, "GROUP_READ_ONLY") }, invitation.GroupRoleAssignments.Select(a => (a.GroupId, a.GroupRole)));
        Assert.Equal(11, sim.State.GetInvitations().Count);
    }

    [Fact]
    public async Task AddingAnUnknownUserToAProjectInvitesItToTheOrganization()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply added = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, UserPaths.GroupUsers(SimulatorDemo.StagingProjectId), """{"username":"outsider@example.org","roles":["GROUP_CLUSTER_MANAGER"]}"""));

        Assert.Equal(HttpStatusCode.Created, added.Status);
        string id = added.Json.GetProperty("id").GetString()!;
        SeedInvitation invitation = sim.State.FindInvitation(id)!;
        Assert.Equal(SimulatorDemo.OrgId, invitation.OrgId);
        Assert.Null(invitation.GroupId);
        Assert.Equal(new[] { "ORG_MEMBER" }, invitation.Roles);
        Assert.Equal(new[] { (SimulatorDemo.StagingProjectId, "GROUP_CLUSTER_MANAGER") }, invitation.GroupRoleAssignments.Select(a => (a.GroupId, a.GroupRole)));
        Reply listed = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers(SimulatorDemo.StagingProjectId) + "?orgMembershipStatus=PENDING"));
        Assert.Contains(id, listed.Json.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AddingAnActiveOrganizationMemberToAProjectGrantsTheRoles()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply added = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, UserPaths.GroupUsers(SimulatorDemo.AnalyticsProjectId), $$"""{"username":"{{SimulatorDemo.ProjectMemberUsername}}","roles":["GROUP_READ_ONLY"]}"""));
        Reply again = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, UserPaths.GroupUsers(SimulatorDemo.AnalyticsProjectId), $$"""{"username":"{{SimulatorDemo.ProjectMemberUsername}}","roles":["GROUP_OWNER"]}"""));
        Reply get = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUser(SimulatorDemo.ProjectMemberUserId, SimulatorDemo.AnalyticsProjectId)));

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal("ACTIVE", added.Json.GetProperty("orgMembershipStatus").GetString());
        again.AssertApiError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(new[] { "GROUP_READ_ONLY" }, get.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(11, sim.State.GetInvitations().Count);
    }

    [Fact]
    public async Task RemovingAPendingUserFromAProjectKeepsItsInvitationWithoutThatProject()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply removed = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.GroupUser(SimulatorDemo.OrgInvitationWithProjectRoleId, SimulatorDemo.StagingProjectId)));
        Reply inProject = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUser(SimulatorDemo.OrgInvitationWithProjectRoleId, SimulatorDemo.StagingProjectId)));
        Reply inOrg = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(SimulatorDemo.OrgInvitationWithProjectRoleId)));

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        inProject.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("PENDING", inOrg.Json.GetProperty("orgMembershipStatus").GetString());
        Assert.Empty(sim.State.FindInvitation(SimulatorDemo.OrgInvitationWithProjectRoleId)!.GroupRoleAssignments);
    }

    [Fact]
    public async Task ProjectRolesCanBeAddedAndRemovedButNotTheLastOne()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        string user = UserPaths.GroupUser(SimulatorDemo.OrgInvitationWithProjectRoleId, SimulatorDemo.StagingProjectId);
        Reply added = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, user + ":addRole", """{"groupRole":"GROUP_OWNER"}"""));
        Reply removed = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, user + ":removeRole", """{"groupRole":"GROUP_READ_ONLY"}"""));
        Reply last = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, user + ":removeRole", """{"groupRole":"GROUP_OWNER"}"""));
        Reply invalid = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, user + ":addRole", """{"groupRole":"ORG_OWNER"}"""));

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(
            new[] { "GROUP_READ_ONLY", "GROUP_OWNER" },
            added.Json.GetProperty("roles").GetProperty("groupRoleAssignments")[0].GetProperty("groupRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        last.AssertApiError(HttpStatusCode.Conflict, "CONFLICT");
        invalid.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(new[] { "GROUP_OWNER" }, sim.State.FindInvitation(SimulatorDemo.OrgInvitationWithProjectRoleId)!.GroupRoleAssignments.Select(a => a.GroupRole));
    }

    private static string[] Usernames(Reply reply)
        => reply.Json.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToArray();
}
