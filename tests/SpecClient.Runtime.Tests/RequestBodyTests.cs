#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;
using CloudManagerV1 = SpecClient.CloudManager.V1;
using V20230201 = SpecClient.Atlas.V20230201;

namespace SpecClient.Runtime.Tests;

/// <summary>Request bodies: media type, property names, omitted nulls and open enums as strings.</summary>
public class RequestBodyTests
{
    [Fact]
    public async Task CreateOrgInvitePostsCamelCaseJsonWithVersionedContentType()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var body = new OrganizationInvitationRequest
        {
            Username = "jane@example.com",
            Roles = new List<OrgRole> { OrgRole.OrgMember, OrgRole.OrgBillingReadOnly },
            TeamIds = new List<string> { "65a1b2c3d4e5f60718293a4c" },
            GroupRoleAssignments = new List<GroupRoleAssignment> { new() { GroupId = GroupId, GroupRole = GroupRole.GroupReadOnly } },
        };

        await new AtlasClient(http).Organizations.CreateOrgInviteAsync(OrgId, body);

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/invites", request.Uri.AbsoluteUri);
        Assert.Equal("application/vnd.atlas.2023-01-01+json; charset=utf-8", request.ContentType);
        Assert.Equal(
            """{"username":"jane@example.com","roles":["ORG_MEMBER","ORG_BILLING_READ_ONLY"],"teamIds":["65a1b2c3d4e5f60718293a4c"],"groupRoleAssignments":[{"groupId":"6b7c8d9e0f1a2b3c4d5e6f70","groupRole":"GROUP_READ_ONLY"}]}""",
            request.Body);
    }

    [Fact]
    public async Task NullOptionalPropertiesAreLeftOutOfTheBody()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        await new AtlasClient(http).Organizations.CreateOrgInviteAsync(OrgId, new OrganizationInvitationRequest { Username = "jane@example.com" });

        Assert.Equal("""{"username":"jane@example.com"}""", stub.Single().Body);
    }

    [Fact]
    public async Task NullPropertyInsideNestedObjectIsLeftOut()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var body = new OrganizationInvitationUpdateRequest
        {
            GroupRoleAssignments = new List<GroupRoleAssignment> { new() { GroupId = GroupId } },
        };

        await new AtlasClient(http).Organizations.UpdateOrgInviteByIdAsync(OrgId, InvitationId, body);

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal($"/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", request.Uri.AbsolutePath);
        Assert.Equal("""{"groupRoleAssignments":[{"groupId":"6b7c8d9e0f1a2b3c4d5e6f70"}]}""", request.Body);
    }

    [Fact]
    public async Task UnknownRoleIsSentAsItsStringAndComesBackUnchanged()
    {
        const string futureRole = "ORG_FUTURE_AUDITOR";
        var stub = new StubHandler().RespondWith(
            HttpStatusCode.OK,
            $$"""{"orgName":"Acme","username":"jane@example.com","roles":["ORG_MEMBER","{{futureRole}}"]}""",
            AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var body = new OrganizationInvitationRequest { Username = "jane@example.com", Roles = new List<OrgRole> { OrgRole.OrgMember, new OrgRole(futureRole) } };

        OrganizationInvitation created = await new AtlasClient(http).Organizations.CreateOrgInviteAsync(OrgId, body);

        using JsonDocument sent = JsonDocument.Parse(stub.Single().Body!);
        Assert.Equal(futureRole, sent.RootElement.GetProperty("roles")[1].GetString());
        OrgRole echoed = Assert.Single(created.Roles!, role => !role.IsKnown);
        Assert.Equal(futureRole, echoed.Value);
        Assert.Equal(new OrgRole(futureRole), echoed);
        Assert.Equal($"\"{futureRole}\"", JsonSerializer.Serialize(echoed, AtlasClientJsonContext.Default.OrgRole));
    }

    [Fact]
    public async Task GroupInviteBodyUsesTheOlderVersionsModels()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"groupName":"Prod","roles":["GROUP_OWNER"]}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var body = new V20230201.GroupInvitationRequest
        {
            Username = "ops@example.com",
            Roles = new List<V20230201.GroupRole> { V20230201.GroupRole.GroupOwner, V20230201.GroupRole.GroupDataAccessReadOnly },
        };

        await new V20230201.AtlasClient(http).Projects.CreateGroupInviteAsync(GroupId, body);

        RecordedRequest request = stub.Single();
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/groups/{GroupId}/invites", request.Uri.AbsoluteUri);
        Assert.Equal("application/vnd.atlas.2023-01-01+json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"username":"ops@example.com","roles":["GROUP_OWNER","GROUP_DATA_ACCESS_READ_ONLY"]}""", request.Body);
    }

    [Fact]
    public async Task CloudManagerBodyIsSentAsPlainJson()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"orgName":"Acme"}""", "application/json");
        using HttpClient http = Http(stub);
        var body = new CloudManagerV1.OrganizationInvitationRequest { Username = "jane@example.com", Roles = new List<string> { "ORG_MEMBER" } };

        await new CloudManagerV1.CloudManagerClient(http).Organizations.UpdateOrgInvitesAsync(OrgId, body);

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal($"https://cloud.mongodb.com/api/public/v1.0/orgs/{OrgId}/invites", request.Uri.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(new[] { "application/json" }, request.Accept);
        Assert.Equal("""{"username":"jane@example.com","roles":["ORG_MEMBER"]}""", request.Body);
    }

    [Fact]
    public async Task BodyIsSerializedAgainWhenTheSameParametersAreSentTwice()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"groupName":"Prod"}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var client = new AtlasClient(http);
        var parameters = new UpdateInviteByIdParams
        {
            GroupId = GroupId,
            InvitationId = InvitationId,
            Body = new GroupInvitationUpdateRequest { Roles = new List<GroupRole> { GroupRole.GroupObservabilityViewer } },
        };

        await client.Projects.UpdateInviteByIdAsync(parameters);
        await client.Projects.UpdateInviteByIdAsync(parameters);

        Assert.Equal(2, stub.CallCount);
        Assert.All(stub.Requests, request => Assert.Equal("""{"roles":["GROUP_OBSERVABILITY_VIEWER"]}""", request.Body));
    }
}
