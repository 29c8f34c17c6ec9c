using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;

namespace SpecClient.Runtime.Tests.Infrastructure;

/// <summary>
/// Written the way generated operations call the runtime: a static <see cref="ApiOperation"/> per operation,
/// <see cref="ApiConnection.CreateRequest(ApiOperation, string, string)"/>, <see cref="EnvelopedResponse"/> when the
/// envelope is asked for, and the bundled client's JSON metadata; the WithResponse methods go through
/// <see cref="ApiResponse.CaptureAsync{T}"/>.
/// </summary>
internal sealed class DescribedInvitesClient(ApiConnection connection)
{
    public const string Accept = "application/vnd.atlas.2023-01-01+json";

    public static readonly ApiOperation GetOrgInviteOperation =
        new("getOrgInvite", HttpMethod.Get, "/api/atlas/v2/orgs/{orgId}/invites/{invitationId}", "2025-03-12");

    public static readonly ApiOperation DeleteOrgInviteOperation =
        new("deleteOrgInvite", HttpMethod.Delete, "/api/atlas/v2/orgs/{orgId}/invites/{invitationId}", "2025-03-12");

    public ApiConnection Connection => connection;

    public Task<OrganizationInvitation> GetOrgInviteAsync(string orgId, string invitationId, bool? envelope = null, CancellationToken cancellationToken = default)
    {
        HttpRequestMessage request = CreateRequest(GetOrgInviteOperation, orgId, invitationId, envelope);
        return envelope == true
            ? EnvelopedResponse.SendAsync(connection, request, AtlasClientJsonContext.Default.OrganizationInvitation, AtlasClientJsonContext.Default.ApiError, cancellationToken)
            : connection.SendAsync(request, AtlasClientJsonContext.Default.OrganizationInvitation, AtlasClientJsonContext.Default.ApiError, cancellationToken);
    }

    public Task<ApiResponse<OrganizationInvitation>> GetOrgInviteWithResponseAsync(string orgId, string invitationId, bool? envelope = null, CancellationToken cancellationToken = default)
        => ApiResponse.CaptureAsync(() => GetOrgInviteAsync(orgId, invitationId, envelope, cancellationToken));

    public Task DeleteOrgInviteAsync(string orgId, string invitationId, CancellationToken cancellationToken = default)
        => connection.SendAsync(CreateRequest(DeleteOrgInviteOperation, orgId, invitationId, null), AtlasClientJsonContext.Default.ApiError, cancellationToken);

    public Task<ApiResponse> DeleteOrgInviteWithResponseAsync(string orgId, string invitationId, bool? envelope = null, CancellationToken cancellationToken = default)
        => ApiResponse.CaptureAsync(() =>
        {
            HttpRequestMessage request = CreateRequest(DeleteOrgInviteOperation, orgId, invitationId, envelope);
            return envelope == true
                ? EnvelopedResponse.SendAsync(connection, request, AtlasClientJsonContext.Default.ApiError, cancellationToken)
                : connection.SendAsync(request, AtlasClientJsonContext.Default.ApiError, cancellationToken);
        });

    /// <summary>The same GET without a descriptor: the overload today's generated code calls.</summary>
    public Task<OrganizationInvitation> GetOrgInviteWithoutDescriptorAsync(string orgId, string invitationId, CancellationToken cancellationToken = default)
    {
        var uri = connection.CreateUriBuilder();
        uri.AppendLiteral("api/atlas/v2/orgs/");
        uri.AppendUrlSafeValue(orgId);
        uri.AppendLiteral("/invites/");
        uri.AppendUrlSafeValue(invitationId);
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, uri.ToStringAndClear(), Accept);
        return connection.SendAsync(request, AtlasClientJsonContext.Default.OrganizationInvitation, AtlasClientJsonContext.Default.ApiError, cancellationToken);
    }

    private HttpRequestMessage CreateRequest(ApiOperation operation, string orgId, string invitationId, bool? envelope)
    {
        var uri = connection.CreateUriBuilder();
        uri.AppendLiteral("api/atlas/v2/orgs/");
        uri.AppendUrlSafeValue(orgId);
        uri.AppendLiteral("/invites/");
        uri.AppendUrlSafeValue(invitationId);
        uri.AppendQuery("envelope", envelope);
        return connection.CreateRequest(operation, uri.ToStringAndClear(), Accept);
    }
}
