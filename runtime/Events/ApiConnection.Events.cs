using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
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
        return new EventStream<T>(readToken => ReadEventsAsync(request, itemType, errorType, cancellationToken, readToken));
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
        return new EventStream<string>(readToken => ReadEventsAsync<string>(request, null, errorType, cancellationToken, readToken));
    }

    private async IAsyncEnumerable<ServerSentEvent<T>> ReadEventsAsync<T>(
        HttpRequestMessage request,
        JsonTypeInfo<T>? itemType,
        JsonTypeInfo? errorType,
        CancellationToken callToken,
        [EnumeratorCancellation] CancellationToken readToken)
    {
        using CancellationTokenSource? both = callToken.CanBeCanceled && readToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(callToken, readToken)
            : null;
        CancellationToken cancellationToken = both?.Token ?? (readToken.CanBeCanceled ? readToken : callToken);
        JsonTypeInfo<T>? readType = itemType is not null && StrictResponseReading ? StrictReading.For(itemType) : itemType;
        using (request)
        {
            using HttpResponseMessage response = _callOptions?.Timeout is { } timeout
                ? await WithTimeoutAsync(request, timeout, token => StartEventsAsync(request, errorType, token), cancellationToken).ConfigureAwait(false)
                : await StartEventsAsync(request, errorType, cancellationToken).ConfigureAwait(false);
            System.IO.Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            SseParser<string> parser = SseParser.Create(body);
            await foreach (SseItem<string> item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Data == DoneData)
                {
                    yield break;
                }

                T value = readType is null ? (T)(object)item.Data : ReadItem(request, response, item.Data, readType);
                yield return new ServerSentEvent<T>(item.EventType, item.Data, parser.LastEventId is { Length: > 0 } id ? id : null, item.ReconnectionInterval, value);
            }
        }
    }

    /// <summary>Sends an event-stream request and returns its successful response, whose body is still unread.</summary>
    private async Task<HttpResponseMessage> StartEventsAsync(HttpRequestMessage request, JsonTypeInfo? errorType, CancellationToken cancellationToken)
    {
        OperationTelemetry telemetry = OperationTelemetry.Start(request, _serverAddress, _serverPort);
        HttpResponseMessage? response = null;
        try
        {
            response = await SendHttpAsync(request, cancellationToken).ConfigureAwait(false);
            telemetry.ResponseReceived(response);
            if (!response.IsSuccessStatusCode)
            {
                throw await ResponseReader.CreateExceptionAsync(request, response, errorType, MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            }

            telemetry.Stop(null);
            return response;
        }
        catch (Exception exception)
        {
            response?.Dispose();
            telemetry.Stop(exception);
            throw;
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
