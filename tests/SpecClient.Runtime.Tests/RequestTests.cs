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
using V20231115 = SpecClient.Atlas.V20231115;
using V20240530 = SpecClient.Atlas.V20240530;
using V20250312 = SpecClient.Atlas.V20250312;

namespace SpecClient.Runtime.Tests;

/// <summary>What goes on the wire: method, URL, Accept and query, for every bundled client.</summary>
public class RequestTests
{
    public static TheoryData<string> AtlasVersions => new() { "2023-02-01", "2023-11-15", "2024-05-30", "2025-03-12" };

    [Theory]
    [MemberData(nameof(AtlasVersions))]
    public async Task DeleteOrgInviteSendsDeleteToInvitePathWithTheInviteResourceVersion(string version)
    {
        // Every bundled Atlas fragment offers one resource version (2023-01-01), so all four clients send it.
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        await DeleteOrgInviteAsync(version, http);

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", request.Uri.AbsoluteUri);
        Assert.Equal(new[] { AtlasMediaType }, request.Accept);
        Assert.Null(request.Body);
    }

    [Theory]
    [MemberData(nameof(AtlasVersions))]
    public async Task DeleteGroupInviteSendsDeleteToGroupsPathWithTheInviteResourceVersion(string version)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        await DeleteGroupInviteAsync(version, http);

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/groups/{GroupId}/invites/{InvitationId}", request.Uri.AbsoluteUri);
        Assert.Equal(new[] { AtlasMediaType }, request.Accept);
    }

    /// <summary>API version of the client → the newest of the spec's 2023-01-01, 2023-11-15, 2025-03-12 not later than it.</summary>
    public static TheoryData<string, string> VersionedAccepts => new()
    {
        { "2023-02-01", "application/vnd.atlas.2023-01-01+json" },
        { "2024-05-30", "application/vnd.atlas.2023-11-15+json" },
        { "2025-03-12", "application/vnd.atlas.2025-03-12+json" },
    };

    [Theory]
    [MemberData(nameof(VersionedAccepts))]
    public async Task DeleteOrgInviteSendsDeleteToInvitePathWithVersionedAccept(string version, string accept)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        await (version switch
        {
            "2023-02-01" => new Versioned.V20230201.VersionedClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId),
            "2024-05-30" => new Versioned.V20240530.VersionedClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId),
            _ => new Versioned.V20250312.VersionedClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId),
        });

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", request.Uri.AbsoluteUri);
        Assert.Equal(new[] { accept }, request.Accept);
    }

    [Theory]
    [MemberData(nameof(VersionedAccepts))]
    public async Task DeleteGroupInviteSendsDeleteToGroupsPathWithVersionedAccept(string version, string accept)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        await (version switch
        {
            "2023-02-01" => new Versioned.V20230201.VersionedClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId),
            "2024-05-30" => new Versioned.V20240530.VersionedClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId),
            _ => new Versioned.V20250312.VersionedClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId),
        });

        RecordedRequest request = stub.Single();
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/groups/{GroupId}/invites/{InvitationId}", request.Uri.AbsoluteUri);
        Assert.Equal(new[] { accept }, request.Accept);
    }

    [Fact]
    public void EachAtlasClientNamesTheApiVersionItWasGeneratedFor()
    {
        Assert.Equal("2023-02-01", V20230201.AtlasClient.ApiVersion);
        Assert.Equal("2023-11-15", V20231115.AtlasClient.ApiVersion);
        Assert.Equal("2024-05-30", V20240530.AtlasClient.ApiVersion);
        Assert.Equal("2025-03-12", V20250312.AtlasClient.ApiVersion);
    }

    [Fact]
    public async Task CloudManagerDeleteGroupInviteUsesPublicApiPathAndPlainJsonAccept()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        await new CloudManagerV1.CloudManagerClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId);

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"https://cloud.mongodb.com/api/public/v1.0/groups/{GroupId}/invites/{InvitationId}", request.Uri.AbsoluteUri);
        Assert.Equal(new[] { "application/json" }, request.Accept);
    }

    [Theory]
    [InlineData("https://cloud.mongodb.com/api/public/v1.0", "https://cloud.mongodb.com/api/public/v1.0/")]
    [InlineData("https://cloud.mongodb.com/api/public/v1.0/", "https://cloud.mongodb.com/api/public/v1.0/")]
    [InlineData("https://cloud.mongodb.com/", "https://cloud.mongodb.com/api/public/v1.0/")]
    [InlineData("https://proxy.example/mongodb/api/public/v1.0", "https://proxy.example/mongodb/api/public/v1.0/")]
    [InlineData("https://proxy.example/mongodb/", "https://proxy.example/mongodb/api/public/v1.0/")]
    [InlineData("https://proxy.example/api/public/v1.01", "https://proxy.example/api/public/v1.01/api/public/v1.0/")]
    public async Task CloudManagerDocumentedBaseUrlDoesNotDoubleThePathPrefix(string baseAddress, string expectedStart)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);
        using HttpClient withBase = new(stub, disposeHandler: false) { BaseAddress = new Uri(baseAddress) };

        await new CloudManagerV1.CloudManagerClient(http, new Uri(baseAddress)).Projects.DeleteGroupInviteAsync(GroupId, InvitationId);
        await new CloudManagerV1.CloudManagerClient(withBase).Projects.DeleteGroupInviteAsync(GroupId, InvitationId);

        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, request => Assert.Equal($"{expectedStart}groups/{GroupId}/invites/{InvitationId}", request.Uri.AbsoluteUri));
        Assert.Equal("api/public/v1.0/", CloudManagerV1.CloudManagerClient.OperationsPathPrefix);
        Assert.Equal("api/atlas/v2/", V20250312.AtlasClient.OperationsPathPrefix);
    }

    [Fact]
    public async Task AtlasBaseUrlWithTheApiPathDoesNotDoubleIt()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        await new V20250312.AtlasClient(http, new Uri("https://cloud.mongodb.com/api/atlas/v2")).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", stub.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task CloudManagerDeleteOrgInviteUsesPublicApiPathAndPlainJsonAccept()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);

        await new CloudManagerV1.CloudManagerClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);

        RecordedRequest request = stub.Single();
        Assert.Equal($"https://cloud.mongodb.com/api/public/v1.0/orgs/{OrgId}/invites/{InvitationId}", request.Uri.AbsoluteUri);
        Assert.Equal(new[] { "application/json" }, request.Accept);
    }

    [Fact]
    public async Task ExplicitBaseAddressReplacesTheDefaultServer()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);
        var client = new V20250312.AtlasClient(http, new Uri("http://127.0.0.1:5000/"));

        await client.Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal($"http://127.0.0.1:5000/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", stub.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task HttpClientBaseAddressIsUsedWhenNoneIsGiven()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);
        http.BaseAddress = new Uri("http://localhost:8080/");
        var client = new CloudManagerV1.CloudManagerClient(http);

        await client.Projects.DeleteGroupInviteAsync(GroupId, InvitationId);

        Assert.Equal($"http://localhost:8080/api/public/v1.0/groups/{GroupId}/invites/{InvitationId}", stub.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task ExplicitBaseAddressWinsOverHttpClientBaseAddress()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);
        http.BaseAddress = new Uri("http://localhost:8080/");
        var client = new V20230201.AtlasClient(http, new Uri("http://127.0.0.1:5000/"));

        await client.Projects.DeleteGroupInviteAsync(GroupId, InvitationId);

        Assert.Equal("127.0.0.1:5000", stub.Single().Uri.Authority);
    }

    [Fact]
    public async Task BaseAddressPathPrefixIsKeptEvenWithoutTrailingSlash()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);
        var client = new V20240530.AtlasClient(http, new Uri("http://gateway.local/mongodb"));

        await client.Organizations.DeleteOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal($"http://gateway.local/mongodb/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", stub.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task DefaultBaseAddressIsTheSpecServer()
    {
        Assert.Equal(new Uri("https://cloud.mongodb.com/"), V20250312.AtlasClient.DefaultBaseAddress);
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "[]", AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var client = new V20250312.AtlasClient(http);

        await client.Organizations.ListOrgInvitesAsync(OrgId);

        Assert.Equal(new Uri("https://cloud.mongodb.com/"), client.Connection.BaseAddress);
        Assert.Equal("https", stub.Single().Uri.Scheme);
        Assert.Equal("cloud.mongodb.com", stub.Single().Uri.Host);
    }

    [Fact]
    public async Task QueryIsAbsentWhenNoOptionalParameterIsSet()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "[]", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        await new V20250312.AtlasClient(http).Organizations.ListOrgInvitesAsync(new V20250312.ListOrgInvitesParams { OrgId = OrgId });

        RecordedRequest request = stub.Single();
        Assert.Equal(string.Empty, request.Uri.Query);
        Assert.Equal($"https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/invites", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task EnvelopePrettyAndEscapedUsernameAreSentInTheQuery()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"status":200,"content":[]}""", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        await new V20250312.AtlasClient(http).Organizations.ListOrgInvitesAsync(new V20250312.ListOrgInvitesParams
        {
            OrgId = OrgId,
            Envelope = true,
            Pretty = true,
            Username = "jane.doe+atlas@example.com",
        });

        Assert.Equal("?envelope=true&pretty=true&username=jane.doe%2Batlas%40example.com", stub.Single().Uri.Query);
    }

    [Fact]
    public async Task OnlyTheOptionalParametersThatAreSetAppear()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "[]", "application/json");
        using HttpClient http = Http(stub);

        await new CloudManagerV1.CloudManagerClient(http).Projects.ListGroupInvitesAsync(new CloudManagerV1.ListGroupInvitesParams
        {
            GroupId = GroupId,
            Pretty = false,
            Username = "a b@example.com",
        });

        Assert.Equal("?pretty=false&username=a%20b%40example.com", stub.Single().Uri.Query);
    }

    [Fact]
    public async Task GetInviteUsesGetWithoutBody()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        await new V20231115.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.Body);
        Assert.Null(request.ContentType);
        Assert.Equal($"/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId}", request.Uri.AbsolutePath);
    }

    private static Task DeleteOrgInviteAsync(string version, HttpClient http) => version switch
    {
        "2023-02-01" => new V20230201.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId),
        "2023-11-15" => new V20231115.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId),
        "2024-05-30" => new V20240530.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId),
        "2025-03-12" => new V20250312.AtlasClient(http).Organizations.DeleteOrgInviteAsync(OrgId, InvitationId),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    private static Task DeleteGroupInviteAsync(string version, HttpClient http) => version switch
    {
        "2023-02-01" => new V20230201.AtlasClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId),
        "2023-11-15" => new V20231115.AtlasClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId),
        "2024-05-30" => new V20240530.AtlasClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId),
        "2025-03-12" => new V20250312.AtlasClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };
}
