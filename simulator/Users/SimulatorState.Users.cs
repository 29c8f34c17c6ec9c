using System;
using System.Collections.Generic;
using SpecClient.Simulator.Users;

namespace SpecClient.Simulator;

// The users API's view of the state. An organization user is either PENDING (an organization
// invitation not yet accepted; the user id is the invitation id) or ACTIVE (a SeedUser holding a
// role in the organization or in one of its projects). Project invitations are not users.
public sealed partial class SimulatorState
{
    /// <summary>Project roles an organization role implies, for <c>includeOrgUsers=true</c>.</summary>
    private static readonly Dictionary<string, string> ImpliedProjectRoles = new(StringComparer.Ordinal)
    {
        ["ORG_OWNER"] = "GROUP_OWNER",
        ["ORG_READ_ONLY"] = "GROUP_READ_ONLY",
    };

    /// <summary>The pending and active users of an organization, ordered by username (case-insensitive), then id.</summary>
    internal List<OrgMember> ListOrgMembers(string orgId)
    {
        lock (_gate)
        {
            var members = new List<OrgMember>();
            foreach (SeedInvitation invitation in _invitations)
            {
                if (IsPendingOrgInvitation(invitation, orgId))
                {
                    members.Add(Pending(invitation, orgId));
                }
            }

            foreach (SeedUser user in _users)
            {
                if (IsInOrg(user, orgId))
                {
                    members.Add(Active(user, orgId));
                }
            }

            members.Sort(OrgMember.Order);
            return members;
        }
    }

    internal OrgMember? FindOrgMember(string orgId, string userId)
    {
        lock (_gate)
        {
            return FindOrgMemberLocked(orgId, userId, out _, out _);
        }
    }

    /// <summary>
    /// The users of a project: active users with a role on it (with <paramref name="includeOrgUsers"/>
    /// also those whose organization role implies one) and pending organization users whose
    /// invitation assigns a role on it. Ordered like <see cref="ListOrgMembers"/>.
    /// </summary>
    internal List<OrgMember> ListProjectMembers(string groupId, bool includeOrgUsers)
    {
        lock (_gate)
        {
            string orgId = FindProject(groupId)!.OrgId;
            var members = new List<OrgMember>();
            foreach (SeedInvitation invitation in _invitations)
            {
                if (IsPendingOrgInvitation(invitation, orgId) && invitation.GroupRoleAssignments.Exists(a => a.GroupId == groupId))
                {
                    members.Add(Pending(invitation, orgId));
                }
            }

            foreach (SeedUser user in _users)
            {
                if (user.Roles.Exists(r => r.GroupId == groupId)
                    || (includeOrgUsers && user.Roles.Exists(r => r.OrgId == orgId && ImpliedProjectRoles.ContainsKey(r.RoleName))))
                {
                    members.Add(Active(user, orgId));
                }
            }

            members.Sort(OrgMember.Order);
            return members;
        }
    }

    /// <summary>One user of a project (as listed without <c>includeOrgUsers</c>), or null.</summary>
    internal OrgMember? FindProjectMember(string groupId, string userId)
    {
        lock (_gate)
        {
            string orgId = FindProject(groupId)!.OrgId;
            OrgMember? member = FindOrgMemberLocked(orgId, userId, out _, out _);
            return member is not null && member.ProjectRoles(groupId).Count > 0 ? member : null;
        }
    }

    /// <summary>The project roles the list shows for an organization user (explicit, else implied by <c>includeOrgUsers</c>).</summary>
    internal static List<string> ProjectRolesShown(OrgMember member, string groupId, bool includeOrgUsers)
    {
        List<string> roles = member.ProjectRoles(groupId);
        if (roles.Count == 0 && includeOrgUsers && member.Active is not null)
        {
            foreach (string orgRole in member.OrgRoles)
            {
                if (ImpliedProjectRoles.TryGetValue(orgRole, out string? implied) && !roles.Contains(implied))
                {
                    roles.Add(implied);
                }
            }
        }

        return roles;
    }

    /// <summary>createOrganizationUser: a new organization invitation; Conflict when the username is already pending or active here.</summary>
    internal UserResult CreateOrgUser(SeedInvitation candidate)
    {
        lock (_gate)
        {
            string orgId = candidate.OrgId!;
            if (FindByUsernameLocked(orgId, candidate.Username) is { } existing)
            {
                return new UserResult(UserStatus.Conflict, existing);
            }

            InvitationResult created = CreateLocked(candidate);
            return new UserResult(UserStatus.Found, Pending(_invitationsById[created.Invitation!.Id], orgId));
        }
    }

