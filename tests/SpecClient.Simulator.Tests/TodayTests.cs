using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary><see cref="SimulatorOptions.Today"/>: the simulator as of another date, with sunsets enforced.</summary>
public sealed class TodayTests
{
    [Fact]
    public async Task AfterTheSunsetInvitationsAreGoneAndUsersStillWork()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Today = new DateOnly(2027, 7, 2));
        HttpClient client = sim.Digest();
        Reply invites = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply deleteInvite = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.GroupInvite(SimulatorDemo.StaleGroupInvitationId)));
        Reply pending = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?orgMembershipStatus=PENDING"));
        Reply remove = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.StaleOrgInvitationId)));
        Reply legacy = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers(), accept: UserPaths.LegacyAccept));

        invites.AssertApiError(HttpStatusCode.Gone, "VERSION_GONE");
        deleteInvite.AssertApiError(HttpStatusCode.Gone, "VERSION_GONE");
        Assert.Equal(HttpStatusCode.OK, pending.Status);
        Assert.Equal(4, pending.Json.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, remove.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Null(pending.Header("Sunset"));
        Assert.Null(legacy.Header("Sunset"));
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.StaleGroupInvitationId));
    }

    [Fact]
    public async Task BeforeTheSunsetInvitationsAnswerWithDeprecationAndSunset()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Today = new DateOnly(2027, 6, 30));
        Reply invites = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, invites.Status);
        Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", invites.Header("Sunset"));
        Assert.Equal("Wed, 12 Mar 2025 00:00:00 GMT", invites.Header("Deprecation"));
    }

    [Fact]
    public async Task ClockReadsTodayAtTheRealTimeOfDayAndTheDemoIsBuiltRelativeToIt()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Today = new DateOnly(2027, 7, 2));

        DateTimeOffset now = sim.Simulator.Clock.GetUtcNow();
        Assert.Equal(new DateTimeOffset(2027, 7, 2, 12, 0, 0, TimeSpan.Zero), now);
        sim.Clock.Advance(TimeSpan.FromHours(13));
        Assert.Equal(new DateTimeOffset(2027, 7, 3, 1, 0, 0, TimeSpan.Zero), sim.Simulator.Clock.GetUtcNow());

        // The demo's most recent organization invitation is two hours old on the simulator's day.
        SeedInvitation recent = sim.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId)!;
        Assert.Equal(now - TimeSpan.FromHours(2), recent.CreatedAt);
    }

    [Fact]
    public void ClockForBuildsTheSameShiftedClockWithoutStarting()
    {
        var inner = new ManualTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 30, 15, TimeSpan.Zero));
        TimeProvider shifted = AtlasSimulator.ClockFor(new SimulatorOptions { TimeProvider = inner, Today = new DateOnly(2027, 7, 2) });
        TimeProvider unshifted = AtlasSimulator.ClockFor(new SimulatorOptions { TimeProvider = inner });

        Assert.Equal(new DateTimeOffset(2027, 7, 2, 23, 30, 15, TimeSpan.Zero), shifted.GetUtcNow());
        Assert.Same(inner, unshifted);
        Assert.Equal(TimeSpan.FromDays(207), ((DayShiftedTimeProvider)shifted).Offset);
    }

    [Fact]
    public async Task WithoutTodayOrEnforceSunsetThePastSunsetIsNotEnforced()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        sim.Clock.Advance(new DateTimeOffset(2027, 8, 1, 0, 0, 0, TimeSpan.Zero) - sim.Clock.GetUtcNow());
        Reply invites = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, invites.Status);
    }
}
