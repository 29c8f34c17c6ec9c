// The 2025-03-12 invitation operations are deprecated by the API ([Obsolete] in the generated client).
#pragma warning disable CS0618

using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Atlas = SpecClient.Atlas.V20250312;
using CloudManager = SpecClient.CloudManager.V1;

internal static class Program
{
    private const string OrgId = "5f1a2b3c4d5e6f7a8b9c0d1e";
    private const string GroupId = "6a0b1c2d3e4f5a6b7c8d9e0f";
    private const string InvitationId = "64b0c1d2e3f4a5b6c7d8e9f0";

    private static async Task<int> Main()
    {
        var handler = new RecordingHandler();
        using var httpClient = new HttpClient(handler);

        var atlas = new Atlas.AtlasClient(httpClient);
        await atlas.Organizations.DeleteOrgInviteAsync(OrgId, InvitationId, CancellationToken.None);
        await atlas.Projects.DeleteGroupInviteAsync(GroupId, InvitationId, CancellationToken.None);

        var cloudManager = new CloudManager.CloudManagerClient(httpClient);
        await cloudManager.Projects.DeleteGroupInviteAsync(GroupId, InvitationId, CancellationToken.None);

        try
        {
            await atlas.Organizations.DeleteOrgInviteAsync("5F1A2B3C4D5E6F7A8B9C0D1E", InvitationId, CancellationToken.None);
            Console.WriteLine("malformed id: no exception");
        }
        catch (ArgumentException exception)
        {
            Console.WriteLine($"malformed id: {exception.GetType().Name} for {exception.ParamName}; requests sent: {handler.Count}");
        }

        return 0;
    }
}

internal sealed class RecordingHandler : HttpMessageHandler
{
    public int Count { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Count++;
        string accept = string.Join(", ", request.Headers.GetValues("Accept"));
        Console.WriteLine($"{request.Method} {request.RequestUri} Accept: {accept}");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request });
    }
}
