using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SpecClient.Simulator.Http;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator.Invitations;

/// <summary>
/// The six invitation operations of each scope (organization, project), shared by Atlas v2 and
/// Cloud Manager v1.0. The pipeline has already authenticated the caller, checked the role and
/// that the organization/project exists; these methods validate bodies and talk to the state.
/// </summary>
internal sealed class InvitationEndpoints
{
    private readonly SimulatorState _state;

    internal InvitationEndpoints(SimulatorState state) => _state = state;

    /// <summary>GET …/invites[?username=]: the pending invitations as a bare JSON array (not paginated).</summary>
    internal async Task ListAsync(ApiCall call)
    {
        string? username = null;
        if (call.Http.Request.Query.TryGetValue("username", out StringValues values))
        {
            username = values.ToString();
            if (!InvitationRules.IsEmail(username))
            {
                await WriteValidationErrorAsync(call, [InvitationRules.Violation("username", "must be a well-formed email address")]);
                return;
            }
        }

        List<SeedInvitation> pending = _state.ListPending(call.Route.Scope, call.Route.ContainerId, username);
        if (call.Route.Scope == InvitationScope.Org)
        {
            await call.WriteAsync(StatusCodes.Status200OK, pending.ConvertAll(i => ToOrgDto(call, i)), SimulatorJsonContext.Default.ListOrganizationInvitationDto);
        }
        else
        {
            await call.WriteAsync(StatusCodes.Status200OK, pending.ConvertAll(i => ToGroupDto(call, i)), SimulatorJsonContext.Default.ListGroupInvitationDto);
        }
    }

    /// <summary>POST …/invites: answers 200 (not 201) with the new invitation; 409 CONFLICT when that user already has a pending one here.</summary>
    internal async Task CreateAsync(ApiCall call)
    {
        InvitationChange? change = await ReadChangeAsync(call, requireUsername: true, requireRoles: true);
        if (change is null)
        {
            return;
        }

        bool org = call.Route.Scope == InvitationScope.Org;
        var candidate = new SeedInvitation
        {
            OrgId = org ? call.Route.ContainerId : null,
            GroupId = org ? null : call.Route.ContainerId,
            Username = change.Username!,

            // The service names the inviting user; for a programmatic caller the simulator uses its
            // public key or client id (not an email address, unlike a user's username).
            InviterUsername = call.Principal.Id,
            Roles = change.Roles!,
            TeamIds = change.TeamIds ?? new List<string>(),
            GroupRoleAssignments = change.GroupRoleAssignments ?? new List<SeedGroupRoleAssignment>(),
        };
        InvitationResult result = _state.Create(candidate);
        if (result.Status == InvitationStatus.Conflict)
        {
            // Unsure: the service's code for a duplicate invitation is unknown; the bundled specs use CONFLICT.
            await call.WriteErrorAsync(
                StatusCodes.Status409Conflict,
                "CONFLICT",
                $"A pending invitation for {candidate.Username} already exists ({result.Invitation!.Id}).",
                [candidate.Username]);
            return;
        }

        await WriteInvitationAsync(call, StatusCodes.Status200OK, result.Invitation!);
    }

    /// <summary>PATCH …/invites: selects the pending invitation by the <c>username</c> in the body.</summary>
    internal async Task UpdateByUsernameAsync(ApiCall call)
    {
        InvitationChange? change = await ReadChangeAsync(call, requireUsername: true, requireRoles: false);
        if (change is null)
        {
            return;
        }

        InvitationResult result = _state.UpdateByUsername(call.Route.Scope, call.Route.ContainerId, change.Username!, target => Apply(change, target));
        if (result.Status != InvitationStatus.Found)
        {
            string where = call.Route.Scope == InvitationScope.Org ? "organization" : "project";
            await call.WriteErrorAsync(
                StatusCodes.Status404NotFound,
                "RESOURCE_NOT_FOUND",
                $"No pending invitation for {change.Username} exists in {where} {call.Route.ContainerId}.",
                [change.Username!]);
            return;
        }

        await WriteInvitationAsync(call, StatusCodes.Status200OK, result.Invitation!);
    }

    /// <summary>GET …/invites/{invitationId}. Accepted invitations are still readable.</summary>
    internal async Task GetAsync(ApiCall call)
    {
        InvitationResult result = _state.Get(call.Route.Scope, call.Route.ContainerId, call.Route.InvitationId!);
        if (await WriteLookupErrorAsync(call, result, "read"))
        {
            return;
        }

        await WriteInvitationAsync(call, StatusCodes.Status200OK, result.Invitation!);
    }

