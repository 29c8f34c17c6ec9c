#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;
using CloudManagerV1 = SpecClient.CloudManager.V1;
using V20230201 = SpecClient.Atlas.V20230201;
using V20231115 = SpecClient.Atlas.V20231115;
using V20250312 = SpecClient.Atlas.V20250312;

namespace SpecClient.Runtime.Tests;

/// <summary>Success responses become typed results.</summary>
public class ResponseTests
{
    [Fact]
    public async Task ListReadsBareArrayIntoTypedInvitations()
    {
        string body = $$"""[{{OrgInvitationJson}},{"id":"65a1b2c3d4e5f60718293a4d","orgName":"Acme","username":"joe@example.com","roles":["ORG_OWNER","ORG_READ_ONLY"]}]""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        List<V20250312.OrganizationInvitation> invitations = await new V20250312.AtlasClient(http).Organizations.ListOrgInvitesAsync(OrgId);

        Assert.Equal(2, invitations.Count);
        Assert.Equal("jane@example.com", invitations[0].Username);
        Assert.Equal("joe@example.com", invitations[1].Username);
        Assert.Equal(new[] { V20250312.OrgRole.OrgOwner, V20250312.OrgRole.OrgReadOnly }, invitations[1].Roles);
        Assert.Null(invitations[1].CreatedAt);
    }

    [Fact]
    public void KnownValuesAreTheSpecsValuesInItsOrder()
    {
        // The values and the list are set by one static constructor: the list must see the values, not their defaults.
        string[] spelled = V20250312.OrgRole.KnownValues.Select(role => role.Value).ToArray();

        Assert.Equal(new[] { "ORG_BILLING_ADMIN", "ORG_BILLING_READ_ONLY", "ORG_GROUP_CREATOR", "ORG_MEMBER", "ORG_OWNER", "ORG_READ_ONLY" }, spelled);
        Assert.Equal(V20250312.OrgRole.OrgOwner, V20250312.OrgRole.KnownValues[4]);
        Assert.True(V20250312.OrgRole.OrgReadOnly.IsKnown);
        Assert.False(new V20250312.OrgRole("ORG_SOMETHING_NEW").IsKnown);
    }

    [Fact]
    public async Task EmptyListReadsAsEmpty()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "[]", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        List<V20230201.GroupInvitation> invitations = await new V20230201.AtlasClient(http).Projects.ListGroupInvitesAsync(GroupId);

        Assert.Empty(invitations);
    }

    [Fact]
    public async Task GetReadsEveryFieldOfTheInvitation()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        V20250312.OrganizationInvitation invitation = await new V20250312.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(InvitationId, invitation.Id);
        Assert.Equal(OrgId, invitation.OrgId);
        Assert.Equal("Acme", invitation.OrgName);
        Assert.Equal("owner@example.com", invitation.InviterUsername);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero), invitation.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 12, 30, 0, TimeSpan.Zero), invitation.ExpiresAt);
        V20250312.OrgRole role = Assert.Single(invitation.Roles!);
        Assert.Equal(V20250312.OrgRole.OrgMember, role);
        Assert.True(role.IsKnown);
        Assert.Equal(new[] { "65a1b2c3d4e5f60718293a4c" }, invitation.TeamIds);
        V20250312.Link link = Assert.Single(invitation.Links!);
        Assert.Equal("self", link.Rel);
    }

    [Fact]
    public async Task CreatedAtKeepsItsOffset()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"orgName":"Acme","createdAt":"2024-05-01T14:30:00.123+02:00"}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        V20230201.OrganizationInvitation invitation = await new V20230201.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(TimeSpan.FromHours(2), invitation.CreatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 123, TimeSpan.Zero), invitation.CreatedAt.Value.ToUniversalTime());
    }

    [Fact]
    public async Task CloudManagerTimestampsParse()
    {
        var stub = new StubHandler().RespondWith(
            HttpStatusCode.OK,
            """{"id":"65a1b2c3d4e5f60718293a4b","groupId":"6b7c8d9e0f1a2b3c4d5e6f70","groupName":"Prod","username":"ops@example.com","roles":["GROUP_OWNER"],"createdAt":"2021-02-18T18:51:46Z","expiresAt":"2021-03-20T18:51:46Z"}""");
        using HttpClient http = Http(stub);

        CloudManagerV1.GroupInvitation invitation = await new CloudManagerV1.CloudManagerClient(http).Projects.GetGroupInviteAsync(GroupId, InvitationId);

        Assert.Equal(new DateTimeOffset(2021, 2, 18, 18, 51, 46, TimeSpan.Zero), invitation.CreatedAt);
        Assert.Equal(new[] { "GROUP_OWNER" }, invitation.Roles);
    }

    [Fact]
    public async Task UnknownRoleIsKeptAsAnUnknownValue()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"orgName":"Acme","roles":["ORG_MEMBER","ORG_QUANTUM_ADMIN"]}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        V20250312.OrganizationInvitation invitation = await new V20250312.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(2, invitation.Roles!.Count);
        Assert.True(invitation.Roles[0].IsKnown);
        Assert.False(invitation.Roles[1].IsKnown);
        Assert.Equal("ORG_QUANTUM_ADMIN", invitation.Roles[1].Value);
        Assert.Equal("ORG_QUANTUM_ADMIN", invitation.Roles[1].ToString());
    }

    [Fact]
    public async Task RoleAddedInALaterVersionIsUnknownToAnOlderClientButReadable()
    {
        const string body = """{"groupName":"Prod","roles":["GROUP_BACKUP_MANAGER"]}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        V20230201.GroupInvitation old = await new V20230201.AtlasClient(http).Projects.GetGroupInviteAsync(GroupId, InvitationId);
        V20250312.GroupInvitation current = await new V20250312.AtlasClient(http).Projects.GetGroupInviteAsync(GroupId, InvitationId);

        V20230201.GroupRole oldRole = Assert.Single(old.Roles!);
        Assert.False(oldRole.IsKnown);
        Assert.Equal("GROUP_BACKUP_MANAGER", oldRole.Value);
        Assert.Equal(V20250312.GroupRole.GroupBackupManager, Assert.Single(current.Roles!));
        Assert.True(current.Roles![0].IsKnown);
    }

