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

namespace SpecClient.Runtime.Tests;

/// <summary><c>envelope=true</c>: results are read from <c>content</c>; an error status inside still fails.</summary>
public class EnvelopeTests
{
    [Fact]
    public async Task EnvelopedGetUnwrapsToTheSameResultAsPlainGet()
    {
        var stub = new StubHandler()
            .Enqueue(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType)
            .Enqueue(HttpStatusCode.OK, $$"""{"status":200,"content":{{OrgInvitationJson}}}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var client = new AtlasClient(http);

        OrganizationInvitation plain = await client.Organizations.GetOrgInviteAsync(OrgId, InvitationId);
        OrganizationInvitation enveloped = await client.Organizations.GetOrgInviteAsync(new GetOrgInviteParams { OrgId = OrgId, InvitationId = InvitationId, Envelope = true });

        Assert.Equal(
            JsonSerializer.Serialize(plain, AtlasClientJsonContext.Default.OrganizationInvitation),
            JsonSerializer.Serialize(enveloped, AtlasClientJsonContext.Default.OrganizationInvitation));
        Assert.Equal("Acme", enveloped.OrgName);
        Assert.Equal("?envelope=true", stub.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task EnvelopeWithContentBeforeStatusUnwraps()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"content":{"orgName":"Acme"},"links":[],"status":200}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        OrganizationInvitation invitation = await new AtlasClient(http).Organizations.GetOrgInviteAsync(new GetOrgInviteParams { OrgId = OrgId, InvitationId = InvitationId, Envelope = true });

        Assert.Equal("Acme", invitation.OrgName);
    }

    [Fact]
    public async Task EnvelopedListUnwrapsTheArray()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"status":200,"content":[{"groupName":"Prod","roles":["GROUP_OWNER"]},{"groupName":"Dev"}]}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        List<GroupInvitation> invitations = await new AtlasClient(http).Projects.ListGroupInvitesAsync(new ListGroupInvitesParams { GroupId = GroupId, Envelope = true });

        Assert.Equal(new[] { "Prod", "Dev" }, invitations.ConvertAll(invitation => invitation.GroupName));
    }

    [Fact]
    public async Task ErrorStatusInsideEnvelopeThrowsWithThatStatus()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, $$"""{"status":404,"content":{{NotFoundJson}}}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new AtlasClient(http).Organizations.GetOrgInviteAsync(new GetOrgInviteParams { OrgId = OrgId, InvitationId = InvitationId, Envelope = true }));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal(ApiErrorCodes.ResourceNotFound, exception.ErrorCode);
        Assert.True(exception.TryGetError(out ApiError? error));
        Assert.Equal(404, error.Error);
    }

    [Fact]
    public async Task ErrorStatusInsideEnvelopeFailsADelete()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"status":400,"content":{"error":400,"errorCode":"CANNOT_DELETE_ORG_INVITATION","detail":"Not an org invitation."}}""", "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new AtlasClient(http).Organizations.DeleteOrgInviteAsync(new DeleteOrgInviteParams { OrgId = OrgId, InvitationId = InvitationId, Envelope = true }));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.True(exception.IsErrorCode(ApiErrorCodes.CannotDeleteOrgInvitation));
        Assert.Equal("Not an org invitation.", exception.Detail);
    }

    public static TheoryData<HttpStatusCode, string?> EnvelopedDeleteSuccesses => new()
    {
        { HttpStatusCode.NoContent, null },
        { HttpStatusCode.OK, """{"status":204}""" },
        { HttpStatusCode.OK, """{"status":200,"content":{}}""" },
        { HttpStatusCode.OK, "{}" },
    };

    [Theory]
    [MemberData(nameof(EnvelopedDeleteSuccesses))]
    public async Task EnvelopedDeleteSucceedsWithoutAnErrorStatus(HttpStatusCode status, string? body)
    {
        var stub = new StubHandler().RespondWith(status, body, "application/json");
        using HttpClient http = Http(stub);

        Task delete = new CloudManagerV1.CloudManagerClient(http).Projects.DeleteGroupInviteAsync(new CloudManagerV1.DeleteGroupInviteParams { GroupId = GroupId, InvitationId = InvitationId, Envelope = true });
        await delete;

        Assert.True(delete.IsCompletedSuccessfully);
        Assert.Equal("?envelope=true", stub.Single().Uri.Query);
    }

    [Fact]
    public async Task EnvelopeRequestedButBareBodyReturnedThrowsApiException()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new AtlasClient(http).Organizations.GetOrgInviteAsync(new GetOrgInviteParams { OrgId = OrgId, InvitationId = InvitationId, Envelope = true }));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(OrgInvitationJson, exception.RawBody);
        Assert.Contains("envelope", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvelopedErrorWithHttpErrorStatusReadsTheErrorFromContent()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, $$"""{"status":404,"content":{{NotFoundJson}}}""", "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new AtlasClient(http).Projects.GetGroupInviteAsync(new GetGroupInviteParams { GroupId = GroupId, InvitationId = InvitationId, Envelope = true }));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("RESOURCE_NOT_FOUND", exception.ErrorCode);
        Assert.IsType<ApiError>(exception.Error);
    }

    [Fact]
    public async Task AnErrorShapedLikeAnEnvelopeIsUnwrappedOnlyWhenTheEnvelopeWasAskedFor()
    {
        string body = $$"""{"status":404,"content":{{NotFoundJson}}}""";
        var stub = new StubHandler()
            .Enqueue(HttpStatusCode.NotFound, body, "application/json")
            .Enqueue(HttpStatusCode.NotFound, body, "application/json");
        using HttpClient http = Http(stub);
        var client = new AtlasClient(http);

        ApiException plain = await Assert.ThrowsAsync<ApiException>(() => client.Projects.GetGroupInviteAsync(GroupId, InvitationId));
        ApiException enveloped = await Assert.ThrowsAsync<ApiException>(
            () => client.Projects.GetGroupInviteAsync(new GetGroupInviteParams { GroupId = GroupId, InvitationId = InvitationId, Envelope = true }));

        // Without envelope=true the body is the error as it is: it has no errorCode of its own.
        Assert.Null(plain.ErrorCode);
        Assert.Equal(body, plain.RawBody);
        Assert.Equal("RESOURCE_NOT_FOUND", enveloped.ErrorCode);
        Assert.Equal(body, enveloped.RawBody);
    }
}
