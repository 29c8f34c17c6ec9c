using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SpecClient.Simulator.Discovery;
using SpecClient.Simulator.Http;
using SpecClient.Simulator.Invitations;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator.Users;

/// <summary>
/// The MongoDB Cloud users operations of Atlas v2 (the invitations' replacement), on the same
/// state as the invitations (see <see cref="SimulatorState"/>'s users part). Resource version
/// 2025-02-19 sees pending and active users; the deprecated 2023-01-01 (Accept dates before
/// 2025-02-19) only lists and removes active users. The pipeline has authenticated the caller,
/// applied the rate limit and checked that the Accept header names a version.
/// </summary>
internal sealed class UserEndpoints
{
    private delegate Task Operation(ApiCall call, UserRoute route);

    private readonly SimulatorState _state;

    internal UserEndpoints(SimulatorState state) => _state = state;

    /// <summary>Order of checks: resource version → method (405) → version of the operation (406) → ids (400) → org/project (404) → role (403).</summary>
    internal async Task HandleAsync(ApiCall call, UserRoute route)
    {
        ApiVersioning.TryResolve(call.Http.Request.Headers.Accept, out DateOnly requested);
        bool current = requested >= ApiVersioning.UsersResourceVersion;
        call.ResourceVersion = current ? ApiVersioning.UsersResourceVersion : ApiVersioning.InviteResourceVersion;
        if (!current)
        {
            call.Http.Response.Headers["Deprecation"] = ApiVersioning.HttpDate(ApiVersioning.UsersLegacyDeprecation);
        }

        string method = call.Http.Request.Method;
        (Operation? operation, bool write, bool legacy, string allow) = Select(route, method);
        if (operation is null)
        {
            call.Http.Response.Headers.Allow = allow;
            await call.WriteErrorAsync(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"Method {method} is not allowed here; use {allow}.", [method]);
            return;
        }

        if (!current && !legacy)
        {
            // Choice: an Accept date before the operation's first resource version is answered like
            // any date before the first version (ATLAS.md §2): 406, not 404.
            await call.WriteErrorAsync(
                StatusCodes.Status406NotAcceptable,
                "INVALID_VERSION_DATE",
                $"Invalid accept header or version date: this operation exists from resource version {Date(ApiVersioning.UsersResourceVersion)} on.",
                [Date(requested)]);
            return;
        }

        if (await InvitationRules.WriteInvalidPathIdsAsync(call, (route.ContainerParameter, route.ContainerId), ("userId", route.UserId)))
        {
            return;
        }

        string orgId;
        bool allowed;
        if (route.Scope == InvitationScope.Org)
        {
            if (_state.FindOrganization(route.ContainerId) is null)
            {
                await call.WriteErrorAsync(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", $"No organization with ID {route.ContainerId} exists.", [route.ContainerId]);
                return;
            }

            orgId = route.ContainerId;
            allowed = write ? call.Principal.CanManageOrgInvitations(orgId) : call.Principal.HoldsOrgRole(orgId);
        }
        else
        {
            SeedProject? project = _state.FindProject(route.ContainerId);
            if (project is null)
            {
                await call.WriteErrorAsync(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", $"No project with ID {route.ContainerId} exists.", [route.ContainerId]);
                return;
            }

            orgId = project.OrgId;
            allowed = write ? call.Principal.CanManageGroupInvitations(project.GroupId, orgId) : call.Principal.CanReadProject(project.GroupId, orgId);
        }

        if (!allowed)
        {
            string role = (route.Scope, write) switch
            {
                (InvitationScope.Org, true) => "Organization Owner",
                (InvitationScope.Org, false) => "Organization Member",
                (_, true) => "Project Owner",
                _ => "Project Read Only",
            };
            await call.WriteErrorAsync(
                StatusCodes.Status403Forbidden,
                "USER_UNAUTHORIZED",
                $"Current user is not authorized to perform this action: it requires the {role} role on {route.ContainerId}.",
                [call.Principal.Id, route.ContainerId]);
            return;
        }

        await operation(call, route);
    }

    /// <summary>The operation for a method on a route: (operation, changes state, exists at 2023-01-01, Allow header).</summary>
    private (Operation? Operation, bool Write, bool Legacy, string Allow) Select(UserRoute route, string method)
    {
        if (route.Action is not null)
        {
            return method == HttpMethods.Post ? (ChangeProjectRoleAsync, true, false, "POST") : (null, false, false, "POST");
        }

        bool org = route.Scope == InvitationScope.Org;
        if (route.UserId is null)
        {
            return method switch
            {
                "GET" => (org ? ListOrgUsersAsync : ListProjectUsersAsync, false, true, "GET, POST"),
                "POST" => (org ? CreateOrgUserAsync : AddProjectUserAsync, true, false, "GET, POST"),
                _ => (null, false, false, "GET, POST"),
            };
        }

        string allow = org ? "GET, PATCH, DELETE" : "GET, DELETE";
        return method switch
        {
            "GET" => (org ? GetOrgUserAsync : GetProjectUserAsync, false, false, allow),
            "PATCH" when org => (UpdateOrgUserAsync, true, false, allow),
            "DELETE" => (org ? RemoveOrgUserAsync : RemoveProjectUserAsync, true, true, allow),
            _ => (null, false, false, allow),
        };
    }

    private async Task ListOrgUsersAsync(ApiCall call, UserRoute route)
    {
        if (await ReadListQueryAsync(call) is not { } query)
        {
            return;
        }

        List<OrgMember> members = Filter(_state.ListOrgMembers(route.ContainerId), query);
        if (query.Legacy)
        {
            await WriteLegacyPageAsync(call, query, members);
            return;
        }

        var page = new UserPageDto<OrgUserDto>();
        Fill(call, page, query, members, m => ToOrgDto(m));
        await call.WritePageAsync(StatusCodes.Status200OK, page, SimulatorJsonContext.Default.UserPageDtoOrgUserDto);
    }

    private async Task ListProjectUsersAsync(ApiCall call, UserRoute route)
    {
        if (await ReadListQueryAsync(call) is not { } query)
        {
            return;
        }

        // flattenTeams is accepted and validated but changes nothing: teams are not modelled.
        bool includeOrgUsers = false;
        foreach (string name in new[] { "includeOrgUsers", "flattenTeams" })
        {
            if (call.Http.Request.Query.TryGetValue(name, out StringValues value))
            {
                if (!bool.TryParse(value.ToString(), out bool flag))
                {
                    await WriteInvalidQueryAsync(call, name, $"Invalid query parameter {name}: expected true or false.");
                    return;
                }

                includeOrgUsers |= name == "includeOrgUsers" && flag;
            }
        }

        List<OrgMember> members = Filter(_state.ListProjectMembers(route.ContainerId, includeOrgUsers), query);
        if (query.Legacy)
        {
            await WriteLegacyPageAsync(call, query, members);
            return;
        }

        var page = new UserPageDto<GroupUserDto>();
        Fill(call, page, query, members, m => ToGroupDto(m, route.ContainerId, includeOrgUsers));
        await call.WritePageAsync(StatusCodes.Status200OK, page, SimulatorJsonContext.Default.UserPageDtoGroupUserDto);
    }

    private async Task GetOrgUserAsync(ApiCall call, UserRoute route)
    {
        OrgMember? member = _state.FindOrgMember(route.ContainerId, route.UserId!);
        if (member is null)
        {
            await WriteUserNotFoundAsync(call, route);
            return;
        }

        await call.WriteAsync(StatusCodes.Status200OK, ToOrgDto(member), SimulatorJsonContext.Default.OrgUserDto);
    }

    private async Task CreateOrgUserAsync(ApiCall call, UserRoute route)
    {
        OrgUserRequestDto? body = await InvitationEndpoints.ReadBodyAsync(call, SimulatorJsonContext.Default.OrgUserRequestDto);
        if (body is null)
        {
            return;
        }

        var violations = new List<FieldViolationDto>();
        string? username = CheckUsername(body.Username, violations);
        if (body.Roles is null)
        {
            violations.Add(InvitationRules.Violation("roles", "must not be null"));
        }

        OrgRolesChange? roles = body.Roles is null ? null : CheckOrgRoles(body.Roles, route.ContainerId, violations);
        List<string>? teamIds = body.TeamIds is null ? null : CheckTeamIds(body.TeamIds, violations);
        if (violations.Count > 0)
        {
            await InvitationEndpoints.WriteValidationErrorAsync(call, violations);
            return;
        }

        var candidate = new SeedInvitation
        {
            OrgId = route.ContainerId,
            Username = username!,

            // As for the invitations API: a programmatic caller is named by its public key or client id.
            InviterUsername = call.Principal.Id,
            Roles = roles!.OrgRoles!,
            TeamIds = teamIds ?? new List<string>(),
            GroupRoleAssignments = roles.Assignments ?? new List<SeedGroupRoleAssignment>(),
        };
        UserResult result = _state.CreateOrgUser(candidate);
        if (result.Status == UserStatus.Conflict)
        {
            await WriteConflictAsync(call, $"{candidate.Username} is already a{(result.Member!.IsPending ? " pending" : "n active")} user of organization {route.ContainerId} ({result.Member.Id}).", candidate.Username);
            return;
        }

        await call.WriteAsync(StatusCodes.Status201Created, ToOrgDto(result.Member!), SimulatorJsonContext.Default.OrgUserDto);
    }

    private async Task UpdateOrgUserAsync(ApiCall call, UserRoute route)
    {
        OrgUserRequestDto? body = await InvitationEndpoints.ReadBodyAsync(call, SimulatorJsonContext.Default.OrgUserRequestDto);
        if (body is null)
        {
            return;
        }

        // OrgUserUpdateRequest has no username; one sent anyway is ignored, as for the invitations.
        var violations = new List<FieldViolationDto>();
        OrgRolesChange? roles = body.Roles is null ? null : CheckOrgRoles(body.Roles, route.ContainerId, violations);
        List<string>? teamIds = body.TeamIds is null ? null : CheckTeamIds(body.TeamIds, violations);
        if (violations.Count > 0)
        {
            await InvitationEndpoints.WriteValidationErrorAsync(call, violations);
            return;
        }

        UserResult result = _state.UpdateOrgUser(route.ContainerId, route.UserId!, roles?.OrgRoles, roles?.Assignments, teamIds);
        if (result.Status == UserStatus.NotFound)
        {
            await WriteUserNotFoundAsync(call, route);
            return;
        }

        await call.WriteAsync(StatusCodes.Status200OK, ToOrgDto(result.Member!), SimulatorJsonContext.Default.OrgUserDto);
    }

    /// <summary>204 without a body (also with envelope=true, as for the invitations).</summary>
    private async Task RemoveOrgUserAsync(ApiCall call, UserRoute route)
    {
        // At 2023-01-01 only active users can be removed: a pending one is not found there.
        if (_state.RemoveOrgUser(route.ContainerId, route.UserId!, pendingVisible: call.ResourceVersion == ApiVersioning.UsersResourceVersion).Status != UserStatus.Found)
        {
            await WriteUserNotFoundAsync(call, route);
            return;
        }

        call.Http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task GetProjectUserAsync(ApiCall call, UserRoute route)
    {
        OrgMember? member = _state.FindProjectMember(route.ContainerId, route.UserId!);
        if (member is null)
        {
            await WriteUserNotFoundAsync(call, route);
            return;
        }

        await call.WriteAsync(StatusCodes.Status200OK, ToGroupDto(member, route.ContainerId, includeOrgUsers: false), SimulatorJsonContext.Default.GroupUserDto);
    }

    private async Task AddProjectUserAsync(ApiCall call, UserRoute route)
    {
        GroupUserRequestDto? body = await InvitationEndpoints.ReadBodyAsync(call, SimulatorJsonContext.Default.GroupUserRequestDto);
        if (body is null)
        {
            return;
        }

        var violations = new List<FieldViolationDto>();
        string? username = CheckUsername(body.Username, violations);
        List<string> roles = body.Roles is null
            ? Add(violations, "roles", "must contain at least one role")
            : CheckRoleList(body.Roles, InvitationRules.GroupRoles, "roles", "project", violations);
        if (violations.Count > 0)
        {
            await InvitationEndpoints.WriteValidationErrorAsync(call, violations);
            return;
        }

        string orgId = _state.FindProject(route.ContainerId)!.OrgId;
        var candidate = new SeedInvitation
        {
            OrgId = orgId,
            Username = username!,
            InviterUsername = call.Principal.Id,

            // Choice: someone new to the organization is invited with the least organization role.
            Roles = ["ORG_MEMBER"],
            GroupRoleAssignments = roles.ConvertAll(role => new SeedGroupRoleAssignment { GroupId = route.ContainerId, GroupRole = role }),
        };
        UserResult result = _state.AddProjectUser(route.ContainerId, candidate);
        if (result.Status == UserStatus.Conflict)
        {
            await WriteConflictAsync(call, $"{candidate.Username} already has a role on project {route.ContainerId} ({result.Member!.Id}).", candidate.Username);
            return;
        }

        await call.WriteAsync(StatusCodes.Status201Created, ToGroupDto(result.Member!, route.ContainerId, includeOrgUsers: false), SimulatorJsonContext.Default.GroupUserDto);
    }

    private async Task RemoveProjectUserAsync(ApiCall call, UserRoute route)
    {
        if (_state.RemoveProjectUser(route.ContainerId, route.UserId!, pendingVisible: call.ResourceVersion == ApiVersioning.UsersResourceVersion).Status != UserStatus.Found)
        {
            await WriteUserNotFoundAsync(call, route);
            return;
        }

        call.Http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>addProjectRole / removeProjectRole: 200 with the user's organization view (OrgUserResponse, as the spec says).</summary>
    private async Task ChangeProjectRoleAsync(ApiCall call, UserRoute route)
    {
        GroupRoleRequestDto? body = await InvitationEndpoints.ReadBodyAsync(call, SimulatorJsonContext.Default.GroupRoleRequestDto);
        if (body is null)
        {
            return;
        }

        if (body.GroupRole is null || !InvitationRules.GroupRoles.Contains(body.GroupRole))
        {
            await InvitationEndpoints.WriteValidationErrorAsync(call, [InvitationRules.Violation("groupRole", $"'{body.GroupRole ?? "null"}' is not a valid project role")]);
            return;
        }

        UserResult result = _state.ChangeProjectRole(route.ContainerId, route.UserId!, body.GroupRole, add: route.Action == UserRoute.AddRole);
        switch (result.Status)
        {
            case UserStatus.NotFound:
                await WriteUserNotFoundAsync(call, route);
                return;
            case UserStatus.LastRole:
                // Choice: "a user must have at least one role": removing the last project role is a
                // 409; removeProjectUser takes a user out of a project.
                await WriteConflictAsync(call, $"{body.GroupRole} is the only role of user {route.UserId} on project {route.ContainerId}; add another role first or remove the user from the project.", route.UserId!);
                return;
            default:
                await call.WriteAsync(StatusCodes.Status200OK, ToOrgDto(result.Member!), SimulatorJsonContext.Default.OrgUserDto);
                return;
        }
    }

    /// <summary>Paging, <c>username</c> and <c>orgMembershipStatus</c>; answers 400 itself and returns null when one is invalid.</summary>
    private static async Task<ListQuery?> ReadListQueryAsync(ApiCall call)
    {
        bool legacy = call.ResourceVersion != ApiVersioning.UsersResourceVersion;
        IQueryCollection query = call.Http.Request.Query;
        if (legacy)
        {
            // Choice: resource version 2023-01-01 has neither filter; rather than ignore one and hand
            // back an unfiltered list the client believes filtered, it is refused.
            foreach (string name in new[] { "username", "orgMembershipStatus" })
            {
                if (query.ContainsKey(name))
                {
                    await WriteInvalidQueryAsync(call, name, $"Invalid query parameter {name}: it exists from resource version {Date(ApiVersioning.UsersResourceVersion)} on.");
                    return null;
                }
            }
        }

        if (!DiscoveryEndpoints.TryReadPage(call, out int itemsPerPage, out int pageNum, out bool includeCount, out string? invalid))
        {
            await WriteInvalidQueryAsync(call, invalid!, $"Invalid query parameter {invalid}.");
            return null;
        }

        string? username = null;
        if (query.TryGetValue("username", out StringValues usernameValue))
        {
            username = usernameValue.ToString();
            if (!InvitationRules.IsEmail(username))
            {
                await WriteInvalidQueryAsync(call, "username", "Invalid query parameter username: must be a well-formed email address.");
                return null;
            }
        }

        bool? pending = null;
        if (query.TryGetValue("orgMembershipStatus", out StringValues statusValue))
        {
            pending = statusValue.ToString() switch
            {
                "PENDING" => true,
                "ACTIVE" => false,
                _ => null,
            };
            if (pending is null)
            {
                await WriteInvalidQueryAsync(call, "orgMembershipStatus", "Invalid query parameter orgMembershipStatus: expected PENDING or ACTIVE.");
                return null;
            }
        }

        return new ListQuery(legacy, itemsPerPage, pageNum, includeCount, username, pending);
    }

    private static List<OrgMember> Filter(List<OrgMember> members, ListQuery query)
        => members.FindAll(m => (!query.Legacy || !m.IsPending)
            && (query.Pending is null || m.IsPending == query.Pending)
            && (query.Username is null || string.Equals(m.Username, query.Username, StringComparison.OrdinalIgnoreCase)));

    private static void Fill<T>(ApiCall call, UserPageDto<T> page, ListQuery query, List<OrgMember> members, Converter<OrgMember, T> convert)
    {
        page.Results = DiscoveryEndpoints.Page(members, query.ItemsPerPage, query.PageNum).ConvertAll(convert);
        page.TotalCount = query.IncludeCount ? members.Count : null;
        page.Links = [new LinkDto { Href = call.RequestUrl, Rel = "self" }];
        page.Status = call.Format.Envelope ? StatusCodes.Status200OK : null;
    }

    private Task WriteLegacyPageAsync(ApiCall call, ListQuery query, List<OrgMember> members)
    {
        var page = new UserPageDto<CloudAppUserDto>();
        Fill(call, page, query, members, ToCloudAppUser);
        return call.WritePageAsync(StatusCodes.Status200OK, page, SimulatorJsonContext.Default.UserPageDtoCloudAppUserDto);
    }

    private static OrgUserDto ToOrgDto(OrgMember member)
    {
        var roles = new OrgUserRolesDto
        {
            OrgRoles = member.OrgRoles.ConvertAll<string?>(r => r),
            GroupRoleAssignments = member.ProjectRoleGroups().ConvertAll<UserGroupRoleAssignmentDto?>(g => new UserGroupRoleAssignmentDto { GroupId = g.GroupId, GroupRoles = g.Roles.ConvertAll<string?>(r => r) }),
        };
        if (member.Pending is { } invitation)
        {
            return new OrgUserDto
            {
                Id = invitation.Id,
                OrgMembershipStatus = "PENDING",
                Username = invitation.Username,
                InvitationCreatedAt = UtcTimestampConverter.ToWire(invitation.CreatedAt),
                InvitationExpiresAt = UtcTimestampConverter.ToWire(invitation.ExpiresAt ?? invitation.CreatedAt + SimulatorState.InvitationLifetime),
                InviterUsername = invitation.InviterUsername ?? "",
                Roles = roles,
                TeamIds = new List<string>(invitation.TeamIds),
            };
        }

        SeedUser user = member.Active!;
        return new OrgUserDto
        {
            Id = user.Id,
            OrgMembershipStatus = "ACTIVE",
            Username = user.Username,
            Country = user.Country,
            CreatedAt = user.CreatedAt is { } created ? UtcTimestampConverter.ToWire(created) : null,
            FirstName = user.FirstName ?? "",
            LastName = user.LastName ?? "",
            LastAuth = user.LastAuth is { } lastAuth ? UtcTimestampConverter.ToWire(lastAuth) : null,
            Roles = roles,

            // Teams are not modelled for active users.
            TeamIds = new List<string>(),
        };
    }

    private static GroupUserDto ToGroupDto(OrgMember member, string groupId, bool includeOrgUsers)
    {
        OrgUserDto org = ToOrgDto(member);
        return new GroupUserDto
        {
            Id = org.Id,
            OrgMembershipStatus = org.OrgMembershipStatus,
            Username = org.Username,
            InvitationCreatedAt = org.InvitationCreatedAt,
            InvitationExpiresAt = org.InvitationExpiresAt,
            InviterUsername = org.InviterUsername,
            Country = org.Country,
            CreatedAt = org.CreatedAt,
            FirstName = org.FirstName,
            LastName = org.LastName,
            LastAuth = org.LastAuth,
            Roles = SimulatorState.ProjectRolesShown(member, groupId, includeOrgUsers),
        };
    }

    /// <summary>CloudAppUser: the user's roles in this organization and its projects.</summary>
    private static CloudAppUserDto ToCloudAppUser(OrgMember member)
    {
        SeedUser user = member.Active!;
        return new CloudAppUserDto
        {
            Id = user.Id,
            Username = user.Username,
            EmailAddress = user.Username,
            Country = user.Country,
            CreatedAt = user.CreatedAt is { } created ? UtcTimestampConverter.ToWire(created) : null,
            FirstName = user.FirstName ?? "",
            LastName = user.LastName ?? "",
            LastAuth = user.LastAuth is { } lastAuth ? UtcTimestampConverter.ToWire(lastAuth) : null,
            Roles = user.Roles.ConvertAll(r => new CloudAccessRoleAssignmentDto { OrgId = r.OrgId, GroupId = r.GroupId, RoleName = r.RoleName }),
        };
    }

    private static string? CheckUsername(string? username, List<FieldViolationDto> violations)
    {
        if (string.IsNullOrEmpty(username))
        {
            violations.Add(InvitationRules.Violation("username", "must not be blank"));
            return null;
        }

        if (!InvitationRules.IsEmail(username))
        {
            violations.Add(InvitationRules.Violation("username", "must be a well-formed email address"));
            return null;
        }

        return username;
    }

    /// <summary>OrgUserRolesRequest: orgRoles required (at least one), groupRoleAssignments on projects of this organization.</summary>
    private OrgRolesChange CheckOrgRoles(OrgUserRolesDto roles, string orgId, List<FieldViolationDto> violations)
    {
        var change = new OrgRolesChange
        {
            OrgRoles = roles.OrgRoles is null
                ? Add(violations, "roles.orgRoles", "must contain at least one role")
                : CheckRoleList(roles.OrgRoles, InvitationRules.OrgRoles, "roles.orgRoles", "organization", violations),
        };
        if (roles.GroupRoleAssignments is { } assignments)
        {
            change.Assignments = new List<SeedGroupRoleAssignment>();
            for (int i = 0; i < assignments.Count; i++)
            {
                string field = $"roles.groupRoleAssignments[{i}]";
                UserGroupRoleAssignmentDto? assignment = assignments[i];
                if (assignment is null)
                {
                    violations.Add(InvitationRules.Violation(field, "must not be null"));
                    continue;
                }

                if (!InvitationRules.IsId(assignment.GroupId))
                {
                    violations.Add(InvitationRules.IdViolation(field + ".groupId"));
                    continue;
                }

                if (_state.FindProject(assignment.GroupId!)?.OrgId != orgId)
                {
                    violations.Add(InvitationRules.Violation(field + ".groupId", $"project {assignment.GroupId} does not belong to organization {orgId}"));
                    continue;
                }

                List<string> groupRoles = assignment.GroupRoles is null
                    ? Add(violations, field + ".groupRoles", "must contain at least one role")
                    : CheckRoleList(assignment.GroupRoles, InvitationRules.GroupRoles, field + ".groupRoles", "project", violations);
                foreach (string role in groupRoles)
                {
                    if (!change.Assignments.Exists(a => a.GroupId == assignment.GroupId && a.GroupRole == role))
                    {
                        change.Assignments.Add(new SeedGroupRoleAssignment { GroupId = assignment.GroupId!, GroupRole = role });
                    }
                }
            }
        }

        return change;
    }

    private static List<string> CheckRoleList(List<string?> roles, IReadOnlySet<string> known, string field, string kind, List<FieldViolationDto> violations)
    {
        var result = new List<string>();
        if (roles.Count == 0)
        {
            violations.Add(InvitationRules.Violation(field, "must contain at least one role"));
        }

        for (int i = 0; i < roles.Count; i++)
        {
            string? role = roles[i];
            if (role is null || !known.Contains(role))
            {
                violations.Add(InvitationRules.Violation($"{field}[{i}]", $"'{role ?? "null"}' is not a valid {kind} role"));
            }
            else if (!result.Contains(role))
            {
                result.Add(role);
            }
        }

        return result;
    }

    private static List<string> CheckTeamIds(List<string?> teamIds, List<FieldViolationDto> violations)
    {
        var result = new List<string>();
        for (int i = 0; i < teamIds.Count; i++)
        {
            if (!InvitationRules.IsId(teamIds[i]))
            {
                violations.Add(InvitationRules.IdViolation($"teamIds[{i}]"));
            }
            else if (!result.Contains(teamIds[i]!))
            {
                result.Add(teamIds[i]!);
            }
        }

        return result;
    }

    private static List<string> Add(List<FieldViolationDto> violations, string field, string description)
    {
        violations.Add(InvitationRules.Violation(field, description));
        return new List<string>();
    }

    private static Task WriteInvalidQueryAsync(ApiCall call, string name, string detail)
        => call.WriteErrorAsync(StatusCodes.Status400BadRequest, "INVALID_QUERY_PARAMETER", detail, [name]);

    private static Task WriteUserNotFoundAsync(ApiCall call, UserRoute route)
    {
        string where = route.Scope == InvitationScope.Org ? "organization" : "project";
        return call.WriteErrorAsync(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", $"No user with ID {route.UserId} exists in {where} {route.ContainerId}.", [route.UserId!]);
    }

    private static Task WriteConflictAsync(ApiCall call, string detail, string parameter)
        => call.WriteErrorAsync(StatusCodes.Status409Conflict, "CONFLICT", detail, [parameter]);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record ListQuery(bool Legacy, int ItemsPerPage, int PageNum, bool IncludeCount, string? Username, bool? Pending);

    private sealed class OrgRolesChange
    {
        public List<string>? OrgRoles { get; set; }

        public List<SeedGroupRoleAssignment>? Assignments { get; set; }
    }
}
