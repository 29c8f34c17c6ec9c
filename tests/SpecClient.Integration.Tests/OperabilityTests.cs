#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary>Response metadata (rate limits, deprecation), log events and the User-Agent.</summary>
public sealed class OperabilityTests
{
    private static readonly DateTimeOffset Sunset = new(2027, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryCallReportsRateLimitAndDeprecationHeaders()
    {
        await using TestServer server = await TestServer.StartAsync(o => o.RateLimit = new RateLimitOptions { Capacity = 100, RefillPerSecond = 1 });
        var seen = new ConcurrentQueue<ApiResponseInfo>();
        SpecClientOptions options = server.ServiceAccount();
        options.OnResponse = seen.Enqueue;
        var atlas = new AtlasClient(server.Http(options));

        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        await atlas.Projects.ListGroupInvitesAsync(SimulatorDemo.ProductionProjectId);

        ApiResponseInfo[] infos = seen.ToArray();
        Assert.Equal(2, infos.Length);
        Assert.All(infos, info => Assert.Equal(100, info.RateLimitLimit));
        Assert.Equal([99L, 98L], infos.Select(i => i.RateLimitRemaining!.Value));
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero), infos[0].Deprecation);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 0, 0, 0, TimeSpan.Zero), infos[1].Deprecation);
        Assert.All(infos, info => Assert.True(info.IsDeprecated));
        Assert.All(infos, info => Assert.Equal(Sunset, info.Sunset));
        Assert.Equal(HttpMethod.Get, infos[0].Method);
        Assert.Equal($"/api/atlas/v2/orgs/{SimulatorDemo.OrgId}/invites", infos[0].RequestUri!.AbsolutePath);
        Assert.Contains("RateLimit-Remaining 99/100", infos[0].ToString());
    }

    [Fact]
    public async Task RateLimitedCallIsAnApiExceptionCarryingTheBudgetAndALogWarning()
    {
        await using TestServer server = await TestServer.StartAsync(o => o.RateLimit = new RateLimitOptions { Capacity = 1, RefillPerSecond = 0.1 });
        SpecClientOptions options = server.ServiceAccount();
        options.Retry.MaxRetryAttempts = 0;
        var atlas = new AtlasClient(server.Http(options));
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.True(error.IsErrorCode(ApiErrorCodes.RateLimitedTokenBucket));
        Assert.Equal(TimeSpan.FromSeconds(10), error.ResponseInfo.RetryAfter);
        Assert.Equal(0, error.ResponseInfo.RateLimitRemaining);
        Assert.Equal(1, error.ResponseInfo.RateLimitLimit);
        LogEntry warning = Assert.Single(server.Logs.Named("RateLimited"));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Equal(10.0, warning.Values["RetryAfterSeconds"]);
    }

    [Fact]
    public async Task DeprecationIsLoggedOncePerDeprecationAndSunset()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ApiKey()));

        for (int i = 0; i < 3; i++)
        {
            await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
            await atlas.Projects.ListGroupInvitesAsync(SimulatorDemo.ProductionProjectId);
        }

        IReadOnlyList<LogEntry> warnings = server.Logs.Named("DeprecatedOperation");
        Assert.Equal(["2025-03-12", "2023-11-15"], warnings.Select(w => (string)w.Values["Deprecation"]!));
        Assert.All(warnings, w => Assert.Equal("2027-07-01", w.Values["Sunset"]));
        Assert.Equal(6, server.Logs.Named("ResponseReceived").Count);
    }

    [Fact]
    public async Task RequestHeadersAreLoggedAtTraceWithAuthorizationRedacted()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ApiKey()));

        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        IReadOnlyList<LogEntry> headers = server.Logs.Named("RequestHeaders");
        Assert.Equal(2, headers.Count);
        Assert.All(headers, h => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Trace, h.Level));
        Assert.All(headers, h => Assert.Contains("Authorization: Digest [redacted]", h.Message));
        Assert.All(headers, h => Assert.Contains("User-Agent: SpecClient/0.1.0", h.Message));
        string logs = server.Logs.AllText;
        Assert.DoesNotContain("response=", logs);
        Assert.DoesNotContain("cnonce", logs);
        Assert.DoesNotContain(SimulatorDemo.PrivateKey, logs);
        Assert.All(server.Logs.Entries, e => Assert.Equal(SpecClientLogCategory, e.Category));
    }

    [Fact]
    public async Task UserAgentNamesSpecClientAfterTheCallersProduct()
    {
        await using TestServer server = await TestServer.StartAsync();
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        HttpClient http = server.Http(server.ServiceAccount(), primary: recorder);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("InviteJanitor/1.0");
        var atlas = new AtlasClient(http);

        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);

        Assert.Equal(["SpecClient/0.1.0", "InviteJanitor/1.0 SpecClient/0.1.0"], recorder.UserAgents);
        Assert.Equal("SpecClient/" + typeof(ApiConnection).Assembly.GetName().Version!.ToString(3), ApiConnection.UserAgent);
    }

    private const string SpecClientLogCategory = "SpecClient";

    /// <summary>Records the User-Agent of every request as it leaves for the network.</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly ConcurrentQueue<string> _userAgents = new();

        public IReadOnlyList<string> UserAgents => _userAgents.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _userAgents.Enqueue(request.Headers.UserAgent.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
