using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

#pragma warning disable CS0618 // The invite operations are deprecated by the API (sunset 2027-07-01, the fragments' x-sunset); the janitor uses them on purpose.

namespace InviteJanitor;

/// <summary>
/// What the janitor needs from one API: find organizations/projects, list and delete invitations, and (where the
/// API version reaches the users API's resource version 2025-02-19) list and remove pending organization users.
/// </summary>
public interface IInviteApi
{
    /// <summary>"Atlas 2025-03-12" or "Cloud Manager".</summary>
    string Name { get; }

    /// <summary>
    /// Whether <see cref="ListPendingOrgUsersAsync"/> works: the users API sees pending users from resource version
    /// 2025-02-19 on, which only ApiVersion 2025-03-12 among the bundled Atlas clients reaches.
    /// </summary>
    bool ReachesPendingUsers { get; }

    Task<IReadOnlyList<Container>> ListOrgsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Container>> ListProjectsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingInvite>> ListOrgInvitesAsync(string orgId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingInvite>> ListGroupInvitesAsync(string groupId, CancellationToken cancellationToken);

    Task DeleteOrgInviteAsync(string orgId, string invitationId, CancellationToken cancellationToken);

    Task DeleteGroupInviteAsync(string groupId, string invitationId, CancellationToken cancellationToken);

    /// <summary>The organization's PENDING users (its organization invitations, seen through the users API).</summary>
    Task<IReadOnlyList<PendingInvite>> ListPendingOrgUsersAsync(string orgId, CancellationToken cancellationToken);

    /// <summary>Removes one organization user; for a pending user this cancels the invitation.</summary>
    Task RemoveOrgUserAsync(string orgId, string userId, CancellationToken cancellationToken);
}

/// <summary>
/// One implementation for every generated client: each API version contributes only the calls and the
/// mapping of its own model types to <see cref="PendingInvite"/> (see <see cref="InviteApis"/>).
/// </summary>
internal sealed record DelegateInviteApi : IInviteApi
{
    internal required string ApiName { get; init; }

    internal required Func<CancellationToken, Task<IReadOnlyList<Container>>> Orgs { get; init; }

    internal required Func<CancellationToken, Task<IReadOnlyList<Container>>> Projects { get; init; }

    internal required Func<string, CancellationToken, Task<IReadOnlyList<PendingInvite>>> OrgInvites { get; init; }

    internal required Func<string, CancellationToken, Task<IReadOnlyList<PendingInvite>>> GroupInvites { get; init; }

    internal required Func<string, string, CancellationToken, Task> DeleteOrg { get; init; }

    internal required Func<string, string, CancellationToken, Task> DeleteGroup { get; init; }

    /// <summary>Null where the API version's users API cannot see pending users.</summary>
    internal Func<string, CancellationToken, Task<IReadOnlyList<PendingInvite>>>? PendingOrgUsers { get; init; }

    internal Func<string, string, CancellationToken, Task>? RemoveOrgUser { get; init; }

    public string Name => ApiName;

    public bool ReachesPendingUsers => PendingOrgUsers is not null && RemoveOrgUser is not null;

    public Task<IReadOnlyList<Container>> ListOrgsAsync(CancellationToken cancellationToken) => Orgs(cancellationToken);

    public Task<IReadOnlyList<Container>> ListProjectsAsync(CancellationToken cancellationToken) => Projects(cancellationToken);

    public Task<IReadOnlyList<PendingInvite>> ListOrgInvitesAsync(string orgId, CancellationToken cancellationToken) => OrgInvites(orgId, cancellationToken);

    public Task<IReadOnlyList<PendingInvite>> ListGroupInvitesAsync(string groupId, CancellationToken cancellationToken) => GroupInvites(groupId, cancellationToken);

    public Task DeleteOrgInviteAsync(string orgId, string invitationId, CancellationToken cancellationToken) => DeleteOrg(orgId, invitationId, cancellationToken);

    public Task DeleteGroupInviteAsync(string groupId, string invitationId, CancellationToken cancellationToken) => DeleteGroup(groupId, invitationId, cancellationToken);

    public Task<IReadOnlyList<PendingInvite>> ListPendingOrgUsersAsync(string orgId, CancellationToken cancellationToken)
        => (PendingOrgUsers ?? throw NoPendingUsers())(orgId, cancellationToken);

    public Task RemoveOrgUserAsync(string orgId, string userId, CancellationToken cancellationToken)
        => (RemoveOrgUser ?? throw NoPendingUsers())(orgId, userId, cancellationToken);

