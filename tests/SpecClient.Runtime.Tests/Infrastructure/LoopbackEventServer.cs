using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) for one connection: it reads the request head, then lets the test
/// write the response in pieces, with pauses, as a streaming server does. The body ends when the connection closes.
/// </summary>
internal sealed class LoopbackEventServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task<(TcpClient Client, string RequestHead)> _accepted;

    public LoopbackEventServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepted = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The request line and headers the client sent.</summary>
    public async Task<string> RequestHeadAsync() => (await _accepted.WaitAsync(TimeSpan.FromSeconds(10))).RequestHead;

    /// <summary>Writes the status line and headers of a stream of events (or of another answer).</summary>
    public Task StartAsync(int status = 200, string contentType = "text/event-stream", string? body = null)
        => WriteAsync($"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n{body}");

    /// <summary>Writes a piece of the body and flushes it onto the wire.</summary>
    public async Task WriteAsync(string text)
    {
        NetworkStream stream = (await _accepted.WaitAsync(TimeSpan.FromSeconds(10))).Client.GetStream();
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>Ends the body by closing the connection.</summary>
    public async Task CloseAsync() => (await _accepted.WaitAsync(TimeSpan.FromSeconds(10))).Client.Close();

    /// <summary>Completes when the client has closed its end of the connection (read returns 0 or fails).</summary>
    public async Task ClientClosedAsync(TimeSpan within)
    {
        NetworkStream stream = (await _accepted.WaitAsync(TimeSpan.FromSeconds(10))).Client.GetStream();
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[256];
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            (await _accepted.WaitAsync(TimeSpan.FromSeconds(1))).Client.Dispose();
        }
        catch (Exception exception) when (exception is TimeoutException or SocketException or ObjectDisposedException)
        {
            // The client never connected.
        }
    }

    private async Task<(TcpClient, string)> AcceptAsync()
    {
        TcpClient client = await _listener.AcceptTcpClientAsync();
        NetworkStream stream = client.GetStream();
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        return (client, head.ToString());
    }
}
