#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;
using V20250312 = SpecClient.Atlas.V20250312;

namespace SpecClient.Runtime.Tests;

/// <summary>
/// A response without a member the spec requires reads tolerantly by default (the member at its default) and fails
/// only when strict reading is switched on, on the connection or through <see cref="SpecClientOptions"/>.
/// </summary>
public class ResponseReadingTests
{
    // orgName is required by the 2025-03-12 spec's OrganizationInvitation; this body leaves it out.
    private const string InvitationWithoutOrgName = """{"id":"65a1b2c3d4e5f60718293a4b","username":"jane@example.com","roles":["ORG_MEMBER"]}""";

    [Fact]
    public async Task MissingRequiredMemberReadsAsNullByDefault()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, InvitationWithoutOrgName, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var atlas = new V20250312.AtlasClient(http);

        V20250312.OrganizationInvitation invitation = await atlas.Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.False(atlas.Connection.StrictResponseReading);
        Assert.Null(invitation.OrgName);
        Assert.Equal(InvitationId, invitation.Id);
        Assert.Equal("jane@example.com", invitation.Username);
        Assert.Equal(["ORG_MEMBER"], invitation.Roles!.ConvertAll(r => r.ToString()));
    }

    [Fact]
    public async Task MissingRequiredMemberOfAListElementReadsAsNullByDefault()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "[" + InvitationWithoutOrgName + "," + OrgInvitationJson + "]", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        List<V20250312.OrganizationInvitation> invitations = await new V20250312.AtlasClient(http).Organizations.ListOrgInvitesAsync(OrgId);

        Assert.Equal(new string?[] { null, "Acme" }, invitations.ConvertAll<string?>(i => i.OrgName));
    }

    [Fact]
    public void GeneratedContextReadsTolerantly()
    {
        V20250312.OrganizationInvitation? invitation = JsonSerializer.Deserialize(InvitationWithoutOrgName, V20250312.AtlasClientJsonContext.Default.OrganizationInvitation);

        Assert.NotNull(invitation);
        Assert.Null(invitation.OrgName);
    }

    public static TheoryData<string> WrongBodies => new()
    {
        """{"orgName": 5}""",
        """{"roles":"ORG_MEMBER"}""",
        """{"orgName":"Acme",""",
    };

    [Theory]
    [MemberData(nameof(WrongBodies))]
    public async Task TolerantReadingStillRefusesWrongTypesAndInvalidJson(string body)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => new V20250312.AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(body, exception.RawBody);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task StrictReadingRefusesAMissingRequiredMember()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, InvitationWithoutOrgName, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var atlas = new V20250312.AtlasClient(http);
        atlas.Connection.StrictResponseReading = true;

        ApiException exception = await Assert.ThrowsAsync<ApiException>(
            () => atlas.Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(InvitationWithoutOrgName, exception.RawBody);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.StartsWith($"GET /api/atlas/v2/orgs/{OrgId}/invites/{InvitationId} answered 200 OK, but the response body is not a valid OrganizationInvitation: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("orgName", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrictReadingRefusesAMissingRequiredMemberOfAListElement()
    {
        string body = "[" + OrgInvitationJson + "," + InvitationWithoutOrgName + "]";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var atlas = new V20250312.AtlasClient(http);
        atlas.Connection.StrictResponseReading = true;

        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.ListOrgInvitesAsync(OrgId));

        Assert.Equal(body, exception.RawBody);
        Assert.Contains("orgName", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrictReadingReadsACompleteBody()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var atlas = new V20250312.AtlasClient(http);
        atlas.Connection.StrictResponseReading = true;

        V20250312.OrganizationInvitation invitation = await atlas.Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal("Acme", invitation.OrgName);
        Assert.Equal("self", Assert.Single(invitation.Links!).Rel);
    }

    [Fact]
    public async Task StrictnessBelongsToTheConnectionNotToTheSharedContext()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, InvitationWithoutOrgName, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        var strict = new V20250312.AtlasClient(http);
        strict.Connection.StrictResponseReading = true;
        var tolerant = new V20250312.AtlasClient(http);

        await Assert.ThrowsAsync<ApiException>(() => strict.Organizations.GetOrgInviteAsync(OrgId, InvitationId));
        V20250312.OrganizationInvitation read = await tolerant.Organizations.GetOrgInviteAsync(OrgId, InvitationId);
        strict.Connection.StrictResponseReading = false;
        V20250312.OrganizationInvitation readAfterSwitchingOff = await strict.Organizations.GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Null(read.OrgName);
        Assert.Equal(InvitationId, readAfterSwitchingOff.Id);
    }

    [Fact]
    public async Task StrictReadingStillGivesTheTypedErrorOfAnErrorBodyMissingRequiredMembers()
    {
        // 2025-03-12 marks error and errorCode required; error bodies are read tolerantly either way.
        const string body = """{"detail":"Something broke.","reason":"Internal Server Error"}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.InternalServerError, body, "application/json");
        using HttpClient http = Http(stub);
        var atlas = new V20250312.AtlasClient(http);
        atlas.Connection.StrictResponseReading = true;

        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.GetOrgInviteAsync(OrgId, InvitationId));

        Assert.True(exception.TryGetError(out V20250312.ApiError? error));
        Assert.Equal("Something broke.", error.Detail);
        Assert.Null(error.ErrorCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SpecClientOptionsCarryStrictReadingToTheClient(bool strict)
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, InvitationWithoutOrgName, AtlasSuccessContentType);
        using HttpClient http = SpecClientHttp.CreateHttpClient(
            new SpecClientOptions { BaseAddress = new Uri("https://cloud.mongodb.com/"), StrictResponseReading = strict },
            primaryHandler: stub);
        var atlas = new V20250312.AtlasClient(http);

        Assert.Equal(strict, atlas.Connection.StrictResponseReading);
        if (strict)
        {
            await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.GetOrgInviteAsync(OrgId, InvitationId));
        }
        else
        {
            Assert.Null((await atlas.Organizations.GetOrgInviteAsync(OrgId, InvitationId)).OrgName);
        }
    }

    [Fact]
    public async Task AddSpecClientCarriesStrictReadingToTheClient()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, InvitationWithoutOrgName, AtlasSuccessContentType);
        var services = new ServiceCollection();
        services.AddSpecClient(http => new V20250312.AtlasClient(http), o =>
            {
                o.BaseAddress = new Uri("https://cloud.mongodb.com/");
                o.StrictResponseReading = true;
            })
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        await using ServiceProvider provider = services.BuildServiceProvider();

        var atlas = provider.GetRequiredService<V20250312.AtlasClient>();

        Assert.True(atlas.Connection.StrictResponseReading);
        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.GetOrgInviteAsync(OrgId, InvitationId));
        Assert.Contains("orgName", exception.Message, StringComparison.Ordinal);
    }
}
