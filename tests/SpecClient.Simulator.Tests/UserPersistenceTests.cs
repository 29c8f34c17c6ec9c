using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>Users are state like invitations: changed through the API, written to the state file, reloaded.</summary>
public sealed class UserPersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specclient-sim-users-").FullName;

    private string StatePath => Path.Combine(_directory, "state.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task UserChangesSurviveARestart()
    {
        string createdId;
        await using (TestSimulator first = await TestSimulator.StartAsync(o => o.StateFilePath = StatePath))
        {
            HttpClient client = first.Digest();
            Reply created = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, UserPaths.OrgUsers(), """{"username":"kept@acme.example","roles":{"orgRoles":["ORG_MEMBER"]}}"""));
            createdId = created.Json.GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.NoContent, (await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.ProjectMemberUserId)))).Status);
            Assert.Equal(HttpStatusCode.Created, (await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, UserPaths.GroupUsers(SimulatorDemo.AnalyticsProjectId), $$"""{"username":"{{SimulatorDemo.TwoOrgMemberUsername}}","roles":["GROUP_OWNER"]}"""))).Status);
        }

        await using TestSimulator second = await TestSimulator.StartAsync(o => o.StateFilePath = StatePath);
        HttpClient again = second.Digest();
        Reply kept = await TestSimulator.SendAsync(again, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(createdId)));
        Reply removed = await TestSimulator.SendAsync(again, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(SimulatorDemo.ProjectMemberUserId)));
        Reply granted = await TestSimulator.SendAsync(again, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUser(SimulatorDemo.TwoOrgMemberUserId, SimulatorDemo.AnalyticsProjectId)));

        Assert.Equal("PENDING", kept.Json.GetProperty("orgMembershipStatus").GetString());
        removed.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("GROUP_OWNER", granted.Json.GetProperty("roles")[0].GetString());
        Assert.Contains(SimulatorDemo.ProjectMemberUserId, File.ReadAllText(StatePath));
    }

    [Fact]
    public async Task UsersWithoutIdsGetIdsDerivedFromTheirUsernames()
    {
        SimulatorSeed seed = SimulatorSeed.CreateDemo(TestSimulator.Start);
        string json = seed.ToJson();
        foreach (SeedUser user in seed.Users)
        {
            json = json.Replace($"\"id\": \"{user.Id}\",", "", StringComparison.Ordinal);
        }

        File.WriteAllText(StatePath, json);
        Assert.DoesNotContain(SimulatorDemo.AdminUserId, File.ReadAllText(StatePath));

        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.StateFilePath = StatePath);
        string expected = SeedUser.IdFor("ALICE.ADMIN@acme.example");
        Reply alice = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(expected)));

        Assert.Equal(HttpStatusCode.OK, alice.Status);
        Assert.Equal("alice.admin@acme.example", alice.Json.GetProperty("username").GetString());
        Assert.Matches("^[a-f0-9]{24}$", expected);
        Assert.Equal(expected, SeedUser.IdFor("alice.admin@acme.example"));
        Assert.NotEqual(expected, SeedUser.IdFor("alice.admin@acme.example2"));
        Assert.Contains(expected, File.ReadAllText(StatePath));
    }

    [Fact]
    public void SeedWithAUserIdThatIsAlsoAnInvitationIdIsRefused()
    {
        SimulatorSeed seed = SimulatorSeed.CreateDemo(TestSimulator.Start);
        seed.Users[0].Id = SimulatorDemo.RecentOrgInvitationId;

        var error = Assert.Throws<InvalidDataException>(() => SimulatorSeed.FromJson(seed.ToJson()));
        Assert.Contains(SimulatorDemo.RecentOrgInvitationId, error.Message, StringComparison.Ordinal);
    }
}
