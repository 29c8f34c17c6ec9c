// The 2025-03-12 invitation operations are deprecated by the API ([Obsolete] in the generated client); the users
// operations that replace them are not.
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
    private const string UserId = "65c1d2e3f4a5b6c7d8e9f0a1";

    private static async Task<int> Main()
    {
        var handler = new RecordingHandler();
        using var httpClient = new HttpClient(handler);

        var atlas = new Atlas.AtlasClient(httpClient);
        await atlas.Organizations.DeleteOrgInviteAsync(OrgId, InvitationId, CancellationToken.None);
        await atlas.Projects.DeleteGroupInviteAsync(GroupId, InvitationId, CancellationToken.None);

        // The replacement: find the pending user by username, then remove it (resource version 2025-02-19).
        var pending = await atlas.Users.ListOrganizationUsersAsync(
            new Atlas.ListOrganizationUsersParams { OrgId = OrgId, Username = "new.hire@example.com", OrgMembershipStatus = Atlas.OrgMembershipStatus.Pending },
            CancellationToken.None);
        Atlas.OrgPendingUserResponse user = pending.Results!.OfType<Atlas.OrgPendingUserResponse>().Single();
        Console.WriteLine($"pending {user.Username} invited {user.InvitationCreatedAt:yyyy-MM-dd} as {string.Join(",", user.Roles!.OrgRoles!)}");
        await atlas.Users.RemoveOrganizationUserAsync(OrgId, user.Id!, CancellationToken.None);
        var projectUsers = await atlas.Users.ListProjectUsersAsync(GroupId, CancellationToken.None);
        await atlas.Users.RemoveProjectUserAsync(GroupId, projectUsers.Results!.Single().Id!, CancellationToken.None);

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
        if (request.Method != HttpMethod.Get)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request });
        }

        // One pending user, in the shape of resource version 2025-02-19 (the discriminator need not come first).
        const string Page = """
            {"results":[{"username":"new.hire@example.com","id":"65c1d2e3f4a5b6c7d8e9f0a1","orgMembershipStatus":"PENDING",
              "roles":{"orgRoles":["ORG_MEMBER"]},"invitationCreatedAt":"2026-11-02T10:00:00Z","invitationExpiresAt":"2026-12-02T10:00:00Z",
              "inviterUsername":"admin@example.com"}],"totalCount":1}
            """;
        var content = new StringContent(request.RequestUri!.AbsolutePath.Contains("/groups/", StringComparison.Ordinal) ? Page.Replace("\"roles\":{\"orgRoles\":[\"ORG_MEMBER\"]}", "\"roles\":[\"GROUP_READ_ONLY\"]", StringComparison.Ordinal) : Page);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.atlas.2025-02-19+json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content });
    }
}