    /// <summary>
    /// updateOrganizationUser. A null argument leaves that part unchanged. Pending: the invitation's
    /// roles, project role assignments and teams. Active: the organization roles and the roles on
    /// the organization's projects (teams are not modelled for active users).
    /// </summary>
    internal UserResult UpdateOrgUser(string orgId, string userId, List<string>? orgRoles, List<SeedGroupRoleAssignment>? assignments, List<string>? teamIds)
    {
        lock (_gate)
        {
            if (FindOrgMemberLocked(orgId, userId, out SeedInvitation? invitation, out SeedUser? user) is null)
            {
                return new UserResult(UserStatus.NotFound, null);
            }

            if (invitation is not null)
            {
                if (orgRoles is not null)
                {
                    invitation.Roles = new List<string>(orgRoles);
                }

                if (assignments is not null)
                {
                    invitation.GroupRoleAssignments = assignments.ConvertAll(a => new SeedGroupRoleAssignment { GroupId = a.GroupId, GroupRole = a.GroupRole });
                }

                if (teamIds is not null)
                {
                    invitation.TeamIds = new List<string>(teamIds);
                }
            }
            else
            {
                if (orgRoles is not null)
                {
                    user!.Roles.RemoveAll(r => r.OrgId == orgId);
                    user.Roles.AddRange(orgRoles.ConvertAll(role => SeedRoleAssignment.ForOrg(orgId, role)));
                }

                if (assignments is not null)
                {
                    user!.Roles.RemoveAll(r => r.GroupId is not null && FindProject(r.GroupId)?.OrgId == orgId);
                    user.Roles.AddRange(assignments.ConvertAll(a => SeedRoleAssignment.ForGroup(a.GroupId, a.GroupRole)));
                }
            }

            CommitLocked();
            return new UserResult(UserStatus.Found, FindOrgMemberLocked(orgId, userId, out _, out _));
        }
    }

    /// <summary>
    /// removeOrganizationUser: cancels a pending user's invitation, or takes every role in the
    /// organization and its projects from an active user. Without <paramref name="pendingVisible"/>
    /// (resource version 2023-01-01) a pending user is not found.
    /// </summary>
    internal UserResult RemoveOrgUser(string orgId, string userId, bool pendingVisible)
    {
        lock (_gate)
        {
            OrgMember? member = FindOrgMemberLocked(orgId, userId, out SeedInvitation? invitation, out SeedUser? user);
            if (member is null || (member.IsPending && !pendingVisible))
            {
                return new UserResult(UserStatus.NotFound, null);
            }

            if (invitation is not null)
            {
                _invitations.Remove(invitation);
                _invitationsById.Remove(invitation.Id);
            }
            else
            {
                user!.Roles.RemoveAll(r => r.OrgId == orgId || (r.GroupId is not null && FindProject(r.GroupId)?.OrgId == orgId));
            }

            CommitLocked();
            return new UserResult(UserStatus.Found, member);
        }
    }

    /// <summary>
    /// addProjectUser: a pending organization user gets the project roles on its invitation; an
    /// active member of the organization gets them granted; anyone else gets a new organization
    /// invitation (<paramref name="candidate"/>, ORG_MEMBER) carrying them. Conflict when the user
    /// already holds a role on the project.
    /// </summary>
    internal UserResult AddProjectUser(string groupId, SeedInvitation candidate)
    {
        lock (_gate)
        {
            string orgId = candidate.OrgId!;
            List<string> roles = candidate.GroupRoleAssignments.ConvertAll(a => a.GroupRole);
            OrgMember? existing = FindByUsernameLocked(orgId, candidate.Username);
            if (existing is not null && existing.ProjectRoles(groupId).Count > 0)
            {
                return new UserResult(UserStatus.Conflict, existing);
            }

            if (existing?.Pending is { } pending)
            {
                SeedInvitation invitation = _invitationsById[pending.Id];
                invitation.GroupRoleAssignments.AddRange(roles.ConvertAll(role => new SeedGroupRoleAssignment { GroupId = groupId, GroupRole = role }));
                CommitLocked();
                return new UserResult(UserStatus.Found, Pending(invitation, orgId));
            }

            if (existing?.Active is { } active)
            {
                SeedUser user = _users.Find(u => u.Id == active.Id)!;
                user.Roles.AddRange(roles.ConvertAll(role => SeedRoleAssignment.ForGroup(groupId, role)));
                CommitLocked();
                return new UserResult(UserStatus.Found, Active(user, orgId));
            }

            InvitationResult created = CreateLocked(candidate);
            return new UserResult(UserStatus.Found, Pending(_invitationsById[created.Invitation!.Id], orgId));
        }
    }

