#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary>
/// Bodies that are not what the spec promises, and failures without a response, over real Kestrel: each is an
/// exception that says what happened, and nothing unsafe is sent twice.
/// </summary>
public sealed class BadInputAndFaultTests
{
    private const string OrgInvites = "/api/atlas/v2/orgs/";
    private const string Html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

    [Fact]
    public async Task HtmlErrorPageIsAnApiExceptionWithTheRawBody()
    {
        await using TestServer server = await TestServer.StartAsync();
        AtlasClient atlas = NoRetries(server);
        server.Faults.RespondNext(1, 502, "text/html", Html, OrgInvites);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(Html, error.RawBody);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.Error);
    }

    [Fact]
    public async Task HtmlPageWithSuccessStatusIsAnApiExceptionNotAJsonException()
    {
        await using TestServer server = await TestServer.StartAsync();
        AtlasClient atlas = NoRetries(server);
        server.Faults.RespondNext(1, 200, "text/html", Html, OrgInvites);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(Html, error.RawBody);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task TruncatedJsonIsAnApiExceptionWithTheRawBody()
    {
        const string Truncated = """[{"id":"66c0d1e2f3a4b5c6d7e8f001","orgName":"Acme Corp","username":"carol""";
        await using TestServer server = await TestServer.StartAsync();
        AtlasClient atlas = NoRetries(server);
        server.Faults.RespondNext(1, 200, "application/vnd.atlas.2023-01-01+json", Truncated, OrgInvites);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(Truncated, error.RawBody);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Contains("is not a valid List", error.Message);
    }

    [Fact]
    public async Task WrongTypedJsonIsAnApiExceptionWithTheRawBody()
    {
        const string WrongTypes = """{"id":42,"orgName":["Acme"],"username":true}""";
        await using TestServer server = await TestServer.StartAsync();
        AtlasClient atlas = NoRetries(server);
        server.Faults.RespondNext(1, 200, "application/vnd.atlas.2023-01-01+json", WrongTypes, OrgInvites);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.GetOrgInviteAsync(SimulatorDemo.OrgId, SimulatorDemo.RecentOrgInvitationId));

        Assert.Equal(WrongTypes, error.RawBody);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task OversizedBodyIsAnApiExceptionKeepingItsBeginning()
    {
        string huge = "[" + string.Join(",", Enumerable.Repeat("""{"id":"66c0d1e2f3a4b5c6d7e8f001","orgName":"Acme Corp","username":"padding@acme.example"}""", 2000)) + "]";
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.MaxResponseBytes = 4096;
        var atlas = new AtlasClient(server.Http(options));
        server.Faults.RespondNext(1, 200, "application/vnd.atlas.2023-01-01+json", huge, OrgInvites);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Contains($"the body ({Encoding.UTF8.GetByteCount(huge)} bytes) is larger than the 4096-byte limit (MaxResponseBytes)", error.Message);
        Assert.Equal(huge[..4096], error.RawBody);

        // The connection survives for the next call.
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
    }

    [Fact]
    public async Task BodyCutOffMidwayIsAnHttpRequestExceptionNamingTheCall()
    {
        await using TestServer server = await TestServer.StartAsync();
        AtlasClient atlas = NoRetries(server);
        server.Faults.RespondNext(1, 200, "application/vnd.atlas.2023-01-01+json", """[{"id":"66c0d1e2f3a4b5c6d7e8f001",""", OrgInvites, cutOff: true);

        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.StartsWith($"GET /api/atlas/v2/orgs/{SimulatorDemo.OrgId}/invites answered 200, but the connection broke while the body was read", error.Message);
    }

    [Fact]
    public async Task DroppedConnectionOnPostIsAnHttpRequestExceptionAndThePostIsNotSentAgain()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        server.Faults.AbortNext(1, OrgInvites);
        long before = server.ApiRequests;

        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(
            () => atlas.Organizations.CreateOrgInviteAsync(SimulatorDemo.OrgId, RetryTests.NewInvite("dropped@acme.example")));

        Assert.StartsWith($"POST /api/atlas/v2/orgs/{SimulatorDemo.OrgId}/invites failed without a response", error.Message);
        Assert.Equal(1, server.ApiRequests - before);
        Assert.DoesNotContain(server.Simulator.State.Snapshot().Invitations, i => i.Username == "dropped@acme.example");
    }

    [Fact]
    public async Task TimeoutIsATimeoutExceptionNamingTheCall()
    {
        await using TestServer server = await TestServer.StartAsync();
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.MaxRetryAttempts = 0;
        // Long enough that the first, undelayed call never times out on a loaded machine; far below the delay.
        options.AttemptTimeout = TimeSpan.FromSeconds(2);
        var atlas = new AtlasClient(server.Http(options));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        server.Faults.DelayNext(1, TimeSpan.FromSeconds(10), OrgInvites);

        var clock = Stopwatch.StartNew();
        TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(9.5), $"took {clock.Elapsed}");
        Assert.Equal($"GET /api/atlas/v2/orgs/{SimulatorDemo.OrgId}/invites timed out: no response within 2 s.", error.Message);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
    }

    [Fact]
    public async Task HttpClientTimeoutIsATimeoutExceptionToo()
    {
        await using TestServer server = await TestServer.StartAsync();
        using var http = new HttpClient(new DigestAuthenticationHandler(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, new SocketsHttpHandler()))
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromMilliseconds(300),
        };
        var atlas = new AtlasClient(http);
        server.Faults.DelayNext(1, TimeSpan.FromSeconds(3), OrgInvites);

        TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Contains("(HttpClient.Timeout)", error.Message);
        Assert.IsType<TaskCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task ConnectionRefusedIsAnHttpRequestException()
    {
        Uri closed;
        await using (TestServer server = await TestServer.StartAsync())
        {
            closed = server.BaseAddress;
        }

        using HttpClient http = SpecClientHttp.CreateHttpClient(new SpecClientOptions { BaseAddress = closed, Retry = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.Zero } });
        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(() => new AtlasClient(http).Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Contains("failed without a response (ConnectionError)", error.Message);
    }

    private static AtlasClient NoRetries(TestServer server)
    {
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.MaxRetryAttempts = 0;
        return new AtlasClient(server.Http(options));
    }
}
