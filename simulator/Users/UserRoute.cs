using System;
using SpecClient.Simulator.Invitations;

namespace SpecClient.Simulator.Users;

/// <summary>
/// A users route after the API prefix: <c>/orgs/{orgId}/users[/{userId}]</c> or
/// <c>/groups/{groupId}/users[/{userId}[:addRole|:removeRole]]</c>. Ids are not validated here.
/// </summary>
internal sealed record UserRoute(InvitationScope Scope, string ContainerId, string? UserId, string? Action)
{
    internal const string AddRole = "addRole";
    internal const string RemoveRole = "removeRole";

    internal string ContainerParameter => Scope == InvitationScope.Org ? "orgId" : "groupId";

    /// <summary>The route, or null for any other path (including an unknown <c>:action</c>).</summary>
    internal static UserRoute? Match(string rest)
    {
        string[] parts = rest.Split('/');
        if (parts.Length is not (4 or 5) || parts[0].Length != 0 || parts[2].Length == 0 || parts[3] != "users")
        {
            return null;
        }

        InvitationScope scope = parts[1] switch
        {
            "orgs" => InvitationScope.Org,
            "groups" => InvitationScope.Group,
            _ => (InvitationScope)(-1),
        };
        if (!Enum.IsDefined(scope))
        {
            return null;
        }

        if (parts.Length == 4)
        {
            return new UserRoute(scope, parts[2], null, null);
        }

        string last = parts[4];
        string? action = null;
        int colon = last.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            action = last[(colon + 1)..];
            last = last[..colon];
            if (scope != InvitationScope.Group || action is not (AddRole or RemoveRole))
            {
                return null;
            }
        }

        return last.Length == 0 ? null : new UserRoute(scope, parts[2], last, action);
    }
}
