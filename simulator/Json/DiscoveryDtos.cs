using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SpecClient.Simulator.Json;

/// <summary>One organization in <c>GET /orgs</c>.</summary>
internal sealed class OrganizationSummaryDto
{
    [JsonPropertyOrder(0)]
    public string Id { get; set; } = "";

    [JsonPropertyOrder(1)]
    public string Name { get; set; } = "";
}

/// <summary>One project in <c>GET /groups</c>.</summary>
internal sealed class ProjectSummaryDto
{
    [JsonPropertyOrder(0)]
    public string Id { get; set; } = "";

    [JsonPropertyOrder(1)]
    public string Name { get; set; } = "";

    [JsonPropertyOrder(2)]
    public string OrgId { get; set; } = "";
}

/// <summary>The page of <c>GET /orgs</c>.</summary>
internal sealed class OrganizationPageDto
{
    [JsonPropertyOrder(0)]
    public List<OrganizationSummaryDto> Results { get; set; } = new();

    /// <summary>All results over all pages; left out with <c>includeCount=false</c>.</summary>
    [JsonPropertyOrder(1)]
    public int? TotalCount { get; set; }
}

/// <summary>The page of <c>GET /groups</c>.</summary>
internal sealed class ProjectPageDto
{
    [JsonPropertyOrder(0)]
    public List<ProjectSummaryDto> Results { get; set; } = new();

    /// <summary>All results over all pages; left out with <c>includeCount=false</c>.</summary>
    [JsonPropertyOrder(1)]
    public int? TotalCount { get; set; }
}
