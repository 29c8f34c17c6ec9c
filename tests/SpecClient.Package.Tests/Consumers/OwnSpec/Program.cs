using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

// A consumer with its own spec: <OpenApiSpec Include="pets.yaml" Namespace="Acme.Pets" ClientName="PetsClient" />.
internal static class Program
{
    private static async Task Main()
    {
        Console.WriteLine(typeof(Acme.Pets.PetsClient).FullName);

        using var httpClient = new HttpClient(new PrintingHandler());
        var pets = new Acme.Pets.PetsClient(httpClient);
        await pets.Animals.DeletePetAsync("rex", CancellationToken.None);
    }
}

internal sealed class PrintingHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{request.Method} {request.RequestUri} Accept: {string.Join(", ", request.Headers.GetValues("Accept"))}");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request });
    }
}
