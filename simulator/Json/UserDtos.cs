using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SpecClient.Simulator.Json;

// Wire types of the users API. Like the other DTOs: properties in alphabetical order, null members omitted.

/// <summary>Resource version 2025-02-19: one project's roles in an organization user's roles (groupRoles is a list).</summary>
internal sealed class UserGroupRoleAssignmentDto
{
    [JsonPropertyOrder(0)]
    public string? GroupId { get; set; }

    [JsonPropertyOrder(1)]
    public List<string?>? GroupRoles { get; set; }
}

/// <summary>OrgUserRolesResponse / OrgUserRolesRequest.</summary>
internal sealed class OrgUserRolesDto
{
    [JsonPropertyOrder(0)]
    public List<UserGroupRoleAssignmentDto?>? GroupRoleAssignments { get; set; }

    [JsonPropertyOrder(1)]
    public List<string?>? OrgRoles { get; set; }
}

/// <summary>
/// What OrgUserResponse and GroupUserResponse share at 2025-02-19: the pending members (invitation*,
/// inviterUsername) or the active ones (country, createdAt, firstName, lastAuth, lastName), told apart by
/// orgMembershipStatus; only the roles differ in shape.
/// </summary>
internal abstract class UserResponseDto<TRoles>
    where TRoles : new()
{
    [JsonPropertyOrder(0)]
    public string? Country { get; set; }

    [JsonPropertyOrder(1)]
    public string? CreatedAt { get; set; }

    [JsonPropertyOrder(2)]
    public string? FirstName { get; set; }

    [JsonPropertyOrder(3)]
    public string Id { get; set; } = "";

    [JsonPropertyOrder(4)]
    public string? InvitationCreatedAt { get; set; }

    [JsonPropertyOrder(5)]
    public string? InvitationExpiresAt { get; set; }

    [JsonPropertyOrder(6)]
    public string? InviterUsername { get; set; }

    [JsonPropertyOrder(7)]
    public string? LastAuth { get; set; }

    [JsonPropertyOrder(8)]
    public string? LastName { get; set; }

    [JsonPropertyOrder(9)]
    public string OrgMembershipStatus { get; set; } = "";

    [JsonPropertyOrder(10)]
    public TRoles Roles { get; set; } = new();

    [JsonPropertyOrder(12)]
    public string Username { get; set; } = "";
}

/// <summary>OrgUserResponse at 2025-02-19: organization and project roles, and teams.</summary>
internal sealed class OrgUserDto : UserResponseDto<OrgUserRolesDto>
{
    [JsonPropertyOrder(11)]
    public List<string> TeamIds { get; set; } = new();
}

/// <summary>GroupUserResponse at 2025-02-19: the roles are the project roles.</summary>
internal sealed class GroupUserDto : UserResponseDto<List<string>>
{
}

/// <summary>CloudAccessRoleAssignment (resource version 2023-01-01): one of orgId or groupId.</summary>
internal sealed class CloudAccessRoleAssignmentDto
{
    [JsonPropertyOrder(0)]
    public string? GroupId { get; set; }

    [JsonPropertyOrder(1)]
    public string? OrgId { get; set; }

    [JsonPropertyOrder(2)]
    public string RoleName { get; set; } = "";
}

/// <summary>CloudAppUser (resource version 2023-01-01): active users only.</summary>
internal sealed class CloudAppUserDto
{
    [JsonPropertyOrder(0)]
    public string? Country { get; set; }

    [JsonPropertyOrder(1)]
    public string? CreatedAt { get; set; }

    [JsonPropertyOrder(2)]
    public string EmailAddress { get; set; } = "";

    [JsonPropertyOrder(3)]
    public string? FirstName { get; set; }

    [JsonPropertyOrder(4)]
    public string Id { get; set; } = "";

    [JsonPropertyOrder(5)]
    public string? LastAuth { get; set; }

    [JsonPropertyOrder(6)]
    public string? LastName { get; set; }

    [JsonPropertyOrder(7)]
    public List<CloudAccessRoleAssignmentDto> Roles { get; set; } = new();

    [JsonPropertyOrder(8)]
    public List<string> TeamIds { get; set; } = new();

    [JsonPropertyOrder(9)]
    public string Username { get; set; } = "";
}

/// <summary>
/// A page of the users API (PaginatedOrgUserView, PaginatedGroupUserView, PaginatedAppUserView).
/// With <c>envelope=true</c> the page itself gets <c>status</c> (ATLAS.md §6), it is not wrapped.
/// </summary>
internal sealed class UserPageDto<T>
{
    [JsonPropertyOrder(0)]
    public List<LinkDto> Links { get; set; } = new();

    [JsonPropertyOrder(1)]
    public List<T> Results { get; set; } = new();

    [JsonPropertyOrder(2)]
    public int? Status { get; set; }

    [JsonPropertyOrder(3)]
    public int? TotalCount { get; set; }
}

/// <summary>OrgUserRequest (create) and OrgUserUpdateRequest (update, no username).</summary>
internal sealed class OrgUserRequestDto
{
    public string? Username { get; set; }

    public OrgUserRolesDto? Roles { get; set; }

    public List<string?>? TeamIds { get; set; }
}

/// <summary>GroupUserRequest.</summary>
internal sealed class GroupUserRequestDto
{
    public string? Username { get; set; }

    public List<string?>? Roles { get; set; }
}

/// <summary>AddOrRemoveGroupRole.</summary>
internal sealed class GroupRoleRequestDto
{
    public string? GroupRole { get; set; }
}
