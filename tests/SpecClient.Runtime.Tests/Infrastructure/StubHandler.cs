using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime.Tests.Infrastructure;

/// <summary>One request as the handler saw it when it was sent (the body is read at send time).</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyList<string> Accept,
    string? ContentType,
    string? Body);

/// <summary>
/// An in-memory server: records every request, answers with queued responses first, then with the default one.
/// Honours cancellation the way a real handler does.
/// </summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = new();
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _queued = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _default;

    /// <summary>Every request sent so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>How many requests reached the handler.</summary>
    public int CallCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>The only request sent; fails when there were none or several.</summary>
    public RecordedRequest Single()
    {
        IReadOnlyList<RecordedRequest> requests = Requests;
        if (requests.Count != 1)
        {
            throw new InvalidOperationException($"Expected exactly one request, got {requests.Count}.");
        }

        return requests[0];
    }

    /// <summary>Answers every request not served by the queue with this response.</summary>
    public StubHandler RespondWith(HttpStatusCode status, string? body = null, string? contentType = "application/json", IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        _default = (_, _) => Task.FromResult(CreateResponse(status, body, contentType, headers));
        return this;
    }

    /// <summary>Answers the next request with this response.</summary>
    public StubHandler Enqueue(HttpStatusCode status, string? body = null, string? contentType = "application/json", IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        lock (_gate)
        {
            _queued.Enqueue((_, _) => Task.FromResult(CreateResponse(status, body, contentType, headers)));
        }

        return this;
    }

    /// <summary>Answers the next request only when its token is cancelled (a server that never answers).</summary>
    /// <param name="arrived">Completed when the request has reached the handler.</param>
    public StubHandler EnqueueHang(TaskCompletionSource arrived)
    {
        lock (_gate)
        {
            _queued.Enqueue(async (_, cancellationToken) =>
            {
                arrived.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
            });
        }

        return this;
    }

    /// <summary>Fails the next request the way a broken connection does.</summary>
    public StubHandler EnqueueFailure(Exception exception)
    {
        lock (_gate)
        {
            _queued.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        IReadOnlyList<string> accept = request.Headers.TryGetValues("Accept", out IEnumerable<string>? values) ? values.ToArray() : Array.Empty<string>();
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, accept, request.Content?.Headers.ContentType?.ToString(), body);

        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond;
        lock (_gate)
        {
            _requests.Add(recorded);
            respond = _queued.Count > 0
                ? _queued.Dequeue()
                : _default ?? throw new InvalidOperationException($"No response configured for {request.Method} {request.RequestUri}.");
        }

        HttpResponseMessage response = await respond(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private static HttpResponseMessage CreateResponse(HttpStatusCode status, string? body, string? contentType, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (KeyValuePair<string, string> header in headers ?? Array.Empty<KeyValuePair<string, string>>())
        {
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return response;
    }
}
