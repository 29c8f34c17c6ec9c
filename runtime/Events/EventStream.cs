using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// The events of an operation that answers <c>text/event-stream</c>, read as they arrive. Enumerate it for the items
/// (<c>await foreach (var chunk in client.Chat.StreamChatAsync(request))</c>), or enumerate <see cref="Events"/> for
/// the raw events (type, data, id, retry) with their items.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// The request is sent when the enumeration starts, and only once: an event stream is read a single time. An error
/// status throws <see cref="ApiException"/> from the first <c>MoveNextAsync</c>. Stopping early (a <c>break</c>)
/// disposes the response and frees its connection. An event whose data is <c>[DONE]</c> ends the stream (the
/// convention of OpenAI-compatible APIs); it is not yielded.
/// </remarks>
public sealed class EventStream<T> : IAsyncEnumerable<T>
{
    private readonly Func<CancellationToken, IAsyncEnumerable<ServerSentEvent<T>>> _read;
    private int _started;

    /// <summary>Creates a stream over a source of events: generated clients use <see cref="ApiConnection"/>; tests and fakes may give their own.</summary>
    /// <param name="read">Reads the events, honouring the token it is given; called once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    public EventStream(Func<CancellationToken, IAsyncEnumerable<ServerSentEvent<T>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = read;
    }

    /// <summary>The raw events with their items.</summary>
    /// <exception cref="InvalidOperationException">The stream is already being read.</exception>
    public IAsyncEnumerable<ServerSentEvent<T>> Events => new EventsView(this);

    /// <summary>Starts reading the items.</summary>
    /// <param name="cancellationToken">Cancels the reading (together with the token the operation was called with).</param>
    /// <exception cref="InvalidOperationException">The stream is already being read.</exception>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new Items(Start(cancellationToken).GetAsyncEnumerator(cancellationToken));

    private IAsyncEnumerable<ServerSentEvent<T>> Start(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("An event stream can be read only once; call the operation again for a new stream.");
        }

        return _read(cancellationToken);
    }

    /// <summary>The events' items: a view over their enumerator, not an iterator of its own.</summary>
    private sealed class Items(IAsyncEnumerator<ServerSentEvent<T>> events) : IAsyncEnumerator<T>
    {
        public T Current => events.Current.Value;

        public ValueTask<bool> MoveNextAsync() => events.MoveNextAsync();

        public ValueTask DisposeAsync() => events.DisposeAsync();
    }

    private sealed class EventsView(EventStream<T> stream) : IAsyncEnumerable<ServerSentEvent<T>>
    {
        public IAsyncEnumerator<ServerSentEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
            => stream.Start(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
