using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>The users operations' two resource versions: 2025-02-19 (pending and active) and the deprecated 2023-01-01 (active only).</summary>
public sealed class UserVersioningTests
{
    [Theory]
    [InlineData("application/vnd.atlas.2025-02-19+json")]
    [InlineData("application/vnd.atlas.2025-03-12+json")]
    public async Task AcceptFrom20250219GetsPendingAndActiveUsersWithoutDeprecation(string accept)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers(), accept: accept));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(UserPaths.CurrentContentType, reply.ContentType);
        Assert.Null(reply.Header("Deprecation"));
        Assert.Null(reply.Header("Sunset"));
        string[] ids = Ids(reply);
        Assert.Contains(SimulatorDemo.RecentOrgInvitationId, ids);
        Assert.Contains(SimulatorDemo.AdminUserId, ids);
    }

    [Theory]
    [InlineData("application/vnd.atlas.2023-01-01+json")]
    [InlineData("application/vnd.atlas.2024-05-30+json")]
    [InlineData("application/vnd.atlas.2025-02-18+json")]
    public async Task AcceptBefore20250219GetsActiveCloudAppUsersWithDeprecationAndNoSunset(string accept)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers(), accept: accept));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(TestSimulator.AtlasContentType, reply.ContentType);
        Assert.Equal("Wed, 19 Feb 2025 00:00:00 GMT", reply.Header("Deprecation"));
        Assert.Null(reply.Header("Sunset"));
        Assert.Equal(
            new[] { SimulatorDemo.AdminUserId, SimulatorDemo.AcceptedUserId, SimulatorDemo.ProjectMemberUserId, SimulatorDemo.TwoOrgMemberUserId },
            Ids(reply));
        JsonElement trent = reply.Json.GetProperty("results").EnumerateArray().Single(u => u.GetProperty("id").GetString() == SimulatorDemo.TwoOrgMemberUserId);
        Assert.Equal(SimulatorDemo.TwoOrgMemberUsername, trent.GetProperty("emailAddress").GetString());
        Assert.False(trent.TryGetProperty("orgMembershipStatus", out _));

        // Only the roles inside this organization: Globex roles stay out of Acme's list.
        Assert.Equal(
            new[] { $"org {SimulatorDemo.OrgId} ORG_MEMBER", $"group {SimulatorDemo.StagingProjectId} GROUP_READ_ONLY" },
            trent.GetProperty("roles").EnumerateArray().Select(r => r.TryGetProperty("orgId", out JsonElement org) ? $"org {org} {r.GetProperty("roleName")}" : $"group {r.GetProperty("groupId")} {r.GetProperty("roleName")}"));
    }

    [Fact]
    public async Task LegacyProjectListShowsActiveProjectUsersOnly()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply legacy = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers(SimulatorDemo.StagingProjectId), accept: UserPaths.LegacyAccept));
        Reply current = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers(SimulatorDemo.StagingProjectId)));

        Assert.Equal(new[] { SimulatorDemo.TwoOrgMemberUserId }, Ids(legacy));
        Assert.Equal(new[] { SimulatorDemo.OrgInvitationWithProjectRoleId, SimulatorDemo.TwoOrgMemberUserId }, Ids(current));
    }

    [Theory]
    [InlineData("GET", "org")]
    [InlineData("PATCH", "org")]
    [InlineData("POST", "orgs")]
    [InlineData("GET", "group")]
    [InlineData("POST", "groups")]
    [InlineData("POST", "addRole")]
    public async Task OperationsNewIn20250219Answer406AtTheLegacyVersion(string method, string target)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string path = target switch
        {
            "org" => UserPaths.OrgUser(SimulatorDemo.AdminUserId),
            "orgs" => UserPaths.OrgUsers(),
            "group" => UserPaths.GroupUser(SimulatorDemo.ProjectMemberUserId),
            "groups" => UserPaths.GroupUsers(),
            _ => UserPaths.GroupUser(SimulatorDemo.ProjectMemberUserId) + ":addRole",
        };
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(new HttpMethod(method), path, method == "GET" ? null : "{}", UserPaths.LegacyAccept));

        reply.AssertApiError(HttpStatusCode.NotAcceptable, "INVALID_VERSION_DATE");
        Assert.Equal(0, sim.State.Version);
    }

    [Theory]
    [InlineData("username=carol.nguyen%40acme.example", "username")]
    [InlineData("orgMembershipStatus=ACTIVE", "orgMembershipStatus")]
    public async Task LegacyListRefusesTheFiltersItDoesNotHave(string query, string parameter)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?" + query, accept: UserPaths.LegacyAccept));

        reply.AssertApiError(HttpStatusCode.BadRequest, "INVALID_QUERY_PARAMETER");
        Assert.Equal(parameter, reply.Json.GetProperty("parameters")[0].GetString());
    }

    [Fact]
    public async Task LegacyRemoveTakesActiveUsersButNotPendingOnes()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply pending = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.RecentOrgInvitationId), accept: UserPaths.LegacyAccept));
        Reply active = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.ProjectMemberUserId), accept: UserPaths.LegacyAccept));
        Reply projectPending = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.GroupUser(SimulatorDemo.OrgInvitationWithProjectRoleId, SimulatorDemo.StagingProjectId), accept: UserPaths.LegacyAccept));

        pending.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        projectPending.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal(HttpStatusCode.NoContent, active.Status);
        Assert.Equal("", active.Body);
        Assert.Equal("Wed, 19 Feb 2025 00:00:00 GMT", active.Header("Deprecation"));
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
        Assert.Empty(sim.State.GetUsers().Single(u => u.Id == SimulatorDemo.ProjectMemberUserId).Roles);
    }

    private static string[] Ids(Reply reply)
        => reply.Json.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToArray();
}
