using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime.Tests.Infrastructure;

/// <summary>A server in memory that answers by a function and keeps every request's method, path and Authorization.</summary>
internal sealed class RoutingHandler(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<(string Method, string Path, string? Authorization, string? Body)> _requests = new();
    private int _count;

    public IReadOnlyList<(string Method, string Path, string? Authorization, string? Body)> Requests => _requests.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(), body));
        HttpResponseMessage response = await respond(request, Interlocked.Increment(ref _count));
        response.RequestMessage = request;
        return response;
    }
}
