using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SpecClient.Simulator.Auth;
using SpecClient.Simulator.Http;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator.Discovery;

/// <summary>
/// <c>GET {prefix}/orgs</c> and <c>GET {prefix}/groups</c> (Atlas v2 listOrganizations/listProjects,
/// Cloud Manager v1.0 the same paths): what the caller's roles reach, so a tool can find every
/// organization and project before it lists invitations. Added for the InviteJanitor sample.
/// Organizations: those where the caller holds any organization role. Projects: those of these
/// organizations, plus those where it holds a project role. One page with everything (no
/// <c>pageNum</c>/<c>itemsPerPage</c>); <c>totalCount</c> is the number of results.
/// </summary>
internal sealed class DiscoveryEndpoints
{
    internal const string OrgsPath = "/orgs";
    internal const string GroupsPath = "/groups";

    private readonly SimulatorState _state;

    internal DiscoveryEndpoints(SimulatorState state) => _state = state;

    /// <summary>Whether the path after the API prefix is one of the two discovery collections.</summary>
    internal static bool Matches(string rest) => rest is OrgsPath or GroupsPath;

    internal async Task HandleAsync(ApiCall call, string rest)
    {
        string method = call.Http.Request.Method;
        if (method != HttpMethods.Get)
        {
            call.Http.Response.Headers.Allow = "GET";
            await call.WriteErrorAsync(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"Method {method} is not allowed here; use GET.", [method]);
            return;
        }

        if (rest == OrgsPath)
        {
            var results = new List<OrganizationSummaryDto>();
            foreach (SeedOrganization org in _state.GetOrganizations())
            {
                if (HoldsOrgRole(call.Principal, org.OrgId))
                {
                    results.Add(new OrganizationSummaryDto { Id = org.OrgId, Name = org.Name });
                }
            }

            await call.WriteAsync(StatusCodes.Status200OK, new OrganizationPageDto { Results = results, TotalCount = results.Count }, SimulatorJsonContext.Default.OrganizationPageDto);
        }
        else
        {
            var results = new List<ProjectSummaryDto>();
            foreach (SeedProject project in _state.GetProjects())
            {
                if (HoldsOrgRole(call.Principal, project.OrgId) || HoldsGroupRole(call.Principal, project.GroupId))
                {
                    results.Add(new ProjectSummaryDto { Id = project.GroupId, Name = project.Name, OrgId = project.OrgId });
                }
            }

            await call.WriteAsync(StatusCodes.Status200OK, new ProjectPageDto { Results = results, TotalCount = results.Count }, SimulatorJsonContext.Default.ProjectPageDto);
        }
    }

    private static bool HoldsOrgRole(Principal principal, string orgId)
    {
        foreach (SeedRoleAssignment role in principal.Roles)
        {
            if (role.GroupId is null && string.Equals(role.OrgId, orgId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsGroupRole(Principal principal, string groupId)
    {
        foreach (SeedRoleAssignment role in principal.Roles)
        {
            if (string.Equals(role.GroupId, groupId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
