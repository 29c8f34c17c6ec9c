using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>
/// Server-sent events read by <see cref="ApiConnection.SendForEvents{T}"/> from a real server on the loopback, which
/// sends its events in pieces and pauses between them.
/// </summary>
public class EventStreamTests
{
    private static readonly ApiOperation StreamChat = new("streamChat", "POST", "/chat/stream");

    [Fact]
    public async Task EventsAreParsedByTheWhatwgRulesAndDoneEndsThem()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<Chunk> stream = ChunkStream(connection);

        Task<List<ServerSentEvent<Chunk>>> reading = ReadAllAsync(stream.Events);
        await server.StartAsync();
        await server.WriteAsync(": a comment, skipped\n\n");
        await server.WriteAsync("event: delta\nid: 7\nretry: 1500\ndata: {\"text\":\n");
        await Task.Delay(50);
        await server.WriteAsync("data: \"one\"}\n\n");
        await server.WriteAsync("data: {\"text\":\"two\"}\r\n\r\n");
        await server.WriteAsync("data: {\"text\":\"three\"}\r\r");
        await server.WriteAsync("data: [DONE]\n\n");
        await server.WriteAsync("data: {\"text\":\"after done\"}\n\n");
        await server.CloseAsync();
        List<ServerSentEvent<Chunk>> events = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["one", "two", "three"], events.ConvertAll(e => e.Value.Text));
        Assert.Equal("delta", events[0].EventType);
        Assert.Equal("{\"text\":\n\"one\"}", events[0].Data);
        Assert.Equal("7", events[0].Id);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), events[0].Retry);
        Assert.Equal("message", events[1].EventType);
        Assert.Equal("7", events[1].Id);
        Assert.Contains("Accept: text/event-stream", await server.RequestHeadAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstItemArrivesBeforeTheResponseEnds()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<string> stream = TextStream(connection);

        await using IAsyncEnumerator<string> items = stream.GetAsyncEnumerator();
        ValueTask<bool> first = items.MoveNextAsync();
        await server.StartAsync();
        await server.WriteAsync("data: first\n\n");

        Assert.True(await first.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("first", items.Current);
        ValueTask<bool> second = items.MoveNextAsync();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        await server.WriteAsync("data: second\n\n");
        Assert.True(await second.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("second", items.Current);
    }

    [Fact]
    public async Task EventsArriveAsTheyComeThroughSpecClientHttpsChain()
    {
        await using var server = new LoopbackEventServer();
        // The pipeline's timeouts bound the wait for the headers, not a stream that goes on longer (2 s: room for a loaded
        // machine to answer the headers; the pause below outlasts it).
        using HttpClient http = SpecClientHttp.CreateHttpClient(new SpecClientOptions { BaseAddress = server.BaseAddress, AttemptTimeout = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(2) });
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<string> stream = TextStream(connection);

        await using IAsyncEnumerator<string> items = stream.GetAsyncEnumerator();
        ValueTask<bool> first = items.MoveNextAsync();
        await server.StartAsync();
        await server.WriteAsync("data: first\n\n");

        Assert.True(await first.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("first", items.Current);
        await Task.Delay(2500);
        await server.WriteAsync("data: second\n\n");
        await server.CloseAsync();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("second", items.Current);
        Assert.False(await items.MoveNextAsync());
    }

    [Fact]
    public async Task StoppingEarlyClosesTheConnection()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<string> stream = TextStream(connection);

        Task<string?> firstOnly = FirstAsync(stream);
        await server.StartAsync();
        await server.WriteAsync("data: first\n\n");
        Assert.Equal("first", await firstOnly.WaitAsync(TimeSpan.FromSeconds(10)));

        Task closed = server.ClientClosedAsync(TimeSpan.FromSeconds(10));
        await closed;
        Assert.True(closed.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task CancellationStopsAWaitingRead()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<string> stream = TextStream(connection);
        using var cts = new CancellationTokenSource();

        await using IAsyncEnumerator<string> items = stream.GetAsyncEnumerator(cts.Token);
        ValueTask<bool> first = items.MoveNextAsync();
        await server.StartAsync();
        await server.WriteAsync("data: first\n\n");
        Assert.True(await first);
        ValueTask<bool> second = items.MoveNextAsync();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AnErrorStatusThrowsApiExceptionBeforeAnyEvent()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<Chunk> stream = ChunkStream(connection);

        Task<List<ServerSentEvent<Chunk>>> reading = ReadAllAsync(stream.Events);
        await server.StartAsync(429, "application/json", "{\"error\":\"slow down\"}");
        await server.CloseAsync();

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("{\"error\":\"slow down\"}", error.RawBody);
    }

    [Fact]
    public async Task DataThatIsNotTheItemTypeThrowsApiExceptionWithTheData()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<Chunk> stream = ChunkStream(connection);

        Task<List<ServerSentEvent<Chunk>>> reading = ReadAllAsync(stream.Events);
        await server.StartAsync();
        await server.WriteAsync("data: not json\n\n");
        await server.CloseAsync();

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("not json", error.RawBody);
        Assert.Contains("an event's data is not a Chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamIsReadOnce()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        var connection = new ApiConnection(http, server.BaseAddress);
        EventStream<string> stream = TextStream(connection);

        await using IAsyncEnumerator<string> items = stream.GetAsyncEnumerator();

        Assert.Throws<InvalidOperationException>(() => stream.GetAsyncEnumerator());
    }

    [Fact]
    public async Task RequestOptionsApplyToStreams()
    {
        await using var server = new LoopbackEventServer();
        using var http = new HttpClient();
        // Long enough for the request head to reach the server on a loaded machine before the timeout cancels the call
        // (200 ms was not, once); the server never answers, so the timeout is what ends it.
        ApiConnection connection = new ApiConnection(http, server.BaseAddress).WithOptions(new RequestOptions { Headers = { ["X-Trace"] = "abc" }, Timeout = TimeSpan.FromSeconds(2) });
        EventStream<string> stream = TextStream(connection);

        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => ReadAllAsync(stream.Events).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.StartsWith("streamChat (POST /chat/stream) timed out", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("X-Trace: abc", await server.RequestHeadAsync(), StringComparison.Ordinal);
    }

    /// <summary>Starts the chat stream call, its items read as <see cref="Chunk"/>s; the server answers when the test writes.</summary>
    private static EventStream<Chunk> ChunkStream(ApiConnection connection)
        => connection.SendForEvents(ChatRequest(connection), EventJson.Default.Chunk, null, default);

    /// <summary>Starts the chat stream call, its items read as the events' text.</summary>
    private static EventStream<string> TextStream(ApiConnection connection)
        => connection.SendForEvents(ChatRequest(connection), null, default);

    private static System.Net.Http.HttpRequestMessage ChatRequest(ApiConnection connection)
        => connection.CreateRequest(StreamChat, "chat/stream", "text/event-stream");

    private static async Task<List<ServerSentEvent<T>>> ReadAllAsync<T>(IAsyncEnumerable<ServerSentEvent<T>> events)
    {
        var read = new List<ServerSentEvent<T>>();
        await foreach (ServerSentEvent<T> serverSentEvent in events)
        {
            read.Add(serverSentEvent);
        }

        return read;
    }

    private static async Task<string?> FirstAsync(IAsyncEnumerable<string> items)
    {
        await foreach (string item in items)
        {
            return item;
        }

        return null;
    }
}

public sealed class Chunk
{
    public string Text { get; set; } = "";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Chunk))]
internal sealed partial class EventJson : JsonSerializerContext
{
}
