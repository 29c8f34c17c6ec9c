#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary><see cref="ApiResponse.CaptureAsync{T}"/>: any generated call's result with its status, headers and meaning.</summary>
public sealed class ResponseCaptureTests
{
    [Fact]
    public async Task CapturedCallKeepsItsResultAndGivesTheResponsesMetadata()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()), server.BaseAddress);

        ApiResponse<List<OrganizationInvitation>> response = await ApiResponse.CaptureAsync(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.NotEmpty(response.Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("application/vnd.atlas.", response.GetHeaderValue("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.Info.StatusCode);
        Assert.True(response.Info.IsDeprecated);
    }

    [Fact]
    public async Task CapturedBodilessCallGivesItsStatus()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()), server.BaseAddress);
        OrganizationInvitation invite = (await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId))[0];

        ApiResponse response = await ApiResponse.CaptureAsync(() => atlas.Organizations.DeleteOrgInviteAsync(SimulatorDemo.OrgId, invite.Id!));

        Assert.True((int)response.StatusCode is >= 200 and < 300, response.StatusCode.ToString());
    }

    [Fact]
    public async Task ErrorsStillThrowTheApiException()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()), server.BaseAddress);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => ApiResponse.CaptureAsync(() => atlas.Organizations.GetOrgInviteAsync(SimulatorDemo.OrgId, "0123456789abcdef01234567")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CallThatSendsNothingSaysSoInsteadOfInventingAResponse()
    {
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiResponse.CaptureAsync(() => Task.FromResult(42)));

        Assert.Contains("without receiving a response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CapturesOfConcurrentCallsStayApart()
    {
        await using TestServer server = await TestServer.StartAsync();
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()), server.BaseAddress);

        Task<ApiResponse<List<OrganizationInvitation>>> orgs = ApiResponse.CaptureAsync(() => atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Task<ApiResponse<List<GroupInvitation>>> projects = ApiResponse.CaptureAsync(() => atlas.Projects.ListGroupInvitesAsync(SimulatorDemo.ProductionProjectId));
        await Task.WhenAll(orgs, projects);

        Assert.Contains("/orgs/", (await orgs).Info.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("/groups/", (await projects).Info.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }
}
