using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>
/// Path parameter values that would form a dot segment (or no segment) are refused before anything is sent; every
/// other value reaches the server as exactly one segment. Built the way generated operations build their URIs
/// (CreateUriBuilder, Append…, CreateRequest, SendAsync), and checked on the request the handler receives.
/// </summary>
public class PathSegmentTests
{
    private const string GroupId = "5f4e3d2c1b0a998877665544";

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public async Task DotOrEmptyPathValueIsRejectedBeforeAnythingIsSent(string invitationId)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = TestData.Http(stub);
        var connection = new ApiConnection(http, new Uri("https://cloud.mongodb.com/"));

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => DeleteInviteAsync(connection, invitationId, urlSafe: false));

        Assert.Contains(invitationId.Length == 0 ? "empty" : "dot segment", error.Message);
        Assert.Equal(0, stub.CallCount);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public async Task DotOrEmptyValueIsRejectedEvenWhenItsPatternAllowsOnlyUnreservedCharacters(string invitationId)
    {
        // A pattern such as ^[a-z0-9.]+$ lets the generator skip escaping (AppendUrlSafeValue), and it allows "..".
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = TestData.Http(stub);
        var connection = new ApiConnection(http, new Uri("https://cloud.mongodb.com/"));

        await Assert.ThrowsAsync<ArgumentException>(() => DeleteInviteAsync(connection, invitationId, urlSafe: true));

        Assert.Equal(0, stub.CallCount);
    }

    [Theory]
    [InlineData("a/..", "a%2F..")]
    [InlineData("../a", "..%2Fa")]
    [InlineData("..\\", "..%5C")]
    [InlineData("...", "...")]
    [InlineData(".a", ".a")]
    [InlineData("a.", "a.")]
    [InlineData(". ", ".%20")]
    [InlineData("%2E%2E", "%252E%252E")]
    [InlineData(".%2E", ".%252E")]
    [InlineData("..?x=1", "..%3Fx%3D1")]
    [InlineData("..#x", "..%23x")]
    public async Task ValueWithDotsThatIsNotADotSegmentReachesTheServerAsOneSegment(string invitationId, string sent)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = TestData.Http(stub);
        var connection = new ApiConnection(http, new Uri("https://cloud.mongodb.com/"));

        await DeleteInviteAsync(connection, invitationId, urlSafe: false);

        Uri received = stub.Single().Uri;
        Assert.Equal($"/api/atlas/v2/groups/{GroupId}/invites/{sent}", received.AbsolutePath);
        Assert.Equal(8, received.Segments.Length); // "/", "api/", "atlas/", "v2/", "groups/", id, "invites/", the value
        Assert.Equal(string.Empty, received.Query);
        Assert.Equal(string.Empty, received.Fragment);
        Assert.Equal(invitationId, Uri.UnescapeDataString(received.Segments[^1]));
    }

    [Theory]
    [InlineData("...")]
    [InlineData("a.b")]
    [InlineData(".x")]
    public async Task UrlSafeValueWithDotsThatIsNotADotSegmentIsSentUnchanged(string invitationId)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = TestData.Http(stub);
        var connection = new ApiConnection(http, new Uri("https://cloud.mongodb.com/prefix/"));

        await DeleteInviteAsync(connection, invitationId, urlSafe: true);

        Assert.Equal($"/prefix/api/atlas/v2/groups/{GroupId}/invites/{invitationId}", stub.Single().Uri.AbsolutePath);
    }

    [Theory]
    [InlineData("invites/..", "/api/groups/")]
    [InlineData("invites/%2E%2E", "/api/groups/")]
    [InlineData("invites/.%2e", "/api/groups/")]
    [InlineData("invites/%2E", "/api/groups/invites/")]
    public void SystemUriRemovesDotSegmentsEvenWhenTheDotsAreEscaped(string tail, string path)
    {
        // Why dot segments are refused rather than escaped: %2E is decoded and the segment removed all the same.
        var uri = new Uri("https://cloud.mongodb.com/api/groups/" + tail, UriKind.Absolute);

        Assert.Equal(path, uri.AbsolutePath);
    }

    private static Task DeleteInviteAsync(ApiConnection connection, string invitationId, bool urlSafe)
    {
        HttpRequestMessage request = CreateDeleteInvite(connection, invitationId, urlSafe);
        return connection.SendAsync(request, errorType: null, CancellationToken.None);
    }

    // What a generated DeleteGroupInvite does for DELETE /api/atlas/v2/groups/{groupId}/invites/{invitationId}.
    private static HttpRequestMessage CreateDeleteInvite(ApiConnection connection, string invitationId, bool urlSafe)
    {
        var uri = connection.CreateUriBuilder();
        uri.AppendLiteral("api/atlas/v2/groups/");
        uri.AppendUrlSafeValue(GroupId);
        uri.AppendLiteral("/invites/");
        if (urlSafe)
        {
            uri.AppendUrlSafeValue(invitationId);
        }
        else
        {
            uri.AppendPathValue(invitationId);
        }

        return connection.CreateRequest(HttpMethod.Delete, uri.ToStringAndClear(), "application/json");
    }
}
