using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Acme.Chat;
using SpecClient.Runtime;

// A consumer of SpecClient alone streaming server-sent events from a real server on 127.0.0.1: a comment, an event
// whose data spans two lines, a CRLF-terminated event and [DONE], sent in pieces with pauses; then the same call
// through WithOptions, which adds a header.
internal static class Program
{
    private static async Task Main()
    {
        int port = FreePort();
        using var server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        Task serving = ServeAsync(server, requests: 2);

        using var http = new HttpClient();
        var client = new ChatClient(http, new Uri($"http://127.0.0.1:{port}/"));
        int count = 0;
        await foreach (ChatChunk c in client.Chat.StreamChatAsync(new ChatRequest { Prompt = "hi" }))
        {
            count++;
            Console.WriteLine($"chunk: {c.Text}");
        }

        Console.WriteLine($"chunks: {count}");

        IChatClient traced = client.WithOptions(new RequestOptions { Headers = { ["X-Trace"] = "abc" } });
        await foreach (ChatChunk c in traced.Chat.StreamChatAsync(new ChatRequest { Prompt = "again" }))
        {
            Console.WriteLine($"traced chunk: {c.Text}");
        }

        await serving;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task ServeAsync(HttpListener server, int requests)
    {
        for (int i = 0; i < requests; i++)
        {
            HttpListenerContext context = await server.GetContextAsync();
            string body = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
            Console.WriteLine($"server: {context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} Accept: {context.Request.Headers["Accept"]} X-Trace: {context.Request.Headers["X-Trace"] ?? "none"} body: {body}");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            context.Response.SendChunked = true;
            Stream output = context.Response.OutputStream;
            string[] pieces =
            [
                ": the model is thinking\n\n",
                "data: {\"text\":\n",
                "data: \"Hel\"}\n\n",
                "data: {\"text\":\"lo\"}\r\n\r\n",
                "event: chunk\ndata: {\"text\":\"!\"}\n\n",
                "data: [DONE]\n\n",
            ];
            foreach (string piece in pieces)
            {
                await output.WriteAsync(Encoding.UTF8.GetBytes(piece));
                await output.FlushAsync();
                await Task.Delay(20);
            }

            context.Response.Close();
        }
    }
}
