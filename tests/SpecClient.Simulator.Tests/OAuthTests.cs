using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class OAuthTests
{
    [Fact]
    public async Task ClientCredentialsGrantIssuesABearerToken()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.TokenRequest(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("no-store", reply.Header("Cache-Control"));
        JsonElement json = reply.Json;
        Assert.False(string.IsNullOrEmpty(json.GetProperty("access_token").GetString()));
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(1, sim.Faults.TokenRequestCount);
    }

    [Fact]
    public async Task ExpiresInFollowsTheConfiguredLifetime()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromSeconds(120));

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.TokenRequest(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret));

        Assert.Equal(120, reply.Json.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task WrongClientSecretAnswers401InvalidClient()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.TokenRequest(SimulatorDemo.ClientId, "wrong-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("invalid_client", reply.Json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("error_description").GetString()));
    }

    [Fact]
    public async Task MissingClientAuthenticationAnswers401InvalidClient()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpRequestMessage request = TestSimulator.TokenRequest(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret);
        request.Headers.Authorization = null;

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), request);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("invalid_client", reply.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ApiKeyIsNotAServiceAccount()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.TokenRequest(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task UnsupportedGrantTypeAnswers400()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.TokenRequest(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret, "password"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("unsupported_grant_type", reply.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task MissingGrantTypeAnswers400InvalidRequest()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpRequestMessage request = TestSimulator.TokenRequest(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["scope"] = "x" });

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), request);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("invalid_request", reply.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TokenEndpointAcceptsPostOnly()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "api/oauth/token");
        request.Headers.Authorization = TestSimulator.Basic(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret);

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("POST", reply.Header("Allow"));
    }

    [Fact]
    public async Task BearerTokenAuthorizesInviteOperations()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0, sim.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task TokenStopsWorkingWhenItsLifetimeHasPassed()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(10));
        HttpClient client = await sim.BearerAsync();

        sim.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Reply beforeExpiry = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        Reply atExpiry = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.Status);
        atExpiry.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task RevokedTokenStopsWorking()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string token = await sim.TokenAsync();
        HttpClient client = sim.Raw();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Reply before = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        var revoke = new HttpRequestMessage(HttpMethod.Post, "api/oauth/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = "access_token" }),
        };
        revoke.Headers.Authorization = TestSimulator.Basic(SimulatorDemo.ClientId, SimulatorDemo.ClientSecret);
        Reply revoked = await TestSimulator.SendAsync(sim.Raw(), revoke);
        Reply after = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
    }

    [Fact]
    public async Task RevokeRequiresClientAuthentication()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string token = await sim.TokenAsync();
        var revoke = new HttpRequestMessage(HttpMethod.Post, "api/oauth/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        };
        revoke.Headers.Authorization = TestSimulator.Basic(SimulatorDemo.ClientId, "wrong");

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), revoke);
        HttpClient client = sim.Raw();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Reply stillValid = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("invalid_client", reply.Json.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, stillValid.Status);
    }

    [Fact]
    public async Task UnknownBearerTokenAnswers401WithABearerChallenge()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Raw();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "made-up-token");

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        reply.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.StartsWith("Bearer ", reply.Header("WWW-Authenticate")!, StringComparison.Ordinal);
        Assert.Equal(0, sim.Faults.DigestChallengeCount);
    }
}
