using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.PerCall.Benchmarks;

/// <summary>Answers every request from memory: 204 for DELETE, the invitation JSON for GET. No sockets.</summary>
internal sealed class InMemoryAtlasHandler : HttpMessageHandler
{
    public const string OrgId = "64b0c1d2e3f4a5b6c7d8e901";
    public const string InvitationId = "66c0d1e2f3a4b5c6d7e8f001";

    // ≈450 bytes, as Atlas answers GET /orgs/{orgId}/invites/{invitationId}.
    public static readonly byte[] InvitationJson = Encoding.UTF8.GetBytes(
        "{\"id\":\"66c0d1e2f3a4b5c6d7e8f001\",\"orgId\":\"64b0c1d2e3f4a5b6c7d8e901\",\"orgName\":\"Acme Corp\","
        + "\"username\":\"carol.nguyen@acme.example\",\"inviterUsername\":\"admin@acme.example\","
        + "\"createdAt\":\"2026-11-20T10:15:00Z\",\"expiresAt\":\"2026-12-20T10:15:00Z\","
        + "\"roles\":[\"ORG_MEMBER\",\"ORG_READ_ONLY\"],\"teamIds\":[\"65a1b2c3d4e5f60718293a99\"],"
        + "\"groupRoleAssignments\":[{\"groupId\":\"65a1b2c3d4e5f60718293a01\",\"groupRole\":\"GROUP_READ_ONLY\"}],"
        + "\"links\":[{\"href\":\"https://cloud.mongodb.com/api/atlas/v2/orgs/64b0c1d2e3f4a5b6c7d8e901/invites/66c0d1e2f3a4b5c6d7e8f001\",\"rel\":\"self\"}]}");

    private static readonly MediaTypeHeaderValue ContentType = MediaTypeHeaderValue.Parse("application/vnd.atlas.2023-01-01+json;charset=utf-8");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Delete)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request });
        }

        var content = new ByteArrayContent(InvitationJson);
        content.Headers.ContentType = ContentType;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}

/// <summary>The invitation as a developer would write it by hand.</summary>
public sealed record HandWrittenInvitation(
    string? Id,
    string? OrgId,
    string OrgName,
    string? Username,
    string? InviterUsername,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ExpiresAt,
    List<string>? Roles,
    List<string>? TeamIds,
    List<HandWrittenRoleAssignment>? GroupRoleAssignments,
    List<HandWrittenLink>? Links);

public sealed record HandWrittenRoleAssignment(string? GroupId, string? GroupRole);

public sealed record HandWrittenLink(string? Href, string? Rel);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandWrittenInvitation))]
internal sealed partial class HandWrittenJsonContext : JsonSerializerContext
{
}
