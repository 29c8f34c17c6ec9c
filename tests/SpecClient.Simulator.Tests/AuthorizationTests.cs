using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class AuthorizationTests
{
    private const string OrgOnlyKey = "org-owner-only";
    private const string GroupOnlyKey = "group-owner-only";

    [Fact]
    public async Task KeyWithoutOwnerRoleGets403OnOrganizationInvites()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest(SimulatorDemo.ReadOnlyPublicKey, SimulatorDemo.ReadOnlyPrivateKey);

        Reply list = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply delete = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));

        list.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
        delete.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
    }

    [Fact]
    public async Task KeyWithoutOwnerRoleGets403OnProjectInvites()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest(SimulatorDemo.ReadOnlyPublicKey, SimulatorDemo.ReadOnlyPrivateKey);

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.GroupInvites(), """{"username":"x@example.com","roles":["GROUP_READ_ONLY"]}"""));

        reply.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
        Assert.Equal(2, sim.State.GetGroupInvitations(SimulatorDemo.ProductionProjectId).Count);
    }

    [Fact]
    public async Task ServiceAccountWithoutOwnerRoleGets403()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync(SimulatorDemo.ReadOnlyClientId, SimulatorDemo.ReadOnlyClientSecret);

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvite(SimulatorDemo.RecentGroupInvitationId)));

        reply.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
    }

    [Fact]
    public async Task OrganizationOwnerManagesProjectInvitationsOfItsProjects()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Seed = SeedWithScopedKeys());
        HttpClient client = sim.Digest(OrgOnlyKey, "secret");

        Reply own = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites(SimulatorDemo.StagingProjectId)));
        Reply otherOrg = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites(SimulatorDemo.LabProjectId)));

        Assert.Equal(HttpStatusCode.OK, own.Status);
        otherOrg.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
    }

    [Fact]
    public async Task ProjectOwnerCannotManageOrganizationInvitations()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Seed = SeedWithScopedKeys());
        HttpClient client = sim.Digest(GroupOnlyKey, "secret");

        Reply project = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites(SimulatorDemo.ProductionProjectId)));
        Reply otherProject = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites(SimulatorDemo.StagingProjectId)));
        Reply org = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, project.Status);
        otherProject.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
        org.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
    }

    [Fact]
    public async Task UnknownOrganizationIsNotFoundEvenWithoutRoles()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest(SimulatorDemo.ReadOnlyPublicKey, SimulatorDemo.ReadOnlyPrivateKey);

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites("aaaaaaaaaaaaaaaaaaaaaaaa")));

        reply.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    private static SimulatorSeed SeedWithScopedKeys()
    {
        SimulatorSeed seed = SimulatorSeed.CreateDemo(TestSimulator.Start);
        seed.ApiKeys.Add(new SeedApiKey
        {
            PublicKey = OrgOnlyKey,
            PrivateKey = "secret",
            Roles = new List<SeedRoleAssignment> { SeedRoleAssignment.ForOrg(SimulatorDemo.OrgId, "ORG_OWNER") },
        });
        seed.ApiKeys.Add(new SeedApiKey
        {
            PublicKey = GroupOnlyKey,
            PrivateKey = "secret",
            Roles = new List<SeedRoleAssignment>
            {
                SeedRoleAssignment.ForGroup(SimulatorDemo.ProductionProjectId, "GROUP_OWNER"),
                SeedRoleAssignment.ForOrg(SimulatorDemo.OrgId, "ORG_MEMBER"),
            },
        });
        return seed;
    }
}
