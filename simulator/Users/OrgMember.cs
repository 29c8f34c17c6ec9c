using System;
using System.Collections.Generic;

namespace SpecClient.Simulator.Users;

/// <summary>
/// A snapshot of one organization user: exactly one of <see cref="Pending"/> (the organization
/// invitation; the user id is its id) and <see cref="Active"/> (the user, with only its roles in
/// this organization and its projects) is set.
/// </summary>
internal sealed record OrgMember(string OrgId, SeedInvitation? Pending, SeedUser? Active)
{
    internal static readonly Comparison<OrgMember> Order = (a, b) =>
    {
        int byName = StringComparer.OrdinalIgnoreCase.Compare(a.Username, b.Username);
        return byName != 0 ? byName : StringComparer.Ordinal.Compare(a.Id, b.Id);
    };

    internal string Id => Pending?.Id ?? Active!.Id;

    internal string Username => Pending?.Username ?? Active!.Username;

    internal bool IsPending => Pending is not null;

    /// <summary>The organization roles.</summary>
    internal List<string> OrgRoles
        => Pending is not null
            ? new List<string>(Pending.Roles)
            : Active!.Roles.FindAll(r => r.OrgId == OrgId).ConvertAll(r => r.RoleName);

    /// <summary>The roles on one project.</summary>
    internal List<string> ProjectRoles(string groupId)
        => Pending is not null
            ? Distinct(Pending.GroupRoleAssignments.FindAll(a => a.GroupId == groupId).ConvertAll(a => a.GroupRole))
            : Distinct(Active!.Roles.FindAll(r => r.GroupId == groupId).ConvertAll(r => r.RoleName));

    /// <summary>Project roles grouped per project, projects in the order they first appear.</summary>
    internal List<(string GroupId, List<string> Roles)> ProjectRoleGroups()
    {
        var order = new List<string>();
        IEnumerable<string> groupIds = Pending is not null
            ? Pending.GroupRoleAssignments.ConvertAll(a => a.GroupId)
            : Active!.Roles.FindAll(r => r.GroupId is not null).ConvertAll(r => r.GroupId!);
        foreach (string groupId in groupIds)
        {
            if (!order.Contains(groupId))
            {
                order.Add(groupId);
            }
        }

        return order.ConvertAll(groupId => (groupId, ProjectRoles(groupId)));
    }

    private static List<string> Distinct(List<string> roles)
    {
        var result = new List<string>();
        foreach (string role in roles)
        {
            if (!result.Contains(role))
            {
                result.Add(role);
            }
        }

        return result;
    }
}

internal enum UserStatus
{
    Found,
    NotFound,

    /// <summary>The username is already a pending or active user here (or already in the project).</summary>
    Conflict,

    /// <summary>removeProjectRole of the user's only role on the project.</summary>
    LastRole,
}

internal readonly record struct UserResult(UserStatus Status, OrgMember? Member);
