#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>The service-account handler and token source over an in-memory server.</summary>
public class OAuthClientCredentialsTests
{
    private const string Secret = "mdb_sa_sk_secret-value";
    private static readonly Uri Base = new("https://cloud.mongodb.com/");

    [Fact]
    public async Task TokenRequestIsBasicAuthenticatedClientCredentialsForm()
    {
        var server = new RoutingHandler((request, _) => Task.FromResult(IsToken(request) ? Token("t1") : Ok()));
        using HttpClient http = Client(server, out _);

        await new AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);

        var (method, path, authorization, body) = server.Requests[0];
        Assert.Equal(("POST", "/api/oauth/token", "grant_type=client_credentials"), (method, path, body));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("mdb_sa_id_client:" + Secret)), authorization);
        Assert.Equal("Bearer t1", server.Requests[1].Authorization);
    }

    [Fact]
    public async Task SecondRejectionIsReturnedAfterOneRenewal()
    {
        int tokens = 0;
        var server = new RoutingHandler((request, _) => Task.FromResult(
            IsToken(request) ? Token("t" + Interlocked.Increment(ref tokens)) : new HttpResponseMessage(HttpStatusCode.Unauthorized)));
        using HttpClient http = Client(server, out _);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => new AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(["/api/oauth/token", "/api/atlas/v2/orgs/" + OrgId + "/invites/" + InvitationId, "/api/oauth/token", "/api/atlas/v2/orgs/" + OrgId + "/invites/" + InvitationId], server.Requests.Select(r => r.Path));
        Assert.Equal("Bearer t2", server.Requests[3].Authorization);
    }

    [Fact]
    public async Task BodyIsSentAgainWithTheRenewedToken()
    {
        var server = new RoutingHandler((request, n) => Task.FromResult(
            IsToken(request) ? Token("t" + n) : n == 2 ? new HttpResponseMessage(HttpStatusCode.Unauthorized) : Ok(OrgInvitationJson)));
        using HttpClient http = Client(server, out _);

        await new AtlasClient(http).Organizations.CreateOrgInviteAsync(OrgId, new OrganizationInvitationRequest { Username = "jane@example.com" });

        string?[] bodies = server.Requests.Where(r => r.Method == "POST" && !r.Path.StartsWith("/api/oauth", StringComparison.Ordinal)).Select(r => r.Body).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Contains("jane@example.com", bodies[1]);
        Assert.Equal(bodies[0], bodies[1]);
    }

    [Fact]
    public async Task TokenIsRenewedTenSecondsBeforeItExpires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        int issued = 0;
        var server = new RoutingHandler((request, _) => Task.FromResult(Token("t" + Interlocked.Increment(ref issued), expiresIn: 100)));
        using var tokens = new OAuthTokenSource(Options(clock), server);

        Assert.Equal("t1", await tokens.GetAccessTokenAsync());
        clock.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal("t1", await tokens.GetAccessTokenAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("t2", await tokens.GetAccessTokenAsync());
        Assert.Equal(2, tokens.TokenRequestCount);
    }

    [Fact]
    public async Task ShortLivedTokenIsRenewedAtHalfItsLife()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        int issued = 0;
        var server = new RoutingHandler((request, _) => Task.FromResult(Token("t" + Interlocked.Increment(ref issued), expiresIn: 8)));
        using var tokens = new OAuthTokenSource(Options(clock), server);

        await tokens.GetAccessTokenAsync();
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("t1", await tokens.GetAccessTokenAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("t2", await tokens.GetAccessTokenAsync());
    }

    [Fact]
    public async Task ManyWaitersShareOneTokenRequest()
    {
        var release = new TaskCompletionSource();
        var server = new RoutingHandler(async (request, _) =>
        {
            await release.Task;
            return Token("shared");
        });
        using var tokens = new OAuthTokenSource(Options(TimeProvider.System), server);

        Task<string>[] waiters = Enumerable.Range(0, 100).Select(_ => tokens.GetAccessTokenAsync().AsTask()).ToArray();
        release.SetResult();

        Assert.All(await Task.WhenAll(waiters), t => Assert.Equal("shared", t));
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("""{"token_type":"Bearer","expires_in":3600}""", "it has no access_token")]
    [InlineData("""{"access_token":"abc","token_type":"mac","expires_in":3600}""", "its token_type is 'mac', not Bearer")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer"}""", "it has no positive expires_in")]
    [InlineData("""<html>oops</html>""", "it is not JSON")]
    public async Task UnusableTokenResponseIsAnApiExceptionThatKeepsNoBody(string body, string problem)
    {
        var server = new RoutingHandler((request, _) => Task.FromResult(Ok(body)));
        using var tokens = new OAuthTokenSource(Options(TimeProvider.System), server);

        ApiException error = await Assert.ThrowsAsync<ApiException>(async () => await tokens.GetAccessTokenAsync());

        Assert.Contains(problem, error.Message);
        Assert.Null(error.RawBody);
    }

    [Theory]
    [InlineData("""{"access_token":"abc","token_type":42,"expires_in":3600}""", "its token_type is a number, not a string")]
    [InlineData("""{"access_token":"abc","token_type":{"kind":"Bearer"},"expires_in":3600}""", "its token_type is an object, not a string")]
    [InlineData("""{"access_token":"abc","token_type":["Bearer"],"expires_in":3600}""", "its token_type is an array, not a string")]
    [InlineData("""{"access_token":"abc","token_type":true,"expires_in":3600}""", "its token_type is a boolean, not a string")]
    [InlineData("""{"access_token":"abc","token_type":null,"expires_in":3600}""", "its token_type is null, not a string")]
    [InlineData("""{"access_token":12345,"token_type":"Bearer","expires_in":3600}""", "its access_token is a number, not a string")]
    [InlineData("""{"access_token":{"value":"abc"},"token_type":"Bearer","expires_in":3600}""", "its access_token is an object, not a string")]
    [InlineData("""{"access_token":null,"token_type":"Bearer","expires_in":3600}""", "its access_token is null, not a string")]
    [InlineData("""{"access_token":"","token_type":"Bearer","expires_in":3600}""", "it has no access_token (an empty string)")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":{"seconds":3600}}""", "its expires_in is an object, not a number")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":[3600]}""", "its expires_in is an array, not a number")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":true}""", "its expires_in is a boolean, not a number")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":null}""", "its expires_in is null, not a number")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":3600.5}""", "it has no positive expires_in")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":-5}""", "it has no positive expires_in")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":"soon"}""", "it has no positive expires_in")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":9223372036854775807}""", "it has no positive expires_in")]
    [InlineData("""{"access_token":"abc","token_type":"Bearer","expires_in":1e300}""", "it has no positive expires_in")]
    [InlineData("""["abc"]""", "it is not a JSON object")]
    public async Task WrongTypedTokenResponseFieldIsAnApiExceptionNamingTheField(string body, string problem)
    {
        var server = new RoutingHandler((request, _) => Task.FromResult(Ok(body)));
        using var tokens = new OAuthTokenSource(Options(TimeProvider.System), server);

        ApiException error = await Assert.ThrowsAsync<ApiException>(async () => await tokens.GetAccessTokenAsync());

        Assert.Contains(problem, error.Message);
        Assert.Equal(problem, error.Detail);
        Assert.Null(error.RawBody);
        Assert.DoesNotContain("abc", error.Message);
    }

    [Fact]
    public async Task WrongTypedTokenTypeFailsTheApiCallWithApiException()
    {
        var server = new RoutingHandler((request, _) => Task.FromResult(IsToken(request)
            ? Ok("""{"access_token":"t1","token_type":7,"expires_in":3600}""")
            : Ok()));
        using HttpClient http = Client(server, out _);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => new AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId));

        Assert.Contains("token_type is a number", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ExpiresInAsAStringIsAccepted()
    {
        var server = new RoutingHandler((request, _) => Task.FromResult(Ok("""{"access_token":"abc","token_type":"bearer","expires_in":"3600"}""")));
        using var tokens = new OAuthTokenSource(Options(TimeProvider.System), server);

        Assert.Equal("abc", await tokens.GetAccessTokenAsync());
    }

    [Fact]
    public async Task NetworkFailureOfTheTokenRequestNamesTheTokenEndpoint()
    {
        var server = new RoutingHandler((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")));
        using var tokens = new OAuthTokenSource(Options(TimeProvider.System), server);

        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(async () => await tokens.GetAccessTokenAsync());

        Assert.Equal("The service-account token request to https://cloud.mongodb.com/api/oauth/token failed: Connection refused", error.Message);
        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
    }

    [Fact]
    public async Task RevokeWithoutATokenSendsNothing()
    {
        var server = new RoutingHandler((_, _) => Task.FromResult(Ok()));
        using var tokens = new OAuthTokenSource(Options(TimeProvider.System), server);

        await tokens.RevokeAsync();

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RevokeSendsTheTokenWithItsTypeHint()
    {
        var server = new RoutingHandler((request, _) => Task.FromResult(IsToken(request) ? Token("t1") : Ok()));
        using var tokens = new OAuthTokenSource(Options(TimeProvider.System), server);
        await tokens.GetAccessTokenAsync();

        await tokens.RevokeAsync();

        Assert.Equal(("POST", "/api/oauth/revoke", "token=t1&token_type_hint=access_token"), (server.Requests[1].Method, server.Requests[1].Path, server.Requests[1].Body));
    }

    [Fact]
    public void NothingSecretIsShownByToString()
    {
        OAuthClientCredentialsOptions options = Options(TimeProvider.System);
        using var tokens = new OAuthTokenSource(options, new RoutingHandler((_, _) => Task.FromResult(Ok())));
        using var handler = new OAuthClientCredentialsHandler(tokens);
        var all = new SpecClientOptions { BaseAddress = Base, ClientId = "mdb_sa_id_client", ClientSecret = Secret, Digest = new DigestCredential("public", "private-value") };

        foreach (string text in new[] { options.ToString(), tokens.ToString(), handler.ToString(), all.ToString(), new DigestAuthenticationHandler("public", "private-value").ToString() })
        {
            Assert.DoesNotContain(Secret, text);
            Assert.DoesNotContain("private-value", text);
        }

        Assert.Contains("ClientSecret = [redacted]", all.ToString());
        Assert.Contains("Digest = { UserName = public, Password = [redacted] }", all.ToString());
    }

    [Fact]
    public void EndpointsFollowTheBaseAddress()
    {
        var options = new OAuthClientCredentialsOptions { ClientId = "a", ClientSecret = "b", BaseAddress = new Uri("https://gateway.example/atlas") };

        Assert.Equal("https://gateway.example/atlas/api/oauth/token", options.TokenUri.AbsoluteUri);
        Assert.Equal("https://gateway.example/atlas/api/oauth/revoke", options.RevokeUri.AbsoluteUri);
        Assert.Throws<ArgumentException>(() => new OAuthClientCredentialsOptions { ClientId = "a", ClientSecret = "b", BaseAddress = new Uri("/atlas", UriKind.Relative) });
    }

    [Fact]
    public async Task TokenAndRevokePathsAreOptionsWithAtlasAsDefault()
    {
        var server = new RoutingHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath == "/gateway/oauth2/token" ? Token("t1") : Ok()));
        OAuthClientCredentialsOptions options = Options(TimeProvider.System);
        using var tokens = new OAuthTokenSource(
            new OAuthClientCredentialsOptions { ClientId = options.ClientId, ClientSecret = Secret, BaseAddress = new Uri("https://idp.example/gateway/"), TokenPath = "oauth2/token", RevokePath = "oauth2/revoke" },
            server);

        Assert.Equal("t1", await tokens.GetAccessTokenAsync());
        await tokens.RevokeAsync();

        Assert.Equal(["/gateway/oauth2/token", "/gateway/oauth2/revoke"], server.Requests.Select(r => r.Path));
        Assert.Equal(("api/oauth/token", "api/oauth/revoke"), (options.TokenPath, options.RevokePath));
        var fromSpecClientOptions = new SpecClientOptions { BaseAddress = Base, ClientId = "id", ClientSecret = Secret, OAuthTokenPath = "oauth2/token" }.ToOAuthOptions();
        Assert.Equal("https://cloud.mongodb.com/oauth2/token", fromSpecClientOptions.TokenUri.AbsoluteUri);
        Assert.Equal("https://cloud.mongodb.com/api/oauth/revoke", fromSpecClientOptions.RevokeUri.AbsoluteUri);

        // A path that would leave the base address is refused before anything is sent.
        var invalid = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => SpecClientHttp.CreateHandler(
            new SpecClientOptions { BaseAddress = Base, ClientId = "id", ClientSecret = Secret, OAuthTokenPath = "/oauth2/token" }));
        Assert.Contains("OAuthTokenPath must be a path relative to BaseAddress", invalid.Message);
    }

    private static HttpClient Client(RoutingHandler server, out OAuthClientCredentialsHandler handler)
    {
        handler = new OAuthClientCredentialsHandler(Options(TimeProvider.System)) { InnerHandler = server };
        return new HttpClient(handler) { BaseAddress = Base };
    }

    private static OAuthClientCredentialsOptions Options(TimeProvider clock)
        => new() { ClientId = "mdb_sa_id_client", ClientSecret = Secret, BaseAddress = Base, TimeProvider = clock };

    private static bool IsToken(HttpRequestMessage request) => request.RequestUri!.AbsolutePath == "/api/oauth/token";

    private static HttpResponseMessage Token(string value, int expiresIn = 3600)
        => Ok($$"""{"access_token":"{{value}}","expires_in":{{expiresIn}},"token_type":"Bearer"}""");

    private static HttpResponseMessage Ok(string? json = null)
    {
        var response = new HttpResponseMessage(json is null ? HttpStatusCode.NoContent : HttpStatusCode.OK);
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return response;
    }
}