    [Fact]
    public async Task GroupRoleAssignmentsKeepUnknownAndMissingRoles()
    {
        const string body = """{"orgName":"Acme","groupRoleAssignments":[{"groupId":"6b7c8d9e0f1a2b3c4d5e6f70","groupRole":"GROUP_FUTURE_ROLE"},{"groupId":"6b7c8d9e0f1a2b3c4d5e6f71","groupRole":null},{"groupId":"6b7c8d9e0f1a2b3c4d5e6f72","groupRole":"GROUP_OWNER"}]}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        V20231115.OrganizationInvitation invitation = await new V20231115.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        List<V20231115.GroupRoleAssignment> assignments = invitation.GroupRoleAssignments!;
        Assert.Equal(3, assignments.Count);
        Assert.Equal("GROUP_FUTURE_ROLE", assignments[0].GroupRole!.Value.Value);
        Assert.False(assignments[0].GroupRole!.Value.IsKnown);
        Assert.Null(assignments[1].GroupRole);
        Assert.Equal(V20231115.GroupRole.GroupOwner, assignments[2].GroupRole);
    }

    [Fact]
    public async Task UnknownPropertiesInTheResponseAreIgnored()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"orgName":"Acme","futureField":{"nested":[1,2,3]},"id":"65a1b2c3d4e5f60718293a4b"}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        V20250312.OrganizationInvitation invitation = await new V20250312.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(InvitationId, invitation.Id);
        Assert.Equal("Acme", invitation.OrgName);
    }

    public static TheoryData<HttpStatusCode, string?, string?> DeleteSuccessAnswers => new()
    {
        { HttpStatusCode.NoContent, null, null },
        { HttpStatusCode.OK, "", "application/json" },
        { HttpStatusCode.OK, "{}", "application/json" },
        { HttpStatusCode.Accepted, "{}", AtlasSuccessContentType },
    };

    [Theory]
    [MemberData(nameof(DeleteSuccessAnswers))]
    public async Task AtlasDeleteCompletesOnEverySuccessShape(HttpStatusCode status, string? body, string? contentType)
    {
        var stub = new StubHandler().RespondWith(status, body, contentType);
        using HttpClient http = Http(stub);

        Task delete = new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);
        await delete;

        Assert.True(delete.IsCompletedSuccessfully);
        Assert.Equal(1, stub.CallCount);
    }

    [Theory]
    [MemberData(nameof(DeleteSuccessAnswers))]
    public async Task CloudManagerDeleteCompletesOnEverySuccessShape(HttpStatusCode status, string? body, string? contentType)
    {
        var stub = new StubHandler().RespondWith(status, body, contentType);
        using HttpClient http = Http(stub);

        Task delete = new CloudManagerV1.CloudManagerClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);
        await delete;

        Assert.True(delete.IsCompletedSuccessfully);
        Assert.Equal(HttpMethod.Delete, stub.Single().Method);
    }
}
