using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>An <see cref="ApiOperation"/> chooses the request's method and travels with it to the handlers.</summary>
public class OperationDescriptorTests
{
    private static readonly Uri Base = new("https://cloud.mongodb.com/");

    [Fact]
    public void RequestForAnOperationUsesItsMethodAndCarriesIt()
    {
        var connection = new ApiConnection(new HttpClient(), Base);

        using HttpRequestMessage request = connection.CreateRequest(DescribedInvitesClient.DeleteOrgInviteOperation, "api/atlas/v2/orgs/x/invites/y", AtlasMediaType);

        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Same(DescribedInvitesClient.DeleteOrgInviteOperation, ApiOperation.FromRequest(request));
        // Carried by the request object itself: its Options dictionary is never allocated for it.
        Assert.Empty(request.Options);
        Assert.Equal(new Uri("https://cloud.mongodb.com/api/atlas/v2/orgs/x/invites/y"), request.RequestUri);
        Assert.Equal(AtlasMediaType, Assert.Single(request.Headers.Accept).MediaType);
    }

    [Fact]
    public void RequestWithoutAnOperationCarriesNone()
    {
        var connection = new ApiConnection(new HttpClient(), Base);

        using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, "api/atlas/v2/orgs", AtlasMediaType);

        Assert.Null(ApiOperation.FromRequest(request));
    }

    [Fact]
    public async Task HandlersSeeTheOperationOfEachCall()
    {
        var seen = new List<ApiOperation?>();
        var stub = new StubHandler().Enqueue(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType).Enqueue(HttpStatusCode.NoContent, null, null);
        using var http = new HttpClient(new ObservingHandler(seen) { InnerHandler = stub });
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        await client.GetOrgInviteAsync(OrgId, InvitationId);
        await client.DeleteOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal([DescribedInvitesClient.GetOrgInviteOperation, DescribedInvitesClient.DeleteOrgInviteOperation], seen);
        Assert.Equal([HttpMethod.Get, HttpMethod.Delete], [stub.Requests[0].Method, stub.Requests[1].Method]);
    }

    [Fact]
    public void DescriptorKeepsWhatTheSpecSays()
    {
        var operation = new ApiOperation("listOrgInvites", HttpMethod.Get, "/api/atlas/v2/orgs/{orgId}/invites", "2025-03-12");

        Assert.Equal("listOrgInvites", operation.OperationId);
        Assert.Equal(HttpMethod.Get, operation.Method);
        Assert.Equal("/api/atlas/v2/orgs/{orgId}/invites", operation.PathTemplate);
        Assert.Equal("2025-03-12", operation.ApiVersion);
        Assert.Equal("GET /api/atlas/v2/orgs/{orgId}/invites (listOrgInvites)", operation.ToString());
        Assert.Null(new ApiOperation("getThing", HttpMethod.Get, "/things/{id}", "").ApiVersion);
    }

    [Fact]
    public void DescriptorRefusesMissingParts()
    {
        Assert.Throws<ArgumentException>(() => new ApiOperation("", HttpMethod.Get, "/x"));
        Assert.Throws<ArgumentNullException>(() => new ApiOperation("x", (HttpMethod)null!, "/x"));
        Assert.Throws<ArgumentNullException>(() => new ApiOperation("x", (string)null!, "/x"));
        Assert.Throws<ArgumentException>(() => new ApiOperation("x", "", "/x"));
        Assert.Throws<ArgumentException>(() => new ApiOperation("x", HttpMethod.Get, ""));
        Assert.Throws<ArgumentNullException>(() => new ApiConnection(new HttpClient(), Base).CreateRequest((ApiOperation)null!, "x", AtlasMediaType));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public void MethodNamedAsGeneratedCodeNamesItIsTheSharedInstance(string method)
    {
        var operation = new ApiOperation("op", method, "/x");

        Assert.Same(HttpMethod.Parse(method), operation.Method);
    }

    private sealed class ObservingHandler(List<ApiOperation?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(ApiOperation.FromRequest(request));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
