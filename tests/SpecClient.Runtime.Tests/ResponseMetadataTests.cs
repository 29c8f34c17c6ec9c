using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary><see cref="ApiResponse.CaptureAsync{T}"/> returns a call's result with the response's status and headers.</summary>
public class ResponseMetadataTests
{
    private static readonly Uri Base = new("https://cloud.mongodb.com/");

    private static readonly KeyValuePair<string, string>[] AtlasHeaders =
    [
        new("RateLimit-Limit", "100"),
        new("RateLimit-Remaining", "42"),
        new("Deprecation", "Wed, 12 Mar 2025 00:00:00 GMT"),
        new("Sunset", "Thu, 01 Jul 2027 00:00:00 GMT"),
        new("X-Request-Id", "req-1"),
        new("X-Request-Id", "req-2"),
    ];

    [Fact]
    public async Task WithResponseReturnsTheResultStatusHeadersAndInfo()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType, AtlasHeaders);
        using HttpClient http = Http(stub);
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        ApiResponse<OrganizationInvitation> response = await client.GetOrgInviteWithResponseAsync(OrgId, InvitationId);

        Assert.Equal("jane@example.com", response.Value.Username);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["req-1", "req-2"], response.Headers["x-request-id"]);
        Assert.Equal("req-1", response.GetHeaderValue("X-REQUEST-ID"));
        Assert.StartsWith(AtlasMediaType, response.GetHeaderValue("Content-Type"), StringComparison.Ordinal);
        Assert.Null(response.GetHeaderValue("Retry-After"));
        Assert.Equal(100, response.Info.RateLimitLimit);
        Assert.Equal(42, response.Info.RateLimitRemaining);
        Assert.True(response.Info.IsDeprecated);
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero), response.Info.Sunset);
        Assert.Equal(HttpMethod.Get, response.Info.Method);
        Assert.Equal($"/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", response.Info.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.Info.StatusCode);
    }

    [Fact]
    public async Task WithResponseReadsTheResultFromAnEnvelope()
    {
        string body = $$"""{"status":200,"content":{{OrgInvitationJson}}}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        ApiResponse<OrganizationInvitation> response = await client.GetOrgInviteWithResponseAsync(OrgId, InvitationId, envelope: true);

        Assert.Equal(InvitationId, response.Value.Id);
        Assert.Contains("envelope=true", stub.Single().Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithResponseOfABodilessOperationReturnsItsStatusAndHeaders()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent, null, null, [new("RateLimit-Remaining", "7")]);
        using HttpClient http = Http(stub);
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        ApiResponse response = await client.DeleteOrgInviteWithResponseAsync(OrgId, InvitationId);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(7, response.Info.RateLimitRemaining);
        Assert.Equal("7", response.GetHeaderValue("ratelimit-remaining"));
        Assert.Equal(HttpMethod.Delete, stub.Single().Method);
    }

    [Fact]
    public async Task WithResponseStillFailsOnAnErrorStatus()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, NotFoundJson, "application/json");
        using HttpClient http = Http(stub);
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.GetOrgInviteWithResponseAsync(OrgId, InvitationId));
        ApiException bodiless = await Assert.ThrowsAsync<ApiException>(() => client.DeleteOrgInviteWithResponseAsync(OrgId, InvitationId));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("RESOURCE_NOT_FOUND", error.ErrorCode);
        Assert.IsType<ApiError>(error.Error);
        Assert.Equal(HttpStatusCode.NotFound, bodiless.StatusCode);
    }

    [Fact]
    public async Task BodilessWithResponseFailsOnAnErrorInsideAnEnvelope()
    {
        string body = """{"status":404,"content":{"error":404,"errorCode":"RESOURCE_NOT_FOUND","detail":"gone"}}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, "application/json");
        using HttpClient http = Http(stub);
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.DeleteOrgInviteWithResponseAsync(OrgId, InvitationId, envelope: true));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("RESOURCE_NOT_FOUND", error.ErrorCode);
    }

    [Fact]
    public async Task SimpleAndWithResponseCallsSendTheSameRequest()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        OrganizationInvitation simple = await client.GetOrgInviteAsync(OrgId, InvitationId);
        ApiResponse<OrganizationInvitation> withResponse = await client.GetOrgInviteWithResponseAsync(OrgId, InvitationId);

        Assert.Equal(simple.Id, withResponse.Value.Id);
        Assert.Equal(stub.Requests[0].Uri, stub.Requests[1].Uri);
        Assert.Equal(stub.Requests[0].Accept, stub.Requests[1].Accept);
    }

    [Fact]
    public void ResponsesCanBeBuiltForMocks()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["X-Request-Id"] = ["abc"] };
        var info = new ApiResponseInfo { Method = HttpMethod.Get, StatusCode = HttpStatusCode.OK };

        var response = new ApiResponse<string>("value", HttpStatusCode.OK, headers, info);
        ApiResponse metadata = response;

        Assert.Equal("value", response.Value);
        Assert.Equal("abc", metadata.GetHeaderValue("x-request-id"));
        Assert.Same(info, metadata.Info);
        Assert.Throws<ArgumentNullException>(() => new ApiResponse(HttpStatusCode.OK, null!, info));
        Assert.Throws<ArgumentNullException>(() => new ApiResponse(HttpStatusCode.OK, headers, null!));
    }
}