    /// <summary>PATCH …/invites/{invitationId}: the *UpdateRequest body (username, if sent, is ignored).</summary>
    internal async Task UpdateByIdAsync(ApiCall call)
    {
        InvitationChange? change = await ReadChangeAsync(call, requireUsername: false, requireRoles: false);
        if (change is null)
        {
            return;
        }

        InvitationResult result = _state.Update(call.Route.Scope, call.Route.ContainerId, call.Route.InvitationId!, target => Apply(change, target));
        if (await WriteLookupErrorAsync(call, result, "changed"))
        {
            return;
        }

        await WriteInvitationAsync(call, StatusCodes.Status200OK, result.Invitation!);
    }

    /// <summary>
    /// DELETE …/invites/{invitationId}: 204 with no body, also with <c>envelope=true</c> (a choice:
    /// ATLAS.md §6 is unsure about 204s). For Cloud Manager the real service may instead answer
    /// an empty JSON object (<c>{}</c>, ATLAS.md §8); the simulator always sends the empty 204.
    /// </summary>
    internal async Task DeleteAsync(ApiCall call)
    {
        InvitationResult result = _state.Delete(call.Route.Scope, call.Route.ContainerId, call.Route.InvitationId!);
        if (await WriteLookupErrorAsync(call, result, "deleted"))
        {
            return;
        }

        call.Http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>Copies the fields a request set onto the stored invitation (runs under the state lock).</summary>
    private static void Apply(InvitationChange change, SeedInvitation target)
    {
        if (change.Roles is not null)
        {
            target.Roles = new List<string>(change.Roles);
        }

        if (!target.IsGroupInvitation)
        {
            if (change.TeamIds is not null)
            {
                target.TeamIds = new List<string>(change.TeamIds);
            }

            if (change.GroupRoleAssignments is not null)
            {
                target.GroupRoleAssignments = change.GroupRoleAssignments.ConvertAll(a => new SeedGroupRoleAssignment { GroupId = a.GroupId, GroupRole = a.GroupRole });
            }
        }
    }

    /// <summary>
    /// Reads and validates the body of a create or update into an <see cref="InvitationChange"/>.
    /// Answers 400/415 itself and returns null on failure.
    /// </summary>
    private async Task<InvitationChange?> ReadChangeAsync(ApiCall call, bool requireUsername, bool requireRoles)
    {
        var violations = new List<FieldViolationDto>();
        var change = new InvitationChange();
        string? username;
        List<string?>? roles;
        if (call.Route.Scope == InvitationScope.Org)
        {
            OrgInvitationRequestDto? body = await ReadBodyAsync(call, SimulatorJsonContext.Default.OrgInvitationRequestDto);
            if (body is null)
            {
                return null;
            }

            username = body.Username;
            roles = body.Roles;
            if (body.TeamIds is not null)
            {
                change.TeamIds = CheckTeamIds(body.TeamIds, violations);
            }

            if (body.GroupRoleAssignments is not null)
            {
                change.GroupRoleAssignments = CheckGroupRoleAssignments(body.GroupRoleAssignments, call.Route.ContainerId, violations);
            }
        }
        else
        {
            GroupInvitationRequestDto? body = await ReadBodyAsync(call, SimulatorJsonContext.Default.GroupInvitationRequestDto);
            if (body is null)
            {
                return null;
            }

            username = body.Username;
            roles = body.Roles;
        }

        if (requireUsername)
        {
            if (string.IsNullOrEmpty(username))
            {
                violations.Add(InvitationRules.Violation("username", "must not be blank"));
            }
            else if (!InvitationRules.IsEmail(username))
            {
                violations.Add(InvitationRules.Violation("username", "must be a well-formed email address"));
            }
            else
            {
                change.Username = username;
            }
        }

        if (roles is not null)
        {
            change.Roles = call.Route.Scope == InvitationScope.Org
                ? InvitationRules.CheckRoles(roles, InvitationRules.OrgRoles, "organization", violations)
                : InvitationRules.CheckRoles(roles, InvitationRules.GroupRoles, "project", violations);
        }
        else if (requireRoles)
        {
            violations.Add(InvitationRules.Violation("roles", "must contain at least one role"));
        }

        if (violations.Count > 0)
        {
            await WriteValidationErrorAsync(call, violations);
            return null;
        }

        return change;
    }

    private static List<string> CheckTeamIds(List<string?> teamIds, List<FieldViolationDto> violations)
    {
        var result = new List<string>();
        for (int i = 0; i < teamIds.Count; i++)
        {
            string? teamId = teamIds[i];
            if (!InvitationRules.IsId(teamId))
            {
                violations.Add(InvitationRules.IdViolation($"teamIds[{i}]"));
            }
            else if (!result.Contains(teamId!))
            {
                result.Add(teamId!);
            }
        }

        return result;
    }

    private List<SeedGroupRoleAssignment> CheckGroupRoleAssignments(List<GroupRoleAssignmentDto?> assignments, string orgId, List<FieldViolationDto> violations)
    {
        var result = new List<SeedGroupRoleAssignment>();
        for (int i = 0; i < assignments.Count; i++)
        {
            GroupRoleAssignmentDto? assignment = assignments[i];
            if (assignment is null)
            {
                violations.Add(InvitationRules.Violation($"groupRoleAssignments[{i}]", "must not be null"));
                continue;
            }

            bool valid = true;
            if (!InvitationRules.IsId(assignment.GroupId))
            {
                violations.Add(InvitationRules.IdViolation($"groupRoleAssignments[{i}].groupId"));
                valid = false;
            }
            else if (_state.FindProject(assignment.GroupId!)?.OrgId != orgId)
            {
                violations.Add(InvitationRules.Violation($"groupRoleAssignments[{i}].groupId", $"project {assignment.GroupId} does not belong to organization {orgId}"));
                valid = false;
            }

            if (assignment.GroupRole is null || !InvitationRules.GroupRoles.Contains(assignment.GroupRole))
            {
                violations.Add(InvitationRules.Violation($"groupRoleAssignments[{i}].groupRole", $"'{assignment.GroupRole ?? "null"}' is not a valid project role"));
                valid = false;
            }

            if (valid)
            {
                result.Add(new SeedGroupRoleAssignment { GroupId = assignment.GroupId!, GroupRole = assignment.GroupRole! });
            }
        }

        return result;
    }

    /// <summary>
    /// Reads a JSON body: <c>application/json</c> or a versioned Atlas type (415 otherwise; a missing
    /// Content-Type is tolerated), not empty, a JSON object of the right shape (400 VALIDATION_ERROR).
    /// </summary>
    internal static async Task<T?> ReadBodyAsync<T>(ApiCall call, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        HttpRequest request = call.Http.Request;
        if (request.ContentType is { Length: > 0 } contentType && !ApiVersioning.IsJsonContentType(contentType))
        {
            await call.WriteErrorAsync(
                StatusCodes.Status415UnsupportedMediaType,
                "UNSUPPORTED_MEDIA_TYPE",
                $"Content type {contentType} is not supported; send application/json.",
                [contentType]);
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, call.Http.RequestAborted);
        if (buffer.Length == 0)
        {
            await call.WriteErrorAsync(StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "The request body is required.");
            return null;
        }

        try
        {
            T? value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo);
            if (value is null)
            {
                await call.WriteErrorAsync(StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "The request body must be a JSON object.");
            }

            return value;
        }
        catch (JsonException ex)
        {
            string field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            await WriteValidationErrorAsync(call, [InvitationRules.Violation(field, "is malformed or has the wrong type")], "The request body is not valid JSON for this operation.");
            return null;
        }
    }

