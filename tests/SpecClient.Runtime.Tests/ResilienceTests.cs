#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>Which methods SpecClient's pipeline retries, over an in-memory server.</summary>
public class ResilienceTests
{
    [Theory]
    [InlineData("GET", false, false, true)]
    [InlineData("HEAD", false, false, true)]
    [InlineData("OPTIONS", false, false, true)]
    [InlineData("PUT", false, false, true)]
    [InlineData("DELETE", false, false, true)]
    [InlineData("PATCH", false, false, false)]
    [InlineData("PATCH", true, false, true)]
    [InlineData("POST", false, false, false)]
    [InlineData("POST", true, false, false)]
    [InlineData("POST", false, true, true)]
    [InlineData("PATCH", false, true, false)]
    [InlineData("PATCH", true, true, true)]
    public void OnlyIdempotentMethodsAreRetriedUnlessOptedIn(string method, bool retryPatch, bool retryPost, bool retried)
        => Assert.Equal(retried, SpecClientResilience.IsRetryable(new HttpMethod(method), new SpecClientRetryOptions { RetryPatch = retryPatch, RetryPost = retryPost }));

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, 2)]
    [InlineData(HttpStatusCode.TooManyRequests, 2)]
    [InlineData(HttpStatusCode.InternalServerError, 2)]
    [InlineData(HttpStatusCode.BadGateway, 2)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 2)]
    [InlineData(HttpStatusCode.GatewayTimeout, 2)]
    [InlineData(HttpStatusCode.NotImplemented, 1)]
    [InlineData(HttpStatusCode.BadRequest, 1)]
    [InlineData(HttpStatusCode.NotFound, 1)]
    [InlineData(HttpStatusCode.Conflict, 1)]
    public async Task OnlyTransientStatusesAreRetried(HttpStatusCode status, int requests)
    {
        var server = new RoutingHandler((_, n) => Task.FromResult(n == 1 ? new HttpResponseMessage(status) : new HttpResponseMessage(HttpStatusCode.NoContent)));
        using HttpClient http = Http(server);

        try
        {
            await new AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);
        }
        catch (ApiException error)
        {
            Assert.Equal(status, error.StatusCode);
        }

        Assert.Equal(requests, server.Requests.Count);
    }

    [Fact]
    public async Task RetryPostDoesNotRetryPatch()
    {
        // The first two requests fail: the PATCH is not retried, the POST is (once).
        var server = new RoutingHandler((_, n) => Task.FromResult(n <= 2 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.NoContent)));
        using HttpClient http = SpecClientHttp.CreateHttpClient(
            new SpecClientOptions { BaseAddress = new Uri("https://cloud.mongodb.com/"), Retry = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.Zero, RetryPost = true } },
            primaryHandler: server);

        using HttpResponseMessage patch = await http.PatchAsync("things/1", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, patch.StatusCode);
        Assert.Single(server.Requests);

        using HttpResponseMessage post = await http.PostAsync("things", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NoContent, post.StatusCode);
        Assert.Equal(["PATCH", "POST", "POST"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task RetriedPutSendsTheSameBody()
    {
        var server = new RoutingHandler((_, n) => Task.FromResult(n == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.NoContent)));
        using HttpClient http = Http(server);

        using HttpResponseMessage response = await http.PutAsync("things/1", new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}"))));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["{\"a\":1}", "{\"a\":1}"], server.Requests.Select(r => r.Body));
    }

    [Fact]
    public void ValidOptionsPassAndEveryProblemIsListed()
    {
        var validator = new SpecClientOptionsValidator();
        Assert.True(validator.Validate(null, new SpecClientOptions { BaseAddress = new Uri("https://cloud.mongodb.com/") }).Succeeded);

        var bad = new SpecClientOptions
        {
            BaseAddress = new Uri("ftp://cloud.mongodb.com/"),
            ClientSecret = "s",
            Digest = new DigestCredential { Password = "p" },
            Retry = { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
            AttemptTimeout = TimeSpan.Zero,
            MaxResponseBytes = 10,
            TokenRefreshSkew = TimeSpan.FromSeconds(-1),
        };
        string[] failures = validator.Validate("x", bad).Failures!.ToArray();

        Assert.Equal(
            [
                "SpecClientOptions 'x': BaseAddress must use http or https; 'ftp://cloud.mongodb.com/' uses ftp.",
                "SpecClientOptions 'x': ClientId is missing: a ClientSecret is set, but a service account needs both ClientId and ClientSecret.",
                "SpecClientOptions 'x': Digest.UserName is missing: a Digest.Password is set, but Digest authentication needs both Digest.UserName and Digest.Password.",
                "SpecClientOptions 'x': set either a service account (ClientId, ClientSecret) or Digest credentials (Digest.UserName, Digest.Password), not both.",
                "SpecClientOptions 'x': Retry.MaxDelay must be at least Retry.BaseDelay (00:00:10) and at most 1 hour; it is 00:00:01.",
                "SpecClientOptions 'x': AttemptTimeout must be between 10 ms and 1 day; it is 00:00:00.",
                "SpecClientOptions 'x': MaxResponseBytes must be between 1024 and 2147483647; it is 10.",
                "SpecClientOptions 'x': TokenRefreshSkew must not be negative; it is -00:00:01.",
            ],
            failures);
        Assert.DoesNotContain(failures, f => f.Contains("'s'", StringComparison.Ordinal) || f.Contains("'p'", StringComparison.Ordinal));
    }

    [Fact]
    public void DigestNeedsBothHalvesAndAnEmptyOneMeansNone()
    {
        var validator = new SpecClientOptionsValidator();
        var api = new Uri("https://api.example/");

        // Configuration often binds blank placeholders: they configure nothing rather than half a credential.
        var blank = new SpecClientOptions { BaseAddress = api, Digest = new DigestCredential("", " ") };
        Assert.True(validator.Validate(null, blank).Succeeded);
        Assert.False(blank.UsesDigest);

        var half = new SpecClientOptions { BaseAddress = api, Digest = new DigestCredential { UserName = "alice" } };
        Assert.True(half.UsesDigest);
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => SpecClientHttp.CreateHttpClient(half));
        Assert.Equal(["SpecClientOptions: Digest.Password is missing: the Digest user name 'alice' needs both Digest.UserName and Digest.Password."], error.Failures);

        var whole = new SpecClientOptions { BaseAddress = api, Digest = new DigestCredential("alice", "secret-value") };
        Assert.True(validator.Validate(null, whole).Succeeded);
        Assert.True(whole.UsesDigest);
        Assert.Equal("{ UserName = alice, Password = [redacted] }", whole.Digest!.ToString());
    }

    private static HttpClient Http(RoutingHandler server)
        => SpecClientHttp.CreateHttpClient(
            new SpecClientOptions { BaseAddress = new Uri("https://cloud.mongodb.com/"), Retry = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.Zero } },
            primaryHandler: server);
}
