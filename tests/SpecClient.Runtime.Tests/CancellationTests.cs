#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>Cancellation surfaces as <see cref="OperationCanceledException"/>, never as a result or an ApiException.</summary>
public class CancellationTests
{
    [Fact]
    public async Task AlreadyCancelledTokenCancelsTheGet()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Task<OrganizationInvitation> get = new AtlasClient(http).Organizations.GetOrgInviteAsync(OrgId, InvitationId, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
        Assert.True(get.IsCanceled);
    }

    [Fact]
    public async Task CancellingWhileWaitingForTheServerCancelsTheList()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler().EnqueueHang(arrived);
        using HttpClient http = Http(stub);
        using var cts = new CancellationTokenSource();

        Task<List<OrganizationInvitation>> list = new AtlasClient(http).Organizations.ListOrgInvitesAsync(OrgId, cts.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cts.Cancel();

        OperationCanceledException exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => list);
        Assert.Equal(cts.Token, exception.CancellationToken);
        Assert.True(list.IsCanceled);
        Assert.Equal(1, stub.CallCount);
    }

    [Fact]
    public async Task CancellingWhileWaitingForTheServerCancelsTheDelete()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler().EnqueueHang(arrived);
        using HttpClient http = Http(stub);
        using var cts = new CancellationTokenSource();

        Task delete = new AtlasClient(http).Projects.DeleteGroupInviteAsync(GroupId, InvitationId, cts.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delete);
        Assert.True(delete.IsCanceled);
    }

    [Fact]
    public async Task InvalidArgumentsWinOverCancellation()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);
        using HttpClient http = Http(stub);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        ArgumentException exception = await Assert.ThrowsAsync<ArgumentException>(
            () => new AtlasClient(http).Organizations.DeleteOrgInviteAsync("bad", InvitationId, cts.Token));

        Assert.Equal("orgId", exception.ParamName);
        Assert.Equal(0, stub.CallCount);
    }
}
