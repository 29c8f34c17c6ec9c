using System.Threading.Tasks;
using Refit;

namespace SpecClient.PerCall.Benchmarks;

/// <summary>The same two operations for Refit.</summary>
public interface IRefitAtlasInvites
{
    [Delete("/api/atlas/v2/orgs/{orgId}/invites/{invitationId}")]
    [Headers("Accept: application/vnd.atlas.2023-01-01+json")]
    Task DeleteOrgInviteAsync(string orgId, string invitationId);

    [Get("/api/atlas/v2/orgs/{orgId}/invites/{invitationId}")]
    [Headers("Accept: application/vnd.atlas.2023-01-01+json")]
    Task<HandWrittenInvitation> GetOrgInviteAsync(string orgId, string invitationId);
}
