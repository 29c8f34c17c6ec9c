using System;

namespace SpecClient.Simulator.Http;

/// <summary>Which public API a path belongs to.</summary>
internal enum ApiFlavor
{
    /// <summary>Atlas Administration API v2: <c>/api/atlas/v2</c>, versioned media types.</summary>
    Atlas,

    /// <summary>Cloud Manager public API v1.0: <c>/api/public/v1.0</c>, plain <c>application/json</c>.</summary>
    CloudManager,
}

/// <summary>
/// An invitation route: <c>{prefix}/orgs/{orgId}/invites[/{invitationId}]</c> or
/// <c>{prefix}/groups/{groupId}/invites[/{invitationId}]</c>. Ids are not validated here.
/// </summary>
internal sealed record ApiRoute(InvitationScope Scope, string ContainerId, string? InvitationId)
{
    internal const string AtlasPrefix = "/api/atlas/v2";
    internal const string CloudManagerPrefix = "/api/public/v1.0";

    /// <summary>The path parameter name of <see cref="ContainerId"/>.</summary>
    internal string ContainerParameter => Scope == InvitationScope.Org ? "orgId" : "groupId";

    /// <summary>Recognizes the API prefix of <paramref name="path"/>.</summary>
    internal static bool TryGetFlavor(string path, out ApiFlavor flavor, out string prefix)
    {
        if (path.StartsWith(AtlasPrefix + "/", StringComparison.Ordinal) || path == AtlasPrefix)
        {
            flavor = ApiFlavor.Atlas;
            prefix = AtlasPrefix;
            return true;
        }

        if (path.StartsWith(CloudManagerPrefix + "/", StringComparison.Ordinal) || path == CloudManagerPrefix)
        {
            flavor = ApiFlavor.CloudManager;
            prefix = CloudManagerPrefix;
            return true;
        }

        flavor = default;
        prefix = "";
        return false;
    }

    /// <summary>Matches the part of the path after the API prefix; <see langword="null"/> for any other resource.</summary>
    internal static ApiRoute? Match(ReadOnlySpan<char> rest)
    {
        // rest: "/orgs/{id}/invites" or "/orgs/{id}/invites/{invitationId}" (no trailing slash, no empty segment).
        if (rest.Length < 2 || rest[0] != '/')
        {
            return null;
        }

        rest = rest[1..];
        Span<Range> parts = stackalloc Range[6];
        int count = rest.Split(parts, '/');
        if (count is not (3 or 4))
        {
            return null;
        }

        ReadOnlySpan<char> collection = rest[parts[0]];
        ReadOnlySpan<char> containerId = rest[parts[1]];
        ReadOnlySpan<char> invites = rest[parts[2]];
        InvitationScope scope;
        if (collection.SequenceEqual("orgs"))
        {
            scope = InvitationScope.Org;
        }
        else if (collection.SequenceEqual("groups"))
        {
            scope = InvitationScope.Group;
        }
        else
        {
            return null;
        }

        if (containerId.IsEmpty || !invites.SequenceEqual("invites"))
        {
            return null;
        }

        string? invitationId = null;
        if (count == 4)
        {
            ReadOnlySpan<char> last = rest[parts[3]];
            if (last.IsEmpty)
            {
                return null;
            }

            invitationId = last.ToString();
        }

        return new ApiRoute(scope, containerId.ToString(), invitationId);
    }
}
