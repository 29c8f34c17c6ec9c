using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

public sealed partial class ApiConnection
{
    /// <summary>The data that ends an OpenAI-style stream: <c>data: [DONE]</c>.</summary>
    internal const string DoneData = "[DONE]";

    /// <summary>
    /// Reads a request's <c>text/event-stream</c> answer as events whose data is JSON of <typeparamref name="T"/>.
    /// Called by generated code; the request is sent when the stream is first enumerated, and disposed with it.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The request, owned by the stream from now on.</param>
    /// <param name="itemType">The JSON metadata of an event's data.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call and the reading (as does the enumeration's own token).</param>
    /// <returns>The events, parsed by <see cref="SseParser"/>: comments skipped, <c>data</c> lines joined with <c>\n</c>, CR, LF and CRLF accepted; <c>data: [DONE]</c> ends them.</returns>
    /// <remarks>
    /// Enumerating throws <see cref="ApiException"/> for an error status (before any event) or for an event whose data
    /// is not a <typeparamref name="T"/>; <see cref="HttpRequestException"/>, <see cref="TimeoutException"/> and
    /// <see cref="OperationCanceledException"/> as other calls do.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="itemType"/> is null.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EventStream<T> SendForEvents<T>(HttpRequestMessage request, JsonTypeInfo<T> itemType, JsonTypeInfo? errorType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itemType);
        return new EventStream<T>(new EventReader<T>(this, request, itemType, errorType, cancellationToken).Start);
    }

    /// <summary>
    /// Reads a request's <c>text/event-stream</c> answer as events whose data is text (the spec gives no schema, or a
    /// string one). Called by generated code; see <see cref="SendForEvents{T}(HttpRequestMessage, JsonTypeInfo{T}, JsonTypeInfo?, CancellationToken)"/>.
    /// </summary>
    /// <param name="request">The request, owned by the stream from now on.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call and the reading.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EventStream<string> SendForEvents(HttpRequestMessage request, JsonTypeInfo? errorType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new EventStream<string>(new EventReader<string>(this, request, null, errorType, cancellationToken).Start);
    }

    /// <summary>
    /// Reads one event stream: the first <see cref="MoveNextAsync"/> sends the request through the one send path (trace,
    /// <see cref="RequestOptions.Timeout"/>, error status), which hands over the response; the events are then parsed
    /// from its body as they arrive. Disposing the reader disposes the response.
    /// </summary>
    private sealed class EventReader<T>(ApiConnection connection, HttpRequestMessage request, JsonTypeInfo<T>? itemType, JsonTypeInfo? errorType, CancellationToken callToken)
        : AsyncWalk<ServerSentEvent<T>>(callToken)
    {
        private HttpResponseMessage? _response;
        private JsonTypeInfo<T>? _readType;
        private SseParser<string>? _parser;
        private IAsyncEnumerator<SseItem<string>>? _items;

        /// <summary>The events for <see cref="EventStream{T}"/>, which hands the read token to the enumeration as well.</summary>
        public IAsyncEnumerable<ServerSentEvent<T>> Start(CancellationToken readToken) => this;

        public override async ValueTask<bool> MoveNextAsync()
        {
            if (Done)
            {
                return false;
            }

            if (_items is null)
            {
                // The request is spent once sent: a stream that fails to start stays ended.
                Done = true;
                _readType = itemType is not null && connection.StrictResponseReading ? StrictReading.For(itemType) : itemType;
                _response = await connection.Send<HttpResponseMessage>(request, null, errorType, Reading.Response, Token).ConfigureAwait(false);
                _parser = SseParser.Create(await _response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false));
                _items = _parser.EnumerateAsync(Token).GetAsyncEnumerator(Token);
                Done = false;
            }

            if (!await _items.MoveNextAsync().ConfigureAwait(false) || _items.Current.Data == DoneData)
            {
                Done = true;
                return false;
            }

            SseItem<string> item = _items.Current;
            T value = _readType is null ? (T)(object)item.Data : ReadItem(request, _response!, item.Data, _readType);
            Current = new ServerSentEvent<T>(item.EventType, item.Data, _parser!.LastEventId is { Length: > 0 } id ? id : null, item.ReconnectionInterval, value);
            return true;
        }

        protected override ValueTask DisposeWalkAsync()
        {
            // The response first: the parser's enumerator then has only its buffers to give back.
            _response?.Dispose();
            return _items?.DisposeAsync() ?? default;
        }
    }

    private static T ReadItem<T>(HttpRequestMessage request, HttpResponseMessage response, string data, JsonTypeInfo<T> itemType)
    {
        try
        {
            return JsonSerializer.Deserialize(data, itemType)!;
        }
        catch (JsonException exception)
        {
            throw ResponseReader.CreateEventFailure(request, response, data, typeof(T).Name, exception);
        }
    }
}
