using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task EmptyBucketAnswers429WithRetryAfterAndRateLimitHeaders()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.RateLimit = new RateLimitOptions { Capacity = 2, RefillPerSecond = 0.5 });
        HttpClient client = await sim.BearerAsync();

        Reply first = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply second = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply third = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("2", first.Header("RateLimit-Limit"));
        Assert.Equal("1", first.Header("RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("0", second.Header("RateLimit-Remaining"));
        third.AssertApiError(HttpStatusCode.TooManyRequests, "RATE_LIMITED_TOKEN_BUCKET");
        Assert.Equal("2", third.Header("Retry-After"));
        Assert.Equal("2", third.Header("RateLimit-Limit"));
        Assert.Equal("0", third.Header("RateLimit-Remaining"));
        Assert.Contains("Please retry after 2 seconds", third.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, sim.Faults.RateLimitedCount);
    }

    [Fact]
    public async Task BucketRefillsAsTimePasses()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.RateLimit = new RateLimitOptions { Capacity = 1, RefillPerSecond = 0.25 });
        HttpClient client = await sim.BearerAsync();
        await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Reply limited = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        sim.Clock.Advance(TimeSpan.FromSeconds(3));
        Reply stillLimited = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        Reply refilled = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("4", limited.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.Status);
        Assert.Equal("1", stillLimited.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, refilled.Status);
    }

    [Fact]
    public async Task EachCredentialHasItsOwnBucket()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.RateLimit = new RateLimitOptions { Capacity = 1, RefillPerSecond = 0.01 });
        HttpClient serviceAccount = await sim.BearerAsync();
        HttpClient apiKey = sim.Digest();

        Reply first = await TestSimulator.SendAsync(serviceAccount, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply limited = await TestSimulator.SendAsync(serviceAccount, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply other = await TestSimulator.SendAsync(apiKey, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task TokenEndpointAndChallengesDoNotUseTheBucket()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.RateLimit = new RateLimitOptions { Capacity = 1, RefillPerSecond = 0.01 });
        await sim.TokenAsync();
        await sim.TokenAsync();

        // The digest round trip (401 challenge, then the authenticated request) costs one token.
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task NoRateLimitHeadersWhenRateLimitingIsOff()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Null(reply.Header("RateLimit-Limit"));
        Assert.Null(reply.Header("RateLimit-Remaining"));
    }
}
