#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary>Retries (Polly through Microsoft.Extensions.Http.Resilience): what is retried, how long apart, how often.</summary>
public sealed class RetryTests
{
    private const string OrgInvites = "/api/atlas/v2/orgs/";

    [Fact]
    public async Task ServiceUnavailableWithRetryAfterIsRetriedAfterThatDelay()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.FromSeconds(1), pathPrefix: OrgInvites);

        var clock = Stopwatch.StartNew();
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}");
        LogEntry retry = Assert.Single(server.Logs.Named("Retrying"));
        Assert.Equal(1000L, retry.Values["DelayMilliseconds"]);
        Assert.Equal("503", retry.Values["Outcome"]);
        Assert.Equal(2, server.ApiRequests);
    }

    [Fact]
    public async Task RateLimitedCallWaitsForRetryAfterOnTheClock()
    {
        // One request per 20 s: the second call is answered 429 with Retry-After 20, and succeeds once the fake clock
        // (shared by the pipeline and the simulator's token bucket) has moved 20 s.
        await using TestServer server = await TestServer.StartAsync(o => o.RateLimit = new RateLimitOptions { Capacity = 1, RefillPerSecond = 0.05 });
        SpecClientOptions options = server.ApiKey();
        options.TimeProvider = server.Clock;
        options.Retry.MaxDelay = TimeSpan.FromMinutes(1);
        var atlas = new AtlasClient(server.Http(options));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        Task<List<OrganizationInvitation>> call = atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        LogEntry retry = await WaitForAsync(() => server.Logs.Named("Retrying").SingleOrDefault());
        Assert.Equal(20_000L, retry.Values["DelayMilliseconds"]);
        Assert.Equal("429", retry.Values["Outcome"]);

        // Move the clock a second at a time until the retry has gone out and succeeded.
        TimeSpan advanced = TimeSpan.Zero;
        var realTime = Stopwatch.StartNew();
        while (!call.IsCompleted && realTime.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
            server.Clock.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(call, Task.Delay(20));
        }

        Assert.NotEmpty(await call);
        Assert.True(advanced >= TimeSpan.FromSeconds(20), $"retried after {advanced} on the clock, before Retry-After");
        Assert.Equal(1, server.Faults.RateLimitedCount);
    }

    [Fact]
    public async Task WithoutRetryAfterTheRetryBacksOffExponentially()
    {
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(400);
        var atlas = new AtlasClient(server.Http(options));
        server.Faults.FailNext(3, 503, pathPrefix: OrgInvites);

        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        long[] delays = server.Logs.Named("Retrying").Select(e => (long)e.Values["DelayMilliseconds"]!).ToArray();
        Assert.Equal(3, delays.Length);
        Assert.All(delays, d => Assert.InRange(d, 0, 400));
        Assert.Equal(4, server.ApiRequests);
    }

    [Fact]
    public async Task PostIsNotRetriedByDefault()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.Zero, pathPrefix: OrgInvites);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.CreateOrgInviteAsync(SimulatorDemo.OrgId, NewInvite("once@acme.example")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, server.ApiRequests);
        Assert.Empty(server.Logs.Named("Retrying"));
        Assert.Contains("POST is not idempotent", Assert.Single(server.Logs.Named("NotRetried")).Message);
    }

    [Fact]
    public async Task PostIsRetriedWhenTheCallerOptsIn()
    {
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.RetryPost = true;
        var atlas = new AtlasClient(server.Http(options));
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.Zero, pathPrefix: OrgInvites);

        OrganizationInvitation created = await atlas.Organizations.CreateOrgInviteAsync(SimulatorDemo.OrgId, NewInvite("twice@acme.example"));

        Assert.Equal("twice@acme.example", created.Username);
        Assert.Equal(2, server.ApiRequests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PatchIsRetriedOnlyWhenTheCallerOptsIn(bool retryPatch)
    {
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.RetryPatch = retryPatch;
        var atlas = new AtlasClient(server.Http(options));
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.Zero, pathPrefix: OrgInvites);
        var update = new OrganizationInvitationUpdateRequest { Roles = [OrgRole.OrgReadOnly] };

        Task<OrganizationInvitation> patch = atlas.Organizations.UpdateOrgInviteByIdAsync(SimulatorDemo.OrgId, SimulatorDemo.RecentOrgInvitationId, update);

        if (retryPatch)
        {
            Assert.Equal([OrgRole.OrgReadOnly], (await patch).Roles);
            Assert.Equal(2, server.ApiRequests);
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Assert.ThrowsAsync<ApiException>(() => patch)).StatusCode);
            Assert.Equal(1, server.ApiRequests);
        }
    }

    [Fact]
    public async Task DeleteIsRetriedBecauseItIsIdempotent()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.Zero, pathPrefix: OrgInvites);

        await atlas.Organizations.DeleteOrgInviteAsync(SimulatorDemo.OrgId, SimulatorDemo.RecentOrgInvitationId);

        Assert.Null(server.Simulator.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
        Assert.Equal(2, server.ApiRequests);
    }

    [Fact]
    public async Task RetryAfterBeyondMaxDelayReturnsTheAnswerAtOnce()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.FromMinutes(2), pathPrefix: OrgInvites);

        var clock = Stopwatch.StartNew();
        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromMinutes(2), error.ResponseInfo.RetryAfter);
        Assert.Equal(1, server.ApiRequests);
        Assert.Contains("longer than Retry.MaxDelay", Assert.Single(server.Logs.Named("NotRetried")).Message);
    }

    [Fact]
    public async Task AttemptsAreBounded()
    {
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.MaxRetryAttempts = 2;
        var atlas = new AtlasClient(server.Http(options));
        server.Faults.FailNext(10, 503, retryAfter: TimeSpan.Zero, pathPrefix: OrgInvites);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, server.ApiRequests);
    }

    [Fact]
    public async Task TotalTimeoutBoundsAllAttempts()
    {
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        options.Timeout = TimeSpan.FromMilliseconds(1500);
        options.Retry.MaxRetryAttempts = 10;

        // A short backoff, so several attempts fit in the total budget however the jitter falls.
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        var atlas = new AtlasClient(server.Http(options));
        server.Faults.DelayNext(20, TimeSpan.FromSeconds(3), OrgInvites);

        var clock = Stopwatch.StartNew();
        TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(1400), TimeSpan.FromSeconds(6));
        Assert.StartsWith($"GET /api/atlas/v2/orgs/{SimulatorDemo.OrgId}/invites timed out", error.Message);
        Assert.True(server.ApiRequests >= 2, "attempts that timed out were retried");
    }

    [Fact]
    public async Task CancellationStopsTheWaitForARetry()
    {
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.MaxDelay = TimeSpan.FromMinutes(1);
        var atlas = new AtlasClient(server.Http(options));
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.FromSeconds(30), pathPrefix: OrgInvites);
        using var cancel = new CancellationTokenSource();

        Task<List<OrganizationInvitation>> call = atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId, cancel.Token);
        await WaitForAsync(() => server.Logs.Named("Retrying").SingleOrDefault());
        var clock = Stopwatch.StartNew();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(1, server.ApiRequests);
    }

    [Fact]
    public async Task DroppedConnectionIsRetriedForGet()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        server.Faults.AbortNext(1, OrgInvites);

        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal("HttpRequestException", Assert.Single(server.Logs.Named("Retrying")).Values["Outcome"]);
    }

    internal static OrganizationInvitationRequest NewInvite(string username) => new() { Username = username, Roles = [OrgRole.OrgMember] };

    internal static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The awaited event did not happen within 10 s.");
    }
}
