#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary>API keys with HTTP Digest (RFC 7616) against the simulator's strict digest: ours, and .NET's built-in one.</summary>
public sealed class DigestTests
{
    private const int Calls = 20;

    [Fact]
    public async Task RunOfCallsCostsOneRoundTripEachAfterTheFirstChallenge()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ApiKey()));

        for (int i = 0; i < Calls; i++)
        {
            Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        }

        Assert.Equal(Calls + 1, server.Faults.RequestCount);
        Assert.Equal(1, server.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task BuiltInDigestWorksButCostsTwoRoundTripsPerCall()
    {
        await using TestServer server = await TestServer.StartAsync();
        var credentials = new CredentialCache
        {
            { server.BaseAddress, "Digest", new NetworkCredential(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey) },
        };
        using var http = new HttpClient(new HttpClientHandler { Credentials = credentials, PreAuthenticate = true }) { BaseAddress = server.BaseAddress };
        var atlas = new AtlasClient(http);

        for (int i = 0; i < Calls; i++)
        {
            Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        }

        // .NET answers every challenge but never reuses a nonce: each call is challenged again.
        Assert.Equal(2 * Calls, server.Faults.RequestCount);
        Assert.Equal(Calls, server.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task StaleNonceIsAnsweredTransparently()
    {
        await using TestServer server = await TestServer.StartAsync(o => o.NonceLifetime = TimeSpan.FromMinutes(5));
        var atlas = new AtlasClient(server.Http(server.ApiKey()));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        // 2 + 1 for the first challenge, 2 for the stale one, 1 with the new nonce.
        Assert.Equal(6, server.Faults.RequestCount);
        Assert.Equal(2, server.Faults.DigestChallengeCount);
        LogEntry stale = Assert.Single(server.Logs.Named("DigestChallenged"), e => (bool)e.Values["Stale"]!);
        Assert.True((bool)stale.Values["HadNonce"]!);
    }

    [Fact]
    public async Task NonceForgottenByARestartedServerIsChallengedAgain()
    {
        await using TestServer first = await TestServer.StartAsync();
        int port = first.BaseAddress.Port;
        SpecClientOptions options = first.ApiKey();
        using HttpClient http = SpecClientHttp.CreateHttpClient(options);
        var atlas = new AtlasClient(http);
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        await first.DisposeAsync();

        await using TestServer second = await TestServer.StartAsync(o => o.Port = port);
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(3, second.Faults.RequestCount);
        Assert.Equal(1, second.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task DigestUriIncludesTheQuery()
    {
        // The simulator compares the uri directive with the request target byte for byte.
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ApiKey()));

        var parameters = new ListGroupInvitesParams { GroupId = SimulatorDemo.ProductionProjectId, Username = "judy.alvarez@acme.example", Pretty = true };
        GroupInvitation only = Assert.Single(await atlas.Projects.ListGroupInvitesAsync(parameters));
        Assert.Single(await atlas.Projects.ListGroupInvitesAsync(parameters));

        Assert.Equal("judy.alvarez@acme.example", only.Username);
        Assert.Equal(3, server.Faults.RequestCount);
    }

    [Fact]
    public async Task FirstRequestBodyIsSentAgainWithTheAnswerToTheChallenge()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ApiKey()));

        OrganizationInvitation created = await atlas.Organizations.CreateOrgInviteAsync(
            SimulatorDemo.OrgId,
            new OrganizationInvitationRequest { Username = "new.hire@acme.example", Roles = [OrgRole.OrgMember] });

        Assert.Equal("new.hire@acme.example", created.Username);
        Assert.Equal(2, server.Faults.RequestCount);
    }

    [Fact]
    public async Task StreamBodyIsBufferedSoTheChallengeCanBeAnswered()
    {
        await using TestServer server = await TestServer.StartAsync();
        HttpClient http = server.Http(server.ApiKey());
        byte[] json = Encoding.UTF8.GetBytes("""{"username":"stream.body@acme.example","roles":["ORG_MEMBER"]}""");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/atlas/v2/orgs/{SimulatorDemo.OrgId}/invites")
        {
            Content = new StreamContent(new ForwardOnlyStream(json)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.atlas.2023-01-01+json");
        request.Headers.Accept.ParseAdd("application/vnd.atlas.2025-03-12+json");
        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        Assert.Contains("stream.body@acme.example", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, server.Faults.RequestCount);
    }

    [Fact]
    public async Task WrongPrivateKeyIsA401ApiExceptionAfterOneAnswer()
    {
        const string WrongKey = "not-the-private-key";
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ApiKey(privateKey: WrongKey)));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("UNAUTHORIZED", error.ErrorCode);
        Assert.Equal(2, server.Faults.RequestCount);
        Assert.DoesNotContain(WrongKey, error.ToString());
        Assert.DoesNotContain(WrongKey, server.Logs.AllText);
        Assert.Contains("Authorization: Digest [redacted]", server.Logs.AllText);
    }

    [Fact]
    public async Task ConcurrentCallsShareTheNonceAndAllSucceed()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ApiKey()));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId)));

        Assert.All(results, Assert.NotEmpty);

        // Out-of-order nonce counts cost a re-challenge each, never a failure.
        Assert.InRange(server.Faults.RequestCount, 51, 2 + (2 * 50));
    }

    /// <summary>A body that can be read once, front to back, like a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
