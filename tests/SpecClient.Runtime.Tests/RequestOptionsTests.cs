#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>RequestOptions through a connection made by <see cref="ApiConnection.WithOptions"/>: headers, timeout, retries.</summary>
public class RequestOptionsTests
{
    [Fact]
    public async Task OptionHeadersAreSentByTheNewConnectionOnly()
    {
        var seen = new ConcurrentQueue<string?>();
        var server = new RoutingHandler((request, _) =>
        {
            seen.Enqueue(request.Headers.TryGetValues("X-Trace", out var values) ? string.Join(",", values) : null);
            return Task.FromResult(Json(OrgInvitationJson));
        });
        using var http = new HttpClient(server);
        var plain = new AtlasClient(http, new Uri("https://cloud.mongodb.com/"));
        IAtlasClient traced = ((IAtlasClient)plain).WithOptions(new RequestOptions { Headers = { ["X-Trace"] = "abc" } });

        await traced.Organizations.GetOrgInviteAsync(OrgId, InvitationId);
        await plain.Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(new string?[] { "abc", null }, seen.ToArray());
        Assert.Same(plain.Connection.HttpClient, traced.Connection.HttpClient);
    }

    [Fact]
    public async Task OptionsAreCopiedWhenTheConnectionIsMade()
    {
        var seen = new ConcurrentQueue<string?>();
        var server = new RoutingHandler((request, _) =>
        {
            seen.Enqueue(request.Headers.TryGetValues("X-Trace", out var values) ? string.Join(",", values) : null);
            return Task.FromResult(Json(OrgInvitationJson));
        });
        using var http = new HttpClient(server);
        var options = new RequestOptions { Headers = { ["X-Trace"] = "first" } };
        var traced = new AtlasClient(new AtlasClient(http).Connection.WithOptions(options));
        options.Headers["X-Trace"] = "second";

        await traced.Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(new string?[] { "first" }, seen.ToArray());
    }

    [Fact]
    public async Task LaterOptionsAddHeadersToEarlierOnes()
    {
        var seen = new ConcurrentQueue<string>();
        var server = new RoutingHandler((request, _) =>
        {
            seen.Enqueue(string.Join(";", request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.Ordinal)).OrderBy(h => h.Key).Select(h => h.Key + "=" + string.Join(",", h.Value))));
            return Task.FromResult(Json(OrgInvitationJson));
        });
        using var http = new HttpClient(server);
        ApiConnection first = new AtlasClient(http).Connection.WithOptions(new RequestOptions { Headers = { ["X-A"] = "1", ["X-B"] = "1" } });
        ApiConnection second = first.WithOptions(new RequestOptions { Headers = { ["x-b"] = "2" } });

        await new AtlasClient(second).Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(["X-A=1;X-B=2"], seen.ToArray());
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("accept")]
    [InlineData("Content-Type")]
    public void HeadersTheClientOwnsAreRefused(string name)
    {
        var options = new RequestOptions();

        ArgumentException indexer = Assert.Throws<ArgumentException>(() => options.Headers[name] = "x");
        ArgumentException add = Assert.Throws<ArgumentException>(() => options.Headers.Add(name, "x"));

        Assert.Contains($"'{name}'", indexer.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization, Accept, Content-Type", add.Message, StringComparison.Ordinal);
        Assert.Empty(options.Headers);
    }

    [Theory]
    [InlineData("X Trace", "v")]
    [InlineData("X-Trace:", "v")]
    [InlineData("X-Trace", "a\r\nInjected: 1")]
    public void MalformedHeadersAreRefused(string name, string value)
        => Assert.Throws<ArgumentException>(() => new RequestOptions { Headers = { [name] = value } });

    [Fact]
    public void ATimeoutMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestOptions { Timeout = TimeSpan.Zero });
        Assert.Null(new RequestOptions { Timeout = Timeout.InfiniteTimeSpan }.Timeout);
    }

    [Fact]
    public async Task AnExpiredTimeoutNamesTheOperationAndTheTimeout()
    {
        var stub = new StubHandler().EnqueueHang(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        using HttpClient http = Http(stub);
        var client = new AtlasClient(new AtlasClient(http).Connection.WithOptions(new RequestOptions { Timeout = TimeSpan.FromMilliseconds(100) }));

        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(
            $"getOrgInvite (GET /api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}) timed out: no answer within 0.1 s (RequestOptions.Timeout).",
            timeout.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotATimeout()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler().EnqueueHang(arrived);
        using HttpClient http = Http(stub);
        var client = new AtlasClient(new AtlasClient(http).Connection.WithOptions(new RequestOptions { Timeout = TimeSpan.FromSeconds(30) }));
        using var cts = new CancellationTokenSource();

        Task get = client.Organizations.GetOrgInviteAsync(OrgId, InvitationId, cts.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cts.Cancel();

        OperationCanceledException cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
        Assert.Equal(cts.Token, cancelled.CancellationToken);
    }

    [Fact]
    public async Task ATimeoutCoversReadingTheBody()
    {
        var server = new RoutingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new StallingStream(Encoding.UTF8.GetBytes("{\"id\":"))),
        }));
        using var http = new HttpClient(server);
        var client = new AtlasClient(new AtlasClient(http).Connection.WithOptions(new RequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }));

        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.StartsWith("getOrgInvite (GET ", timeout.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public async Task DisableRetriesMakesTheResiliencePipelineTryOnce(bool disableRetries, int requests)
    {
        var server = new RoutingHandler((_, n) => Task.FromResult(n == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.NoContent)));
        using HttpClient http = SpecClientHttp.CreateHttpClient(
            new SpecClientOptions { BaseAddress = new Uri("https://cloud.mongodb.com/"), Retry = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.Zero } },
            primaryHandler: server);
        var client = new AtlasClient(new AtlasClient(http).Connection.WithOptions(new RequestOptions { DisableRetries = disableRetries }));

        Task delete = client.Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);

        if (disableRetries)
        {
            ApiException error = await Assert.ThrowsAsync<ApiException>(() => delete);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        }
        else
        {
            await delete;
        }

        Assert.Equal(requests, server.Requests.Count);
    }

    [Fact]
    public void DisableRetriesTravelsInTheRequestsOptions()
    {
        using var http = new HttpClient();
        ApiConnection plain = new AtlasClient(http).Connection;
        ApiConnection once = plain.WithOptions(new RequestOptions { DisableRetries = true });
        var operation = new ApiOperation("deleteOrgInvite", "DELETE", "/x");

        using HttpRequestMessage marked = once.CreateRequest(operation, "x", "application/json");
        using HttpRequestMessage unmarked = plain.CreateRequest(operation, "x", "application/json");

        Assert.True(marked.Options.TryGetValue(RequestOptions.RetriesDisabledKey, out bool disabled) && disabled);
        Assert.False(unmarked.Options.TryGetValue(RequestOptions.RetriesDisabledKey, out _));
    }

    private static HttpResponseMessage Json(string body)
        => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>A body that gives its first bytes and then waits until cancelled, as a stalled server does.</summary>
    private sealed class StallingStream(byte[] start) : System.IO.Stream
    {
        private bool _started;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_started)
            {
                _started = true;
                start.CopyTo(buffer);
                return start.Length;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
