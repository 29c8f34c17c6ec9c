using System;
using System.Collections.Generic;

namespace InviteJanitor;

/// <summary>Where an invitation points: an organization or a project.</summary>
public enum InviteKind
{
    Org,
    Project,
}

/// <summary>An organization or project the credentials reach.</summary>
public sealed record Container(string Id, string Name, string? OrgId = null);

/// <summary>One pending invitation, whatever API version or product it came from.</summary>
public sealed record PendingInvite(
    string Api,
    InviteKind Kind,
    string Id,
    string ContainerId,
    string Username,
    IReadOnlyList<string> Roles,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>"Acme Corp" or "Acme Corp / acme-production"; filled in from discovery.</summary>
    public string Where { get; init; } = "";
}
