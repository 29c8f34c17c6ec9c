using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class SeedTests
{
    [Fact]
    public void DemoSeedHasTwoOrganizationsFourProjectsAndElevenInvitations()
    {
        SimulatorSeed demo = SimulatorSeed.CreateDemo(TestSimulator.Start);

        Assert.Equal(new[] { SimulatorDemo.OrgId, SimulatorDemo.SecondOrgId }, demo.Organizations.Select(o => o.OrgId).ToArray());
        Assert.Equal(4, demo.Projects.Count);
        Assert.Equal(11, demo.Invitations.Count);
        Assert.Equal(SimulatorDemo.AcceptedOrgInvitationId, Assert.Single(demo.Invitations, i => i.Accepted).Id);
        Assert.Contains(demo.Invitations, i => TestSimulator.Start - i.CreatedAt > TimeSpan.FromDays(14));
        Assert.Contains(demo.Invitations, i => TestSimulator.Start - i.CreatedAt < TimeSpan.FromDays(1));
        Assert.All(demo.Invitations, i => Assert.Equal(i.CreatedAt + TimeSpan.FromDays(30), i.ExpiresAt));
        Assert.All(demo.Invitations, i => Assert.Matches("^[a-f0-9]{24}$", i.Id));
    }

    [Fact]
    public void DemoCredentialsSplitIntoOwnersAndReadOnly()
    {
        SimulatorSeed demo = SimulatorSeed.CreateDemo(TestSimulator.Start);

        SeedApiKey owner = Assert.Single(demo.ApiKeys, k => k.PublicKey == SimulatorDemo.PublicKey);
        SeedApiKey readOnly = Assert.Single(demo.ApiKeys, k => k.PublicKey == SimulatorDemo.ReadOnlyPublicKey);
        Assert.Equal(SimulatorDemo.PrivateKey, owner.PrivateKey);
        Assert.Equal(2, owner.Roles.Count(r => r.RoleName == "ORG_OWNER"));
        Assert.Equal(4, owner.Roles.Count(r => r.RoleName == "GROUP_OWNER"));
        Assert.DoesNotContain(readOnly.Roles, r => r.RoleName.EndsWith("_OWNER", StringComparison.Ordinal));
        Assert.Equal(SimulatorDemo.ClientSecret, Assert.Single(demo.ServiceAccounts, a => a.ClientId == SimulatorDemo.ClientId).ClientSecret);
    }

    [Fact]
    public void SeedRoundTripsThroughJsonWithServiceTimestamps()
    {
        SimulatorSeed demo = SimulatorSeed.CreateDemo(TestSimulator.Start);

        string json = demo.ToJson();
        SimulatorSeed copy = SimulatorSeed.FromJson(json);

        Assert.Contains("\"createdAt\": \"2026-03-01T10:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"apiKeys\"", json, StringComparison.Ordinal);
        Assert.Equal(json, copy.ToJson());
    }

    [Fact]
    public void SeedJsonMayCarryCommentsAndOmitExpiry()
    {
        SimulatorSeed seed = SimulatorSeed.FromJson("""
            {
              // one organization, one invitation
              "organizations": [ { "orgId": "aaaaaaaaaaaaaaaaaaaaaaaa", "name": "Solo" } ],
              "invitations": [
                { "id": "bbbbbbbbbbbbbbbbbbbbbbbb", "orgId": "aaaaaaaaaaaaaaaaaaaaaaaa", "username": "a@example.com",
                  "createdAt": "2021-02-18T18:51:46Z", "roles": ["ORG_MEMBER"] },
              ],
            }
            """);

        SeedInvitation invitation = Assert.Single(seed.Invitations);
        Assert.Equal(new DateTimeOffset(2021, 3, 20, 18, 51, 46, TimeSpan.Zero), invitation.ExpiresAt);
        Assert.Empty(seed.Projects);
    }

    [Theory]
    [InlineData("""{"projects":[{"groupId":"aaaaaaaaaaaaaaaaaaaaaaaa","orgId":"cccccccccccccccccccccccc","name":"orphan"}]}""")]
    [InlineData("""{"organizations":[{"orgId":"aaaaaaaaaaaaaaaaaaaaaaaa","name":"o"}],"invitations":[{"id":"b","username":"x@example.com","createdAt":"2021-02-18T18:51:46Z"}]}""")]
    [InlineData("""{"apiKeys":[{"publicKey":"k","privateKey":"p"},{"publicKey":"k","privateKey":"q"}]}""")]
    [InlineData("""{"organizations": 5}""")]
    public void InvalidSeedIsRejected(string json)
    {
        Assert.Throws<InvalidDataException>(() => SimulatorSeed.FromJson(json));
    }

    [Fact]
    public async Task CustomSeedReplacesTheDemoState()
    {
        var seed = new SimulatorSeed();
        seed.Organizations.Add(new SeedOrganization { OrgId = "aaaaaaaaaaaaaaaaaaaaaaaa", Name = "Custom" });
        seed.ApiKeys.Add(new SeedApiKey { PublicKey = "custom", PrivateKey = "secret", Roles = { SeedRoleAssignment.ForOrg("aaaaaaaaaaaaaaaaaaaaaaaa", "ORG_OWNER") } });
        seed.Invitations.Add(new SeedInvitation { Id = "bbbbbbbbbbbbbbbbbbbbbbbb", OrgId = "aaaaaaaaaaaaaaaaaaaaaaaa", Username = "a@example.com", CreatedAt = TestSimulator.Start, Roles = { "ORG_MEMBER" } });

        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Seed = seed);
        seed.Invitations.Clear();
        Reply reply = await TestSimulator.SendAsync(sim.Digest("custom", "secret"), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites("aaaaaaaaaaaaaaaaaaaaaaaa")));
        Reply demoKey = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites("aaaaaaaaaaaaaaaaaaaaaaaa")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Custom", Assert.Single(reply.Json.EnumerateArray()).GetProperty("orgName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, demoKey.Status);
    }

    [Fact]
    public async Task SnapshotIsADetachedCopy()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        SimulatorSeed snapshot = sim.State.Snapshot();
        snapshot.Invitations.Clear();
        sim.State.GetInvitations()[0].Roles.Clear();

        Assert.Equal(11, sim.State.GetInvitations().Count);
        Assert.NotEmpty(sim.State.GetInvitations()[0].Roles);
    }
}
