using System;
using System.Collections.Generic;

namespace InviteJanitor;

/// <summary>Where an invitation points: an organization or a project.</summary>
public enum InviteKind
{
    Org,
    Project,
}

/// <summary>Which API a pending invitation was listed through, and so how it is revoked.</summary>
public enum InviteSource
{
    /// <summary>The invitations API (deprecated; sunset 2027-07-01 on Atlas): revoked by deleting the invitation.</summary>
    Invitations,

    /// <summary>The users API (resource version 2025-02-19): a PENDING organization user, revoked by removing the user.</summary>
    Users,
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

    /// <summary>The API the invitation was listed through; for a users-API row <see cref="Id"/> is the user's id.</summary>
    public InviteSource Via { get; init; } = InviteSource.Invitations;
}
