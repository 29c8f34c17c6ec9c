using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SpecClient.Simulator.Json;

// The simulator's own wire types. Property order follows the service's output, which lists
// fields alphabetically; null members are omitted (SimulatorJsonContext: WhenWritingNull).

/// <summary>The ApiError body of every error answered on an API path.</summary>
internal sealed class ApiErrorDto
{
    [JsonPropertyOrder(0)]
    public BadRequestDetailDto? BadRequestDetail { get; set; }

    [JsonPropertyOrder(1)]
    public string Detail { get; set; } = "";

    [JsonPropertyOrder(2)]
    public int Error { get; set; }

    [JsonPropertyOrder(3)]
    public string ErrorCode { get; set; } = "";

    [JsonPropertyOrder(4)]
    public List<string> Parameters { get; set; } = new();

    [JsonPropertyOrder(5)]
    public string Reason { get; set; } = "";
}

internal sealed class BadRequestDetailDto
{
    public List<FieldViolationDto> Fields { get; set; } = new();
}

internal sealed class FieldViolationDto
{
    [JsonPropertyOrder(0)]
    public string Description { get; set; } = "";

    [JsonPropertyOrder(1)]
    public string Field { get; set; } = "";
}

internal sealed class LinkDto
{
    [JsonPropertyOrder(0)]
    public string Href { get; set; } = "";

    [JsonPropertyOrder(1)]
    public string Rel { get; set; } = "";
}

internal sealed class GroupRoleAssignmentDto
{
    [JsonPropertyOrder(0)]
    public string? GroupId { get; set; }

    [JsonPropertyOrder(1)]
    public string? GroupRole { get; set; }
}

internal sealed class OrganizationInvitationDto
{
    [JsonPropertyOrder(0)]
    public string? CreatedAt { get; set; }

    [JsonPropertyOrder(1)]
    public string? ExpiresAt { get; set; }

    /// <summary>Atlas only (from 2023-11-15); Cloud Manager leaves it out.</summary>
    [JsonPropertyOrder(2)]
    public List<GroupRoleAssignmentDto>? GroupRoleAssignments { get; set; }

    [JsonPropertyOrder(3)]
    public string Id { get; set; } = "";

    [JsonPropertyOrder(4)]
    public string? InviterUsername { get; set; }

    /// <summary>Atlas only; Cloud Manager leaves it out.</summary>
    [JsonPropertyOrder(5)]
    public List<LinkDto>? Links { get; set; }

    [JsonPropertyOrder(6)]
    public string OrgId { get; set; } = "";

    [JsonPropertyOrder(7)]
    public string OrgName { get; set; } = "";

    [JsonPropertyOrder(8)]
    public List<string> Roles { get; set; } = new();

    [JsonPropertyOrder(9)]
    public List<string> TeamIds { get; set; } = new();

    [JsonPropertyOrder(10)]
    public string Username { get; set; } = "";
}

internal sealed class GroupInvitationDto
{
    [JsonPropertyOrder(0)]
    public string? CreatedAt { get; set; }

    [JsonPropertyOrder(1)]
    public string? ExpiresAt { get; set; }

    [JsonPropertyOrder(2)]
    public string GroupId { get; set; } = "";

    [JsonPropertyOrder(3)]
    public string GroupName { get; set; } = "";

    [JsonPropertyOrder(4)]
    public string Id { get; set; } = "";

    [JsonPropertyOrder(5)]
    public string? InviterUsername { get; set; }

    /// <summary>Atlas only; Cloud Manager leaves it out.</summary>
    [JsonPropertyOrder(6)]
    public List<LinkDto>? Links { get; set; }

    [JsonPropertyOrder(7)]
    public List<string> Roles { get; set; } = new();

    [JsonPropertyOrder(8)]
    public string Username { get; set; } = "";
}

/// <summary>
/// Body of create and PATCH-by-username (OrganizationInvitationRequest) and of PATCH-by-id
/// (OrganizationInvitationUpdateRequest, the same without username). Elements are nullable
/// so that validation, not deserialization, reports a JSON null inside an array.
/// </summary>
internal sealed class OrgInvitationRequestDto
{
    public string? Username { get; set; }

    public List<string?>? Roles { get; set; }

    public List<string?>? TeamIds { get; set; }

    public List<GroupRoleAssignmentDto?>? GroupRoleAssignments { get; set; }
}

/// <summary>GroupInvitationRequest / GroupInvitationUpdateRequest.</summary>
internal sealed class GroupInvitationRequestDto
{
    public string? Username { get; set; }

    public List<string?>? Roles { get; set; }
}

internal sealed class OAuthTokenResponseDto
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("expires_in")]
    public long ExpiresIn { get; set; }

    [JsonPropertyName("token_type")]
    public string TokenType { get; set; } = "Bearer";
}

internal sealed class OAuthErrorDto
{
    [JsonPropertyName("error")]
    public string Error { get; set; } = "";

    [JsonPropertyName("error_description")]
    public string ErrorDescription { get; set; } = "";
}
