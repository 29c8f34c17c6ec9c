#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;
using CloudManagerV1 = SpecClient.CloudManager.V1;
using V20230201 = SpecClient.Atlas.V20230201;
using V20250312 = SpecClient.Atlas.V20250312;

namespace SpecClient.Runtime.Tests;

/// <summary>Parameters breaking the spec's constraints are refused before anything is sent.</summary>
public class ValidationTests
{
    public static TheoryData<string> MalformedIds => new()
    {
        "5F1A2B3C4D5E6F7A8B9C0D1E", // uppercase hex
        "5f1a2b3c4d5e6f7a8b9c0d1", // 23 digits
        "5f1a2b3c4d5e6f7a8b9c0d1e0", // 25 digits
        "5f1a2b3c4d5e6f7a8b9c0d1g", // not hex
        "5f1a2b3c4d5e6f7a8b9c0d1e\n", // '$' alone would accept a trailing newline
        "../../5f1a2b3c4d5e6f7a8b", // path traversal, 24 characters
        "",
    };

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task MalformedOrgIdIsRejectedWithSpecNameAndNothingIsSent(string orgId)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        ArgumentException exception = await Assert.ThrowsAsync<ArgumentException>(
            () => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(orgId, InvitationId));

        Assert.Equal("orgId", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task MalformedInvitationIdIsRejectedWithSpecNameAndNothingIsSent(string invitationId)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        ArgumentException exception = await Assert.ThrowsAsync<ArgumentException>(
            () => new V20230201.AtlasClient(http).Projects.DeleteGroupInviteAsync(GroupId, invitationId));

        Assert.Equal("invitationId", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task MalformedGroupIdIsRejectedByCloudManagerClientToo(string groupId)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "[]");
        using HttpClient http = Http(stub);

        ArgumentException exception = await Assert.ThrowsAsync<ArgumentException>(
            () => new CloudManagerV1.CloudManagerClient(http).Projects.ListGroupInvitesAsync(groupId));

        Assert.Equal("groupId", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }

    [Fact]
    public async Task RejectionMessageNamesParameterAndOffendingValue()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        ArgumentException exception = await Assert.ThrowsAsync<ArgumentException>(
            () => new V20250312.AtlasClient(http).Projects.GetGroupInviteAsync("not-an-id", InvitationId));

        Assert.Contains("'groupId'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not-an-id", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullRequiredIdThrowsArgumentNullWithSpecName()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        ArgumentNullException exception = await Assert.ThrowsAsync<ArgumentNullException>(
            () => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, null!));

        Assert.Equal("invitationId", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }

    [Fact]
    public async Task NullRequiredIdInParametersObjectThrowsArgumentNull()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        ArgumentNullException exception = await Assert.ThrowsAsync<ArgumentNullException>(
            () => new CloudManagerV1.CloudManagerClient(http).Projects.DeleteGroupInviteAsync(new CloudManagerV1.DeleteGroupInviteParams { GroupId = null!, InvitationId = InvitationId }));

        Assert.Equal("groupId", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }

    [Fact]
    public async Task NullBodyThrowsArgumentNullAndNothingIsSent()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"orgName":"Acme"}""");
        using HttpClient http = Http(stub);

        ArgumentNullException exception = await Assert.ThrowsAsync<ArgumentNullException>(
            () => new V20250312.AtlasClient(http).Organizations.CreateOrgInviteAsync(OrgId, null!));

        Assert.Equal("body", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }

    [Fact]
    public async Task NullParametersObjectThrowsArgumentNull()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        ArgumentNullException exception = await Assert.ThrowsAsync<ArgumentNullException>(
            () => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync((V20250312.DeleteOrgInviteParams)null!));

        Assert.Equal("parameters", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }

    [Fact]
    public void ValidateCanBeCalledDirectlyAndNamesTheSpecParameter()
    {
        var parameters = new V20250312.UpdateOrgInviteByIdParams { OrgId = OrgId, InvitationId = "65A1B2C3D4E5F60718293A4B", Body = new V20250312.OrganizationInvitationUpdateRequest() };

        ArgumentException exception = Assert.Throws<ArgumentException>(parameters.Validate);

        Assert.Equal("invitationId", exception.ParamName);
    }

    [Fact]
    public void NullHttpClientIsRejectedByTheRootClient()
    {
        ArgumentNullException exception = Assert.Throws<ArgumentNullException>(() => new V20250312.AtlasClient((HttpClient)null!));

        Assert.Equal("httpClient", exception.ParamName);
    }
}
