using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task FailNextAnswers503WithRetryAfterThenRecovers()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.FailNext(2, 503, TimeSpan.FromSeconds(7));

        Reply first = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply second = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply third = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        first.AssertApiError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.Equal("7", first.Header("Retry-After"));
        second.AssertApiError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(2, sim.Faults.FaultedRequestCount);
        Assert.Equal(0, sim.Faults.PendingCount);
    }

    [Fact]
    public async Task FailNextDefaultsTo500UnexpectedErrorWithoutRetryAfter()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.FailNext(1);

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        reply.AssertApiError(HttpStatusCode.InternalServerError, "UNEXPECTED_ERROR");
        Assert.Null(reply.Header("Retry-After"));
    }

    [Fact]
    public async Task FaultsApplyBeforeAuthentication()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        sim.Faults.FailNext(1, 500);

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Null(reply.Header("WWW-Authenticate"));
        Assert.Equal(0, sim.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task FailedMutationDoesNotChangeTheState()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.FailNext(1, 503);

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
    }

    [Fact]
    public async Task PathPrefixLimitsFaultsToMatchingRequests()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.FailNext(1, 503, pathPrefix: "/api/oauth/token");

        Reply api = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply token = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.TokenRequest(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret));
        Reply tokenAgain = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.TokenRequest(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, api.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.Status);
        Assert.Equal(HttpStatusCode.OK, tokenAgain.Status);
    }

    [Fact]
    public async Task AbortNextDropsTheConnection()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.AbortNext(1, "/api/atlas/v2/");

        await Assert.ThrowsAsync<HttpRequestException>(() => TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites())));
        Reply next = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(1, sim.Faults.FaultedRequestCount);
    }

    [Fact]
    public async Task RespondNextSendsTheBodyAsGivenBeforeAuthentication()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        sim.Faults.RespondNext(1, 502, "text/html", "<html><body>Bad gateway</body></html>", "/api/atlas/v2/");

        Reply html = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply next = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.BadGateway, html.Status);
        Assert.Equal("text/html", html.ContentType);
        Assert.Equal("<html><body>Bad gateway</body></html>", html.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, next.Status);
        Assert.Equal(1, sim.Faults.FaultedRequestCount);
    }

    [Fact]
    public async Task RespondNextWithCutOffDropsTheConnectionMidBody()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.RespondNext(1, 200, "application/json", "[{\"id\":", "/api/atlas/v2/", cutOff: true);

        using HttpResponseMessage response = await client.SendAsync(TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        HttpRequestException cut = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpRequestError.ResponseEnded, Assert.IsType<HttpIOException>(cut.InnerException).HttpRequestError);
        Reply next = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task DelayNextDelaysTheResponse()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.DelayNext(1, TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        Reply delayed = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        TimeSpan delayedTime = stopwatch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, delayed.Status);
        Assert.True(delayedTime >= TimeSpan.FromMilliseconds(280), $"took {delayedTime}");
    }

    [Fact]
    public async Task DelayLongerThanTheClientTimeoutTimesOut()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        client.Timeout = TimeSpan.FromMilliseconds(150);
        sim.Faults.DelayNext(1, TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<TaskCanceledException>(() => TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites())));
    }

    [Fact]
    public async Task DelayCombinesWithAFailure()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.DelayNext(1, TimeSpan.FromMilliseconds(100));
        sim.Faults.FailNext(1, 500);

        var stopwatch = Stopwatch.StartNew();
        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(90));
        Assert.Equal(0, sim.Faults.PendingCount);
    }

    [Fact]
    public async Task ClearRemovesPendingFaults()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        sim.Faults.FailNext(3, 500);
        sim.Faults.AbortNext(2);
        Assert.Equal(5, sim.Faults.PendingCount);

        sim.Faults.Clear();
        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0, sim.Faults.PendingCount);
    }

    [Fact]
    public async Task CountersCountRequestsTokenRequestsAndChallenges()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient bearer = await sim.BearerAsync();
        await TestSimulator.SendAsync(bearer, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(4, sim.Faults.RequestCount);
        Assert.Equal(1, sim.Faults.TokenRequestCount);
        Assert.Equal(1, sim.Faults.DigestChallengeCount);

        sim.Faults.ResetCounters();
        Assert.Equal(0, sim.Faults.RequestCount);
    }

    [Fact]
    public async Task InvalidFaultArgumentsAreRejected()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        SimulatorFaults faults = sim.Faults;

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(1, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.DelayNext(1, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.RespondNext(1, 99, "text/plain", "x"));
    }
}