    internal static Task WriteValidationErrorAsync(ApiCall call, List<FieldViolationDto> violations, string detail = "The request contains invalid values.")
    {
        var parameters = violations.ConvertAll(v => v.Field);
        return call.WriteErrorAsync(StatusCodes.Status400BadRequest, "VALIDATION_ERROR", $"{detail} {Describe(violations)}", parameters, violations);
    }

    private static string Describe(List<FieldViolationDto> violations)
        => string.Join("; ", violations.ConvertAll(v => $"{v.Field}: {v.Description}")) + ".";

    /// <summary>Answers the error of a failed by-id lookup; returns false when the invitation was found.</summary>
    private static async Task<bool> WriteLookupErrorAsync(ApiCall call, InvitationResult result, string verb)
    {
        string id = call.Route.InvitationId!;
        switch (result.Status)
        {
            case InvitationStatus.Found:
                return false;

            // ATLAS.md §4 names the codes without saying which endpoint sends which. Choice: the code
            // names the kind of invitation the id actually denotes ("can't delete a GROUP invitation
            // here"), so the organization route answers CANNOT_DELETE_GROUP_INVITATION and the project
            // route CANNOT_DELETE_ORG_INVITATION. GET and PATCH by id use the same codes as DELETE.
            // Only ids of the same organization count as "the other kind"; any other id is 404.
            case InvitationStatus.GroupInvitationOnOrgRoute:
                await call.WriteErrorAsync(
                    StatusCodes.Status400BadRequest,
                    "CANNOT_DELETE_GROUP_INVITATION",
                    $"Invitation {id} is a project invitation and can't be {verb} through an organization endpoint.",
                    [id]);
                return true;

            case InvitationStatus.OrgInvitationOnGroupRoute:
                await call.WriteErrorAsync(
                    StatusCodes.Status400BadRequest,
                    "CANNOT_DELETE_ORG_INVITATION",
                    $"Invitation {id} is an organization invitation and can't be {verb} through a project endpoint.",
                    [id]);
                return true;

            // Choice: an accepted invitation can't be deleted (ATLAS.md §1) nor changed; the code is
            // DEFAULT_INVITATION_EXCEPTION, the generic invitation failure of ATLAS.md §4.
            case InvitationStatus.Accepted:
                await call.WriteErrorAsync(
                    StatusCodes.Status400BadRequest,
                    "DEFAULT_INVITATION_EXCEPTION",
                    $"Invitation {id} has already been accepted and can't be {verb}.",
                    [id]);
                return true;

            default:
                string where = call.Route.Scope == InvitationScope.Org ? "organization" : "project";
                await call.WriteErrorAsync(
                    StatusCodes.Status404NotFound,
                    "RESOURCE_NOT_FOUND",
                    $"No invitation with ID {id} exists in {where} {call.Route.ContainerId}.",
                    [id]);
                return true;
        }
    }

