#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary>OAuth 2.0 client credentials (service accounts) against the simulator's token and revoke endpoints.</summary>
public sealed class ServiceAccountTests
{
    [Fact]
    public async Task OneTokenServesARunOfCalls()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));

        for (int i = 0; i < 5; i++)
        {
            Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        }

        Assert.Equal(1, server.Faults.TokenRequestCount);
        Assert.Equal(5, server.ApiRequests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task TwoHundredConcurrentCallsAcrossExpiriesRequestOneTokenPerExpiry(int expiries)
    {
        // Handler, pipeline and simulator share one fake clock. Each round sends 200 calls at once; halfway through a
        // round the clock jumps past the token's lifetime, so calls in flight meet the expiry (401, renewal) and the
        // next round starts on the renewed token.
        await using TestServer server = await TestServer.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromHours(1));
        SpecClientOptions options = server.ServiceAccount();
        options.TimeProvider = server.Clock;
        options.Retry.MaxRetryAttempts = 0;           // no failure may hide behind a retry
        options.AttemptTimeout = TimeSpan.FromDays(1); // the clock jumps by hours; only expiry should notice
        options.Timeout = TimeSpan.FromDays(1);
        var atlas = new AtlasClient(server.Http(options));

        const int Calls = 200;
        int succeeded = 0;
        for (int round = 0; round <= expiries; round++)
        {
            int started = 0;
            int completed = 0;
            int advanced = round == expiries ? 1 : 0;
            async Task CallAsync(int i)
            {
                await Task.Yield();
                Interlocked.Increment(ref started);
                List<GroupInvitation> invites = await atlas.Projects.ListGroupInvitesAsync(i % 2 == 0 ? SimulatorDemo.ProductionProjectId : SimulatorDemo.StagingProjectId);
                Assert.NotEmpty(invites);
                Interlocked.Increment(ref succeeded);
                if (Interlocked.Increment(ref completed) >= Calls / 2 && Volatile.Read(ref started) == Calls && Interlocked.Exchange(ref advanced, 1) == 0)
                {
                    server.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Calls).Select(CallAsync));
            Assert.Equal(1, advanced);
        }

        Assert.Equal(Calls * (expiries + 1), succeeded);
        Assert.Equal(1 + expiries, server.Faults.TokenRequestCount);
    }

    [Fact]
    public async Task TokenRejectedByTheServerIsRenewedOnceAndTheCallSentOnceMore()
    {
        // The client's clock says the token is fresh; the server's says it expired.
        await using TestServer server = await TestServer.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5));
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        server.Clock.Advance(TimeSpan.FromMinutes(6));
        List<OrganizationInvitation> invites = await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        Assert.NotEmpty(invites);
        Assert.Equal(2, server.Faults.TokenRequestCount);
        Assert.Equal(3, server.ApiRequests); // first call; then 401 and the resend
        Assert.Single(server.Logs.Named("TokenRejected"));
    }

    [Fact]
    public async Task ManyCallsRejectedAtOnceRenewTheTokenOnce()
    {
        await using TestServer server = await TestServer.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5));
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        server.Clock.Advance(TimeSpan.FromMinutes(6));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId)));

        Assert.Equal(2, server.Faults.TokenRequestCount);
    }

    [Fact]
    public async Task WrongSecretIsAnApiExceptionWithTheOAuthErrorAndNoSecret()
    {
        const string Secret = "mdb_sa_sk_not-the-right-one";
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount(clientSecret: Secret)));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Equal(new Uri(server.BaseAddress, "api/oauth/token"), error.RequestUri);
        Assert.Contains("service-account token request for client " + SimulatorDemo.ClientId + " was refused", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
        Assert.DoesNotContain(Secret, error.RawBody ?? string.Empty);
        Assert.DoesNotContain(Secret, server.Logs.AllText);
        Assert.Single(server.Logs.Named("TokenRequestFailed"));
        Assert.Equal(0, server.ApiRequests); // nothing reached the API
    }

    [Fact]
    public async Task TokenEndpointOutageIsAnApiExceptionNamingTheTokenEndpoint()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Faults.FailNext(1, 503, pathPrefix: "/api/oauth/token");
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        List<OrganizationInvitation> next = await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.EndsWith("/api/oauth/token", error.RequestUri!.AbsolutePath);
        Assert.NotEmpty(next);
        Assert.Equal(2, server.Faults.TokenRequestCount);
    }

    [Fact]
    public async Task CallerCancellingItsWaitDoesNotCancelTheSharedTokenRequest()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Faults.DelayNext(1, TimeSpan.FromMilliseconds(500), "/api/oauth/token");
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Task<List<OrganizationInvitation>> cancelled = atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId, cancel.Token);
        Task<List<OrganizationInvitation>> waiting = atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.NotEmpty(await waiting);
        Assert.Equal(1, server.Faults.TokenRequestCount);
    }

    [Fact]
    public async Task RevokeAsyncRevokesTheTokenAndTheNextCallFetchesANewOne()
    {
        await using TestServer server = await TestServer.StartAsync();
        using var tokens = new OAuthTokenSource(server.ServiceAccount().ToOAuthOptions());
        var atlas = new AtlasClient(server.Http(server.ServiceAccount(), tokens: tokens));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        string revoked = await tokens.GetAccessTokenAsync();

        await tokens.RevokeAsync();
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        // The revoked token no longer opens the API.
        using var raw = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/atlas/v2/orgs/{SimulatorDemo.OrgId}/invites");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", revoked);
        request.Headers.Accept.ParseAdd("application/vnd.atlas.2025-03-12+json");
        using HttpResponseMessage response = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, server.Faults.TokenRequestCount);
        Assert.Equal(2, tokens.TokenRequestCount);
        Assert.NotEqual(revoked, await tokens.GetAccessTokenAsync());
    }

    [Fact]
    public async Task TokenAndRevokeRequestsFollowABaseAddressWithAPathPrefix()
    {
        // A reverse proxy in front of the API under /atlas-proxy/: the token endpoint is expected under it too.
        await using TestServer server = await TestServer.StartAsync();
        var options = new OAuthClientCredentialsOptions
        {
            ClientId = SimulatorDemo.ClientId,
            ClientSecret = SimulatorDemo.ClientSecret,
            BaseAddress = new Uri(server.BaseAddress, "atlas-proxy"),
        };

        Assert.Equal(new Uri(server.BaseAddress, "atlas-proxy/api/oauth/token"), options.TokenUri);
        Assert.Equal(new Uri(server.BaseAddress, "atlas-proxy/api/oauth/revoke"), options.RevokeUri);
        using var tokens = new OAuthTokenSource(options);
        ApiException error = await Assert.ThrowsAsync<ApiException>(async () => await tokens.GetAccessTokenAsync());
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(options.TokenUri, error.RequestUri);
    }

    [Fact]
    public async Task SecretsAndTokensNeverReachTheLogs()
    {
        await using TestServer server = await TestServer.StartAsync();
        using var tokens = new OAuthTokenSource(server.ServiceAccount().ToOAuthOptions(), logger: server.Logs.CreateLogger("SpecClient"));
        SpecClientOptions options = server.ServiceAccount();
        var atlas = new AtlasClient(server.Http(options, tokens: tokens));

        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        string token = await tokens.GetAccessTokenAsync();
        await tokens.RevokeAsync();

        string logs = server.Logs.AllText;
        Assert.DoesNotContain(SimulatorDemo.ClientSecret, logs);
        Assert.DoesNotContain(token, logs);
        Assert.Contains("Authorization: Bearer [redacted]", logs);
        Assert.DoesNotContain(SimulatorDemo.ClientSecret, options.ToString());
        Assert.DoesNotContain(SimulatorDemo.ClientSecret, options.ToOAuthOptions().ToString());
        Assert.DoesNotContain(SimulatorDemo.ClientSecret, tokens.ToString());
        Assert.Single(server.Logs.Named("TokenRevoked"));
    }
}