    /// <summary>
    /// removeProjectUser: takes the user's roles on the project (a pending user's invitation stays,
    /// without them). Without <paramref name="pendingVisible"/> a pending user is not found.
    /// </summary>
    internal UserResult RemoveProjectUser(string groupId, string userId, bool pendingVisible)
    {
        lock (_gate)
        {
            string orgId = FindProject(groupId)!.OrgId;
            OrgMember? member = FindOrgMemberLocked(orgId, userId, out SeedInvitation? invitation, out SeedUser? user);
            if (member is null || member.ProjectRoles(groupId).Count == 0 || (member.IsPending && !pendingVisible))
            {
                return new UserResult(UserStatus.NotFound, null);
            }

            if (invitation is not null)
            {
                invitation.GroupRoleAssignments.RemoveAll(a => a.GroupId == groupId);
            }
            else
            {
                user!.Roles.RemoveAll(r => r.GroupId == groupId);
            }

            CommitLocked();
            return new UserResult(UserStatus.Found, member);
        }
    }

    /// <summary>
    /// addProjectRole / removeProjectRole for any pending or active user of the project's
    /// organization. Adding a held role or removing one not held changes nothing; removing the
    /// user's last role on the project is <see cref="UserStatus.LastRole"/>.
    /// </summary>
    internal UserResult ChangeProjectRole(string groupId, string userId, string role, bool add)
    {
        lock (_gate)
        {
            string orgId = FindProject(groupId)!.OrgId;
            OrgMember? member = FindOrgMemberLocked(orgId, userId, out SeedInvitation? invitation, out SeedUser? user);
            if (member is null)
            {
                return new UserResult(UserStatus.NotFound, null);
            }

            List<string> held = member.ProjectRoles(groupId);
            if (add == held.Contains(role))
            {
                return new UserResult(UserStatus.Found, member);
            }

            if (!add && held.Count == 1)
            {
                return new UserResult(UserStatus.LastRole, member);
            }

            if (invitation is not null)
            {
                if (add)
                {
                    invitation.GroupRoleAssignments.Add(new SeedGroupRoleAssignment { GroupId = groupId, GroupRole = role });
                }
                else
                {
                    invitation.GroupRoleAssignments.RemoveAll(a => a.GroupId == groupId && a.GroupRole == role);
                }
            }
            else if (add)
            {
                user!.Roles.Add(SeedRoleAssignment.ForGroup(groupId, role));
            }
            else
            {
                user!.Roles.RemoveAll(r => r.GroupId == groupId && r.RoleName == role);
            }

            CommitLocked();
            return new UserResult(UserStatus.Found, FindOrgMemberLocked(orgId, userId, out _, out _));
        }
    }

    private OrgMember? FindOrgMemberLocked(string orgId, string userId, out SeedInvitation? invitation, out SeedUser? user)
    {
        invitation = null;
        user = null;
        if (_invitationsById.TryGetValue(userId, out SeedInvitation? found) && IsPendingOrgInvitation(found, orgId))
        {
            invitation = found;
            return Pending(found, orgId);
        }

        SeedUser? active = _users.Find(u => u.Id == userId);
        if (active is not null && IsInOrg(active, orgId))
        {
            user = active;
            return Active(active, orgId);
        }

        return null;
    }

    /// <summary>The pending (first) or active user of that username in the organization.</summary>
    private OrgMember? FindByUsernameLocked(string orgId, string username)
    {
        SeedInvitation? invitation = _invitations.Find(i => IsPendingOrgInvitation(i, orgId) && string.Equals(i.Username, username, StringComparison.OrdinalIgnoreCase));
        if (invitation is not null)
        {
            return Pending(invitation, orgId);
        }

        SeedUser? user = _users.Find(u => IsInOrg(u, orgId) && string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
        return user is null ? null : Active(user, orgId);
    }

    private static bool IsPendingOrgInvitation(SeedInvitation invitation, string orgId)
        => !invitation.Accepted && invitation.GroupId is null && invitation.OrgId == orgId;

    private bool IsInOrg(SeedUser user, string orgId)
        => user.Roles.Exists(r => r.OrgId == orgId || (r.GroupId is not null && FindProject(r.GroupId)?.OrgId == orgId));

    private static OrgMember Pending(SeedInvitation invitation, string orgId) => new(orgId, invitation.Clone(), null);

    private OrgMember Active(SeedUser user, string orgId)
    {
        // Only the roles inside this organization: a user's roles elsewhere are none of its business.
        SeedUser copy = user.Clone();
        copy.Roles.RemoveAll(r => !(r.OrgId == orgId || (r.GroupId is not null && FindProject(r.GroupId)?.OrgId == orgId)));
        return new OrgMember(orgId, null, copy);
    }
}