    private InvalidOperationException NoPendingUsers()
        => new($"{ApiName}: the users API sees pending users from resource version 2025-02-19 (ApiVersion 2025-03-12) on.");
}

/// <summary>The adapters: one per generated Atlas namespace, one for Cloud Manager.</summary>
internal static class InviteApis
{
    internal static readonly string[] AtlasVersions = ["2023-02-01", "2023-11-15", "2024-05-30", "2025-03-12"];

    internal static IInviteApi Atlas(string apiVersion, HttpClient http, Uri baseAddress)
    {
        var discovery = new Discovery.Atlas.AtlasDiscoveryClient(http, baseAddress);
        Func<CancellationToken, Task<IReadOnlyList<Container>>> orgs = ct => Paging.ReadAllAsync(
            discovery.Organizations.ListOrganizationsItemsAsync(new() { ItemsPerPage = Paging.PageSize }, ct), o => new Container(o.Id, o.Name), ct);
        Func<CancellationToken, Task<IReadOnlyList<Container>>> projects = ct => Paging.ReadAllAsync(
            discovery.Projects.ListProjectsItemsAsync(new() { ItemsPerPage = Paging.PageSize }, ct), p => new Container(p.Id, p.Name, p.OrgId), ct);
        string name = "Atlas " + apiVersion;

        switch (apiVersion)
        {
            case "2023-02-01":
            {
                var c = new SpecClient.Atlas.V20230201.AtlasClient(http, baseAddress);
                return Make(name, orgs, projects,
                    async (id, ct) => (await c.Organizations.ListOrgInvitesAsync(id, ct)).ConvertAll(i => Org(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    async (id, ct) => (await c.Projects.ListGroupInvitesAsync(id, ct)).ConvertAll(i => Group(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    (o, i, ct) => c.Organizations.DeleteOrgInviteAsync(o, i, ct),
                    (g, i, ct) => c.Projects.DeleteGroupInviteAsync(g, i, ct));
            }

            case "2023-11-15":
            {
                var c = new SpecClient.Atlas.V20231115.AtlasClient(http, baseAddress);
                return Make(name, orgs, projects,
                    async (id, ct) => (await c.Organizations.ListOrgInvitesAsync(id, ct)).ConvertAll(i => Org(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    async (id, ct) => (await c.Projects.ListGroupInvitesAsync(id, ct)).ConvertAll(i => Group(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    (o, i, ct) => c.Organizations.DeleteOrgInviteAsync(o, i, ct),
                    (g, i, ct) => c.Projects.DeleteGroupInviteAsync(g, i, ct));
            }

            case "2024-05-30":
            {
                var c = new SpecClient.Atlas.V20240530.AtlasClient(http, baseAddress);
                return Make(name, orgs, projects,
                    async (id, ct) => (await c.Organizations.ListOrgInvitesAsync(id, ct)).ConvertAll(i => Org(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    async (id, ct) => (await c.Projects.ListGroupInvitesAsync(id, ct)).ConvertAll(i => Group(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    (o, i, ct) => c.Organizations.DeleteOrgInviteAsync(o, i, ct),
                    (g, i, ct) => c.Projects.DeleteGroupInviteAsync(g, i, ct));
            }

            case "2025-03-12":
            {
                var c = new SpecClient.Atlas.V20250312.AtlasClient(http, baseAddress);
                return Make(name, orgs, projects,
                    async (id, ct) => (await c.Organizations.ListOrgInvitesAsync(id, ct)).ConvertAll(i => Org(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    async (id, ct) => (await c.Projects.ListGroupInvitesAsync(id, ct)).ConvertAll(i => Group(name, id, i.Id, i.Username, i.Roles?.Select(r => r.Value), i.CreatedAt, i.ExpiresAt)),
                    (o, i, ct) => c.Organizations.DeleteOrgInviteAsync(o, i, ct),
                    (g, i, ct) => c.Projects.DeleteGroupInviteAsync(g, i, ct)) with
                {
                    // Resource version 2025-02-19: an organization invitation is a PENDING organization user.
                    PendingOrgUsers = async (id, ct) => await c.Users
                        .ListOrganizationUsersItemsAsync(new() { OrgId = id, OrgMembershipStatus = SpecClient.Atlas.V20250312.OrgMembershipStatus.Pending, ItemsPerPage = Paging.PageSize }, ct)
                        .OfType<SpecClient.Atlas.V20250312.OrgPendingUserResponse>()
                        .Select(u => Org(name, id, u.Id, u.Username, u.Roles?.OrgRoles?.Select(r => r.Value), u.InvitationCreatedAt, u.InvitationExpiresAt) with { Via = InviteSource.Users })
                        .ToListAsync(ct),
                    RemoveOrgUser = (o, u, ct) => c.Users.RemoveOrganizationUserAsync(o, u, ct),
                };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(apiVersion), apiVersion, "Unknown Atlas API version.");
        }
    }

    internal static IInviteApi CloudManager(HttpClient http, Uri baseAddress)
    {
        const string name = "Cloud Manager";
        var discovery = new Discovery.CloudManager.CloudManagerDiscoveryClient(http, baseAddress);
        var c = new SpecClient.CloudManager.V1.CloudManagerClient(http, baseAddress);
        return Make(name,
            ct => Paging.ReadAllAsync(discovery.Organizations.ListOrganizationsItemsAsync(new() { ItemsPerPage = Paging.PageSize }, ct), o => new Container(o.Id, o.Name), ct),
            ct => Paging.ReadAllAsync(discovery.Projects.ListProjectsItemsAsync(new() { ItemsPerPage = Paging.PageSize }, ct), p => new Container(p.Id, p.Name, p.OrgId), ct),
            async (id, ct) => (await c.Organizations.ListOrgInvitesAsync(id, ct)).ConvertAll(i => Org(name, id, i.Id, i.Username, i.Roles, i.CreatedAt, i.ExpiresAt)),
            async (id, ct) => (await c.Projects.ListGroupInvitesAsync(id, ct)).ConvertAll(i => Group(name, id, i.Id, i.Username, i.Roles, i.CreatedAt, i.ExpiresAt)),
            (o, i, ct) => c.Organizations.DeleteOrgInviteAsync(o, i, ct),
            (g, i, ct) => c.Projects.DeleteGroupInviteAsync(g, i, ct));
    }

    private static DelegateInviteApi Make(
        string name,
        Func<CancellationToken, Task<IReadOnlyList<Container>>> orgs,
        Func<CancellationToken, Task<IReadOnlyList<Container>>> projects,
        Func<string, CancellationToken, Task<List<PendingInvite>>> orgInvites,
        Func<string, CancellationToken, Task<List<PendingInvite>>> groupInvites,
        Func<string, string, CancellationToken, Task> deleteOrg,
        Func<string, string, CancellationToken, Task> deleteGroup) => new()
        {
            ApiName = name,
            Orgs = orgs,
            Projects = projects,
            OrgInvites = async (id, ct) => await orgInvites(id, ct),
            GroupInvites = async (id, ct) => await groupInvites(id, ct),
            DeleteOrg = deleteOrg,
            DeleteGroup = deleteGroup,
        };

    private static PendingInvite Org(string api, string orgId, string? id, string? username, IEnumerable<string>? roles, DateTimeOffset? createdAt, DateTimeOffset? expiresAt)
        => new(api, InviteKind.Org, id ?? "", orgId, username ?? "?", roles?.ToList() ?? new List<string>(), createdAt, expiresAt);

    private static PendingInvite Group(string api, string groupId, string? id, string? username, IEnumerable<string>? roles, DateTimeOffset? createdAt, DateTimeOffset? expiresAt)
        => new(api, InviteKind.Project, id ?? "", groupId, username ?? "?", roles?.ToList() ?? new List<string>(), createdAt, expiresAt);
}

/// <summary>
/// Atlas and Cloud Manager lists come in pages (<c>itemsPerPage</c> up to 500, default 100; <c>pageNum</c> from 1;
/// <c>totalCount</c> over all pages). The generated <c>…ItemsAsync</c> methods read them all (stopping at an empty or
/// short page, or at <c>totalCount</c>), so organizations and projects past the first page — and their stale
/// invitations — are never silently skipped.
/// </summary>
internal static class Paging
{
    /// <summary>The page size asked for: Atlas's default, said explicitly.</summary>
    internal const int PageSize = 100;

    /// <summary>Every item of a generated paging method, as containers (System.Linq's async operators do the reading).</summary>
    internal static async Task<IReadOnlyList<Container>> ReadAllAsync<T>(IAsyncEnumerable<T> items, Func<T, Container> toContainer, CancellationToken cancellationToken)
        => await items.Select(toContainer).ToListAsync(cancellationToken);
}
