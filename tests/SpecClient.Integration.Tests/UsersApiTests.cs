using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;
using Latest = SpecClient.Atlas.V20250312;
using Older = SpecClient.Atlas.V20231115;

#pragma warning disable CS0618 // The invitation operations are deprecated (sunset 2027-07-01): these tests show what replaces them.

namespace SpecClient.Integration.Tests;

/// <summary>
/// The bundled clients' users operations, which replace the invitations, against the simulator through the runtime's
/// whole chain: resource version 2025-02-19 (the 2025-03-12 client) sees pending users, 2023-01-01 (older clients)
/// active users only, and past the invitations' sunset only the users API answers.
/// </summary>
public sealed class UsersApiTests
{
    [Fact]
    public async Task PendingOrganizationUsersAreTheOrganizationInvitationsAndRemovingOneCancelsIt()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new Latest.AtlasClient(server.Http(server.ApiKey()), server.BaseAddress);
        string[] invited = server.Simulator.State.GetOrgInvitations(SimulatorDemo.OrgId).Where(i => !i.Accepted).Select(i => i.Username).Order().ToArray();

        Latest.OrgUserResponse[] pending = await atlas.Users
            .ListOrganizationUsersItemsAsync(new() { OrgId = SimulatorDemo.OrgId, OrgMembershipStatus = Latest.OrgMembershipStatus.Pending, ItemsPerPage = 2 })
            .ToArrayAsync();

        // Read across pages, each item typed by its orgMembershipStatus.
        Assert.Equal(invited, pending.Select(u => u.Username).Order());
        Latest.OrgPendingUserResponse erin = Assert.IsType<Latest.OrgPendingUserResponse>(Assert.Single(pending, u => u.Id == SimulatorDemo.StaleOrgInvitationId));
        Assert.Equal(["ORG_MEMBER"], erin.Roles!.OrgRoles!.Select(r => r.Value));
        Assert.Equal(TestServer.Start.AddDays(-16), erin.InvitationCreatedAt);

        await atlas.Users.RemoveOrganizationUserAsync(SimulatorDemo.OrgId, erin.Id!);

        ApiException gone = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.GetOrgInviteAsync(SimulatorDemo.OrgId, SimulatorDemo.StaleOrgInvitationId));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(server.Simulator.State.FindInvitation(SimulatorDemo.StaleOrgInvitationId));
    }

    [Fact]
    public async Task UsersFoundByUsernameAreActiveOrPendingAndProjectInvitationsStayOutOfSight()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new Latest.AtlasClient(server.Http(server.ServiceAccount()), server.BaseAddress);

        Latest.PaginatedOrgUserView admin = await atlas.Users.ListOrganizationUsersAsync(new Latest.ListOrganizationUsersParams { OrgId = SimulatorDemo.OrgId, Username = SimulatorDemo.AdminUsername });
        Latest.PaginatedOrgUserView projectInvitee = await atlas.Users.ListOrganizationUsersAsync(new Latest.ListOrganizationUsersParams { OrgId = SimulatorDemo.OrgId, Username = "mallory.chen@contractor.example" });
        Latest.PaginatedGroupUserView production = await atlas.Users.ListProjectUsersAsync(SimulatorDemo.ProductionProjectId);

        Assert.IsType<Latest.OrgActiveUserResponse>(Assert.Single(admin.Results!));
        Assert.Empty(projectInvitee.Results!);
        Assert.DoesNotContain(production.Results!, u => u.Username is "mallory.chen@contractor.example" or "judy.alvarez@acme.example");
        Assert.Contains(production.Results!, u => u is Latest.GroupActiveUserResponse && u.Username == SimulatorDemo.ProjectMemberUsername);
    }

    [Fact]
    public async Task TheOlderClientsUsersApiSeesActiveUsersOnlyAndCannotRemoveAPendingOne()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new Older.AtlasClient(server.Http(server.ApiKey()), server.BaseAddress);

        Older.PaginatedAppUserView users = await atlas.Users.ListOrganizationUsersAsync(SimulatorDemo.OrgId);
        ApiException refused = await Assert.ThrowsAsync<ApiException>(
            () => atlas.Users.RemoveOrganizationUserAsync(SimulatorDemo.OrgId, SimulatorDemo.StaleOrgInvitationId));

        string[] pending = server.Simulator.State.GetOrgInvitations(SimulatorDemo.OrgId).Select(i => i.Username).ToArray();
        Assert.Contains(users.Results!, u => u.Username == SimulatorDemo.AdminUsername && u.Roles!.Any(r => r.OrgId == SimulatorDemo.OrgId && r.RoleName == "ORG_OWNER"));
        Assert.DoesNotContain(users.Results!, u => pending.Contains(u.Username) && u.Username != "grace.hopper@acme.example");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotNull(server.Simulator.State.FindInvitation(SimulatorDemo.StaleOrgInvitationId));
    }

    [Fact]
    public async Task PastTheSunsetInvitationsAnswerVersionGoneAndTheUsersApiGoesOn()
    {
        await using TestServer server = await TestServer.StartAsync(o => o.EnforceSunset = true);
        server.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var atlas = new Latest.AtlasClient(server.Http(server.ApiKey()), server.BaseAddress);

        ApiException gone = await Assert.ThrowsAsync<ApiException>(
            () => atlas.Organizations.DeleteOrgInviteAsync(SimulatorDemo.OrgId, SimulatorDemo.StaleOrgInvitationId));
        await atlas.Users.RemoveOrganizationUserAsync(SimulatorDemo.OrgId, SimulatorDemo.StaleOrgInvitationId);

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(Latest.ApiErrorCodes.VersionGone, gone.ErrorCode);
        Assert.Null(server.Simulator.State.FindInvitation(SimulatorDemo.StaleOrgInvitationId));
    }
}