    private Task WriteInvitationAsync(ApiCall call, int status, SeedInvitation invitation)
        => invitation.IsGroupInvitation
            ? call.WriteAsync(status, ToGroupDto(call, invitation), SimulatorJsonContext.Default.GroupInvitationDto)
            : call.WriteAsync(status, ToOrgDto(call, invitation), SimulatorJsonContext.Default.OrganizationInvitationDto);

    /// <summary>Atlas adds <c>links</c> and <c>groupRoleAssignments</c>; Cloud Manager has neither (ATLAS.md §8).</summary>
    private OrganizationInvitationDto ToOrgDto(ApiCall call, SeedInvitation invitation)
    {
        bool atlas = call.Flavor == ApiFlavor.Atlas;
        string orgId = invitation.OrgId!;
        return new OrganizationInvitationDto
        {
            Id = invitation.Id,
            OrgId = orgId,
            OrgName = _state.FindOrganization(orgId)?.Name ?? "",
            Username = invitation.Username,
            InviterUsername = invitation.InviterUsername,
            CreatedAt = UtcTimestampConverter.ToWire(invitation.CreatedAt),
            ExpiresAt = UtcTimestampConverter.ToWire(invitation.ExpiresAt ?? invitation.CreatedAt + SimulatorState.InvitationLifetime),
            Roles = new List<string>(invitation.Roles),
            TeamIds = new List<string>(invitation.TeamIds),
            GroupRoleAssignments = atlas
                ? invitation.GroupRoleAssignments.ConvertAll(a => new GroupRoleAssignmentDto { GroupId = a.GroupId, GroupRole = a.GroupRole })
                : null,
            Links = atlas ? [new LinkDto { Href = call.SelfLink(InvitationScope.Org, orgId, invitation.Id), Rel = "self" }] : null,
        };
    }

    private GroupInvitationDto ToGroupDto(ApiCall call, SeedInvitation invitation)
    {
        string groupId = invitation.GroupId!;
        return new GroupInvitationDto
        {
            Id = invitation.Id,
            GroupId = groupId,
            GroupName = _state.FindProject(groupId)?.Name ?? "",
            Username = invitation.Username,
            InviterUsername = invitation.InviterUsername,
            CreatedAt = UtcTimestampConverter.ToWire(invitation.CreatedAt),
            ExpiresAt = UtcTimestampConverter.ToWire(invitation.ExpiresAt ?? invitation.CreatedAt + SimulatorState.InvitationLifetime),
            Roles = new List<string>(invitation.Roles),
            Links = call.Flavor == ApiFlavor.Atlas ? [new LinkDto { Href = call.SelfLink(InvitationScope.Group, groupId, invitation.Id), Rel = "self" }] : null,
        };
    }

    /// <summary>The values a create/update body asked for; null members were not sent.</summary>
    private sealed class InvitationChange
    {
        public string? Username { get; set; }

        public List<string>? Roles { get; set; }

        public List<string>? TeamIds { get; set; }

        public List<SeedGroupRoleAssignment>? GroupRoleAssignments { get; set; }
    }
}
