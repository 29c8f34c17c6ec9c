using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime;

// A consumer of SpecClient alone (no SpecClient.Http): a generated client over a plain HttpClient, calling a real
// server on 127.0.0.1: a JSON result, a 204, and an error status turned into an ApiException.
internal static class Program
{
    private static async Task Main()
    {
        int port = FreePort();
        using var server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        Task serving = ServeAsync(server, requests: 3);

        using var http = new HttpClient();
        var pets = new Acme.Pets.PetsClient(http, new Uri($"http://127.0.0.1:{port}/"));
        Acme.Pets.Pet rex = await pets.Animals.GetPetAsync("rex", CancellationToken.None);
        Console.WriteLine($"got {rex.Id} {rex.Name}");
        await pets.Animals.DeletePetAsync("rex", CancellationToken.None);
        Console.WriteLine("deleted rex");
        try
        {
            await pets.Animals.GetPetAsync("ghost", CancellationToken.None);
        }
        catch (ApiException error)
        {
            Console.WriteLine($"ghost: {(int)error.StatusCode}");
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
            string path = context.Request.Url!.AbsolutePath;
            Console.WriteLine($"server: {context.Request.HttpMethod} {path} User-Agent: {context.Request.UserAgent?.Split('/')[0]}");
            (int status, string? body) = (context.Request.HttpMethod, path) switch
            {
                ("GET", "/v1/pets/rex") => (200, """{"id":"p1","name":"rex"}"""),
                ("DELETE", "/v1/pets/rex") => (204, null),
                _ => (404, """{"detail":"no such pet"}"""),
            };
            context.Response.StatusCode = status;
            if (body is not null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }
}
