#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;
using CloudManagerV1 = SpecClient.CloudManager.V1;
using V20230201 = SpecClient.Atlas.V20230201;
using V20231115 = SpecClient.Atlas.V20231115;
using V20240530 = SpecClient.Atlas.V20240530;
using V20250312 = SpecClient.Atlas.V20250312;

namespace SpecClient.Runtime.Tests;

/// <summary>Error statuses and unreadable bodies become one <see cref="ApiException"/> carrying everything the server said.</summary>
public class ErrorTests
{
    private static readonly KeyValuePair<string, string>[] RequestIdHeader = { new("X-Request-Id", "req-7f3a") };

    [Fact]
    public async Task NotFoundBecomesApiExceptionWithTypedError()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, NotFoundJson, "application/json", RequestIdHeader);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("RESOURCE_NOT_FOUND", exception.ErrorCode);
        Assert.Equal("Cannot find resource invitation 65a1b2c3d4e5f60718293a4b.", exception.Detail);
        Assert.True(exception.IsErrorCode(V20250312.ApiErrorCodes.ResourceNotFound));
        Assert.False(exception.IsErrorCode(V20250312.ApiErrorCodes.ValidationError));
        Assert.False(exception.IsErrorCode("resource_not_found"));
        Assert.Equal(NotFoundJson, exception.RawBody);
        Assert.Equal(HttpMethod.Delete, exception.Method);
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", exception.RequestUri!.AbsoluteUri);

        Assert.True(exception.TryGetError(out V20250312.ApiError? error));
        Assert.Same(exception.Error, error);
        Assert.Equal(404, error.Error);
        Assert.Equal("RESOURCE_NOT_FOUND", error.ErrorCode);
        Assert.Equal("Not Found", error.Reason);
        Assert.Equal(exception.Detail, error.Detail);
        JsonElement parameter = Assert.Single(error.Parameters!);
        Assert.Equal(InvitationId, parameter.GetString());
        Assert.Null(error.BadRequestDetail);
    }

    [Fact]
    public async Task ResponseHeadersAreKeptCaseInsensitively()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, NotFoundJson, "application/json", RequestIdHeader);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20231115.AtlasClient(http).Projects.GetGroupInviteAsync(GroupId, InvitationId));

        Assert.Equal(new[] { "req-7f3a" }, exception.Headers["x-request-id"]);
        Assert.Equal(new[] { "req-7f3a" }, exception.Headers["X-Request-Id"]);
        Assert.Equal(new[] { "application/json" }, exception.Headers["Content-Type"]);
    }

    [Fact]
    public async Task RateLimitKeepsRetryAfterHeader()
    {
        const string body = """{"detail":"Too many requests. Please retry after 30 seconds.","error":429,"errorCode":"RATE_LIMITED_TOKEN_BUCKET","parameters":[],"reason":"Too Many Requests"}""";
        var stub = new StubHandler().RespondWith((HttpStatusCode)429, body, "application/json", new[] { new KeyValuePair<string, string>("Retry-After", "30") });
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.ListOrgInvitesAsync(OrgId));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.True(exception.IsErrorCode(V20250312.ApiErrorCodes.RateLimitedTokenBucket));
        Assert.Equal(new[] { "30" }, exception.Headers["retry-after"]);
    }

    [Fact]
    public async Task BadRequestDetailOf2025ErrorIsTyped()
    {
        const string body = """{"badRequestDetail":{"fields":[{"description":"must be a valid email address","field":"username"},{"description":"unknown role","field":"roles[0]"}]},"detail":"Invalid request.","error":400,"errorCode":"VALIDATION_ERROR","parameters":[],"reason":"Bad Request"}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.BadRequest, body, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.CreateOrgInviteAsync(OrgId, new V20250312.OrganizationInvitationRequest { Username = "nope" }));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.True(exception.IsErrorCode(V20250312.ApiErrorCodes.ValidationError));
        Assert.True(exception.TryGetError(out V20250312.ApiError? error));
        Assert.Equal(2, error.BadRequestDetail!.Fields!.Count);
        Assert.Equal("username", error.BadRequestDetail.Fields[0].Field);
        Assert.Equal("must be a valid email address", error.BadRequestDetail.Fields[0].Description);
        Assert.Equal("roles[0]", error.BadRequestDetail.Fields[1].Field);
        Assert.Empty(error.Parameters!);
    }

    [Fact]
    public async Task ErrorOfAnotherVersionIsNotReturnedByTryGetError()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, NotFoundJson, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20230201.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.True(exception.TryGetError(out V20230201.ApiError? _));
        Assert.False(exception.TryGetError(out V20250312.ApiError? other));
        Assert.Null(other);
    }

    [Fact]
    public async Task CloudManagerErrorIsTypedWithItsOwnModel()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, NotFoundJson, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new CloudManagerV1.CloudManagerClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId));

        Assert.True(exception.TryGetError(out CloudManagerV1.ApiError? error));
        Assert.Equal(404, error.Error);
        Assert.True(exception.IsErrorCode(CloudManagerV1.ApiErrorCodes.ResourceNotFound));
    }

    [Fact]
    public void ResourceNotFoundConstantMatchesTheWireValueInEveryClient()
    {
        Assert.Equal("RESOURCE_NOT_FOUND", V20230201.ApiErrorCodes.ResourceNotFound);
        Assert.Equal("RESOURCE_NOT_FOUND", V20231115.ApiErrorCodes.ResourceNotFound);
        Assert.Equal("RESOURCE_NOT_FOUND", V20240530.ApiErrorCodes.ResourceNotFound);
        Assert.Equal("RESOURCE_NOT_FOUND", V20250312.ApiErrorCodes.ResourceNotFound);
        Assert.Equal("RESOURCE_NOT_FOUND", CloudManagerV1.ApiErrorCodes.ResourceNotFound);
        Assert.Equal("CANNOT_DELETE_GROUP_INVITATION", V20250312.ApiErrorCodes.CannotDeleteGroupInvitation);
    }

    [Fact]
    public async Task NotAcceptableVersionErrorKeepsItsCode()
    {
        const string body = """{"detail":"Invalid accept header or version date.","error":406,"errorCode":"INVALID_VERSION_DATE","parameters":[],"reason":"Not Acceptable"}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotAcceptable, body, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20240530.AtlasClient(http).Projects.ListGroupInvitesAsync(GroupId));

        Assert.Equal(HttpStatusCode.NotAcceptable, exception.StatusCode);
        Assert.True(exception.IsErrorCode("INVALID_VERSION_DATE"));
        Assert.Equal("Invalid accept header or version date.", exception.Detail);
    }

    [Fact]
    public async Task HtmlErrorPageKeepsRawBodyWithoutTypedError()
    {
        const string html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
        var stub = new StubHandler().RespondWith(HttpStatusCode.BadGateway, html, "text/html; charset=utf-8");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal(html, exception.RawBody);
        Assert.Null(exception.Error);
        Assert.Null(exception.ErrorCode);
        Assert.Null(exception.Detail);
        Assert.False(exception.TryGetError(out V20250312.ApiError? _));
    }

    [Fact]
    public async Task ErrorWithoutBodyHasNullRawBody()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.ServiceUnavailable);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Null(exception.RawBody);
        Assert.Null(exception.Error);
    }

    [Fact]
    public async Task ErrorBodyMissingRequiredFieldsStillGivesDetail()
    {
        // 2025-03-12 marks error and errorCode required: read tolerantly, the typed error has them null.
        const string body = """{"detail":"Something broke.","reason":"Internal Server Error"}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.InternalServerError, body, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        V20250312.ApiError error = Assert.IsType<V20250312.ApiError>(exception.Error);
        Assert.Null(error.ErrorCode);
        Assert.Null(exception.ErrorCode);
        Assert.Equal("Something broke.", exception.Detail);
        Assert.Equal(exception.Detail, error.Detail);
        Assert.Equal(body, exception.RawBody);
    }

    [Fact]
    public async Task ErrorMessageIsOneLineNamingMethodPathStatusAndCode()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, NotFoundJson, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(
            $"DELETE /api/atlas/v2/orgs/{OrgId}/invites/{InvitationId} failed: 404 Not Found, RESOURCE_NOT_FOUND: Cannot find resource invitation 65a1b2c3d4e5f60718293a4b.",
            exception.Message);
    }

    [Fact]
    public async Task ErrorMessageWithoutJsonBodyStillNamesTheCall()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", "text/html");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new CloudManagerV1.CloudManagerClient(http).Projects.ListGroupInvitesAsync(GroupId));

        Assert.Equal($"GET /api/public/v1.0/groups/{GroupId}/invites failed: 502 Bad Gateway", exception.Message);
    }

    [Fact]
    public async Task ErrorCodeIsReadEvenWhenTheTypedErrorDoesNotDecode()
    {
        const string body = """{"error":"Conflict","errorCode":"CONFLICT","detail":"Already invited."}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.Conflict, body, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20230201.AtlasClient(http).Projects.CreateGroupInviteAsync(GroupId, new V20230201.GroupInvitationRequest { Username = "ops@example.com" }));

        Assert.Null(exception.Error);
        Assert.True(exception.IsErrorCode(V20230201.ApiErrorCodes.Conflict));
        Assert.Equal("Already invited.", exception.Detail);
    }

    [Fact]
    public async Task HugeErrorBodyIsCutAndMarked()
    {
        string body = "<html>" + new string('x', ResponseReader.MaxRawBodyChars * 2) + "</html>";
        var stub = new StubHandler().RespondWith(HttpStatusCode.InternalServerError, body, "text/html");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.ListOrgInvitesAsync(OrgId));

        Assert.Equal(body[..ResponseReader.MaxRawBodyChars] + "…(truncated)", exception.RawBody);
    }

    [Fact]
    public async Task ConnectionFailureIsNotDisguisedAsApiException()
    {
        var failure = new HttpRequestException("Connection refused (cloud.mongodb.com:443)");
        var stub = new StubHandler().EnqueueFailure(failure);
        using HttpClient http = Http(stub);

        HttpRequestException exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId));

        // Wrapped only to name the call; the cause is kept.
        Assert.Same(failure, exception.InnerException);
        Assert.StartsWith($"DELETE /api/atlas/v2/orgs/{OrgId}/invites/{InvitationId} failed without a response", exception.Message);
        Assert.Contains("Connection refused (cloud.mongodb.com:443)", exception.Message);
    }

    [Fact]
    public async Task MultiLineDetailStillGivesOneLineMessage()
    {
        const string body = """{"detail":"Invalid request.\nField username: not an email.\r\nField roles: empty.","error":400,"errorCode":"VALIDATION_ERROR","parameters":[],"reason":"Bad Request"}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.BadRequest, body, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.CreateOrgInviteAsync(OrgId, new V20250312.OrganizationInvitationRequest()));

        AssertOneLine(exception.Message);
        Assert.Contains("VALIDATION_ERROR", exception.Message, StringComparison.Ordinal);
        Assert.Equal("Invalid request.\nField username: not an email.\r\nField roles: empty.", exception.Detail);
    }

    public static TheoryData<string> UnreadableInvitationBodies => new()
    {
        """{"orgName": 5}""",
        """{"orgName":"Acme","createdAt":"yesterday"}""",
        """{"orgName":"Acme","roles":[7]}""",
        """{"orgName":"Acme",""",
        "[]",
        "<html>maintenance</html>",
    };

    [Theory]
    [MemberData(nameof(UnreadableInvitationBodies))]
    public async Task UnreadableSuccessBodyBecomesApiExceptionWithRawBody(string body)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(body, exception.RawBody);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Null(exception.Error);
        AssertOneLine(exception.Message);
        Assert.StartsWith($"GET /api/atlas/v2/orgs/{OrgId}/invites/{InvitationId} answered 200 OK, but the response body is not a valid OrganizationInvitation: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedListBodyBecomesApiException()
    {
        const string body = """[{"id":""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, "application/json");
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new CloudManagerV1.CloudManagerClient(http).Organizations.ListOrgInvitesAsync(OrgId));

        Assert.Equal(body, exception.RawBody);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Equal(HttpMethod.Get, exception.Method);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task MissingResultBecomesApiException(string body)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Projects.GetGroupInviteAsync(GroupId, InvitationId));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("GroupInvitation", exception.Message, StringComparison.Ordinal);
        AssertOneLine(exception.Message);
    }

    private static void AssertOneLine(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
    }
}
