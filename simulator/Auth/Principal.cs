using System;
using System.Collections.Generic;

namespace SpecClient.Simulator.Auth;

/// <summary>The authenticated caller of one request: an API key (Digest) or a service account (Bearer).</summary>
internal sealed class Principal
{
    internal Principal(PrincipalKind kind, string id, IReadOnlyList<SeedRoleAssignment> roles)
    {
        Kind = kind;
        Id = id;
        Roles = roles;
    }

    internal PrincipalKind Kind { get; }

    /// <summary>The public key or the client id.</summary>
    internal string Id { get; }

    internal IReadOnlyList<SeedRoleAssignment> Roles { get; }

    /// <summary>The rate-limit bucket key.</summary>
    internal string BucketKey => (Kind == PrincipalKind.ApiKey ? "key:" : "sa:") + Id;

    /// <summary>
    /// Organization operations need ORG_OWNER on the organization. ORG_USER_ADMIN (the older
    /// Atlas wording and Cloud Manager's "Organization User Admin") is accepted as well.
    /// </summary>
    internal bool CanManageOrgInvitations(string orgId)
        => HasOrgRole(orgId, "ORG_OWNER") || HasOrgRole(orgId, "ORG_USER_ADMIN");

    /// <summary>
    /// Project operations need GROUP_OWNER on the project or ORG_OWNER on its organization
    /// (GROUP_USER_ADMIN / ORG_USER_ADMIN accepted as above).
    /// </summary>
    internal bool CanManageGroupInvitations(string groupId, string orgId)
        => HasGroupRole(groupId, "GROUP_OWNER") || HasGroupRole(groupId, "GROUP_USER_ADMIN") || CanManageOrgInvitations(orgId);

    /// <summary>Any organization role on the organization ("Organization Member" and above): enough to read its users.</summary>
    internal bool HoldsOrgRole(string orgId)
    {
        foreach (SeedRoleAssignment assignment in Roles)
        {
            if (assignment.OrgId == orgId && assignment.GroupId is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reading a project's users ("Project Read Only"): any role on the project, or an organization
    /// role that reaches every project of the organization (ORG_OWNER, ORG_READ_ONLY, ORG_USER_ADMIN).
    /// </summary>
    internal bool CanReadProject(string groupId, string orgId)
    {
        foreach (SeedRoleAssignment assignment in Roles)
        {
            if (assignment.GroupId == groupId)
            {
                return true;
            }
        }

        return CanManageOrgInvitations(orgId) || HasOrgRole(orgId, "ORG_READ_ONLY");
    }

    private bool HasOrgRole(string orgId, string role)
    {
        foreach (SeedRoleAssignment assignment in Roles)
        {
            if (assignment.OrgId == orgId && assignment.GroupId is null && string.Equals(assignment.RoleName, role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasGroupRole(string groupId, string role)
    {
        foreach (SeedRoleAssignment assignment in Roles)
        {
            if (assignment.GroupId == groupId && string.Equals(assignment.RoleName, role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

internal enum PrincipalKind
{
    ApiKey,
    ServiceAccount,
}
