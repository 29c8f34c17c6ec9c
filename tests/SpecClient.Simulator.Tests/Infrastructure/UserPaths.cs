namespace SpecClient.Simulator.Tests.Infrastructure;

/// <summary>Paths and Accept headers of the users API.</summary>
internal static class UserPaths
{
    /// <summary>An Accept date before 2025-02-19: the deprecated resource version 2023-01-01.</summary>
    public const string LegacyAccept = "application/vnd.atlas.2024-05-30+json";

    public const string CurrentContentType = "application/vnd.atlas.2025-02-19+json;charset=utf-8";

    public static string OrgUsers(string orgId = SimulatorDemo.OrgId) => $"api/atlas/v2/orgs/{orgId}/users";

    public static string OrgUser(string userId, string orgId = SimulatorDemo.OrgId) => $"api/atlas/v2/orgs/{orgId}/users/{userId}";

    public static string GroupUsers(string groupId = SimulatorDemo.ProductionProjectId) => $"api/atlas/v2/groups/{groupId}/users";

    public static string GroupUser(string userId, string groupId = SimulatorDemo.ProductionProjectId) => $"api/atlas/v2/groups/{groupId}/users/{userId}";
}
