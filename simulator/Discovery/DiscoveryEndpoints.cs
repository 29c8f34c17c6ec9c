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
/// organizations, plus those where it holds a project role. Paginated as Atlas lists are:
/// <c>itemsPerPage</c> (1-500, default 100), <c>pageNum</c> (from 1, default 1), <c>includeCount</c>
/// (default true: <c>totalCount</c> is the number of results over all pages); a page after the
/// last is empty. Invalid values answer 400 <c>INVALID_QUERY_PARAMETER</c> (unsure: the real code
/// is not documented).
/// </summary>
internal sealed class DiscoveryEndpoints
{
    internal const string OrgsPath = "/orgs";
    internal const string GroupsPath = "/groups";
    internal const int DefaultItemsPerPage = 100;
    internal const int MaxItemsPerPage = 500;

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

        if (!TryReadPage(call, out int itemsPerPage, out int pageNum, out bool includeCount, out string? invalid))
        {
            await call.WriteErrorAsync(StatusCodes.Status400BadRequest, "INVALID_QUERY_PARAMETER", $"Invalid query parameter {invalid}.", [invalid!]);
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

            var page = new OrganizationPageDto { Results = Page(results, itemsPerPage, pageNum), TotalCount = includeCount ? results.Count : null };
            await call.WriteAsync(StatusCodes.Status200OK, page, SimulatorJsonContext.Default.OrganizationPageDto);
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

            var page = new ProjectPageDto { Results = Page(results, itemsPerPage, pageNum), TotalCount = includeCount ? results.Count : null };
            await call.WriteAsync(StatusCodes.Status200OK, page, SimulatorJsonContext.Default.ProjectPageDto);
        }
    }

    internal static List<T> Page<T>(List<T> all, int itemsPerPage, int pageNum)
    {
        long skip = (long)(pageNum - 1) * itemsPerPage;
        return skip >= all.Count ? new List<T>() : all.GetRange((int)skip, Math.Min(itemsPerPage, all.Count - (int)skip));
    }

    internal static bool TryReadPage(ApiCall call, out int itemsPerPage, out int pageNum, out bool includeCount, out string? invalid)
    {
        IQueryCollection query = call.Http.Request.Query;
        itemsPerPage = DefaultItemsPerPage;
        pageNum = 1;
        includeCount = true;
        invalid = null;
        if (query.TryGetValue("itemsPerPage", out var items) && !(int.TryParse(items.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out itemsPerPage) && itemsPerPage is >= 1 and <= MaxItemsPerPage))
        {
            invalid = "itemsPerPage";
        }
        else if (query.TryGetValue("pageNum", out var page) && !(int.TryParse(page.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageNum) && pageNum >= 1))
        {
            invalid = "pageNum";
        }
        else if (query.TryGetValue("includeCount", out var count) && !bool.TryParse(count.ToString(), out includeCount))
        {
            invalid = "includeCount";
        }

        return invalid is null;
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
