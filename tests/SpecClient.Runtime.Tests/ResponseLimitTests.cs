#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.IO;
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

/// <summary>The response body limit, the User-Agent and body reads that break.</summary>
public class ResponseLimitTests
{
    [Fact]
    public void LimitComesFromTheHttpClientWhenItSetsOne()
    {
        using var plain = new HttpClient();
        using var limited = new HttpClient { MaxResponseContentBufferSize = 5000 };

        Assert.Equal(ApiConnection.DefaultMaxResponseBytes, new ApiConnection(plain, new Uri("https://a.example/")).MaxResponseBytes);
        Assert.Equal(5000, new ApiConnection(limited, new Uri("https://a.example/")).MaxResponseBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiConnection(plain, new Uri("https://a.example/")).MaxResponseBytes = 0);
    }

    [Fact]
    public async Task BodyWithoutLengthOverTheLimitIsAnApiExceptionKeepingItsBeginning()
    {
        string body = "[" + new string(' ', 3000) + "]";
        var server = new RoutingHandler((_, _) => Task.FromResult(Chunked(body)));
        using var http = new HttpClient(server);
        var atlas = new AtlasClient(new ApiConnection(http, new Uri("https://cloud.mongodb.com/")) { MaxResponseBytes = 1024 });

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(OrgId));

        Assert.Equal(body[..1024], error.RawBody);
        Assert.Contains("the body (more) is larger than the 1024-byte limit", error.Message);
    }

    [Fact]
    public async Task BodyExactlyAtTheLimitIsRead()
    {
        string body = "[" + new string(' ', 1022) + "]";
        var server = new RoutingHandler((_, _) => Task.FromResult(Chunked(body)));
        using var http = new HttpClient(server);
        var atlas = new AtlasClient(new ApiConnection(http, new Uri("https://cloud.mongodb.com/")) { MaxResponseBytes = 1024 });

        Assert.Empty(await atlas.Organizations.ListOrgInvitesAsync(OrgId));
    }

    [Fact]
    public async Task ErrorBodyOverTheLimitStillGivesTheStatus()
    {
        var server = new RoutingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent(new string('x', 5000)) }));
        using var http = new HttpClient(server);
        var atlas = new AtlasClient(new ApiConnection(http, new Uri("https://cloud.mongodb.com/")) { MaxResponseBytes = 1024 });

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(OrgId));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(1024, error.RawBody!.Length);
    }

    [Fact]
    public async Task BodyThatBreaksWhileReadIsAnHttpRequestExceptionWithTheStatus()
    {
        var server = new RoutingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) }));
        using var http = new HttpClient(server);
        var atlas = new AtlasClient(http);

        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(() => atlas.Organizations.ListOrgInvitesAsync(OrgId));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Contains("(4 bytes received)", error.Message);
    }

    [Fact]
    public async Task UserAgentIsSpecClientAfterTheHttpClientsOwn()
    {
        string? seen = null;
        var recorder = new RoutingHandler((request, _) =>
        {
            seen = request.Headers.UserAgent.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        });
        using var recording = new HttpClient(recorder);
        recording.DefaultRequestHeaders.UserAgent.ParseAdd("MyTool/2.1");

        await new AtlasClient(recording).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal("MyTool/2.1 " + ApiConnection.UserAgent, seen);
        Assert.Matches(@"^SpecClient/\d+\.\d+\.\d+", ApiConnection.UserAgent);
    }

    private static HttpResponseMessage Chunked(string body)
        => new(HttpStatusCode.OK) { Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body))) { Headers = { { "Content-Type", "application/json" } } } };

    /// <summary>A stream whose length is unknown (no Content-Length), like a chunked response.</summary>
    private sealed class UnknownLengthStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 100));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Four bytes, then the connection "breaks".</summary>
    private sealed class BreakingStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new IOException("Connection reset by peer");
            }

            _sent = true;
            "[{\"i"u8.CopyTo(buffer.AsSpan(offset));
            return 4;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
