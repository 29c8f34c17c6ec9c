#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using SpecClient.Atlas.V20250312;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Integration.Tests;

/// <summary>A generated client's calls, traced: the span is named after the spec's operationId, with its path template.</summary>
public sealed class GeneratedClientTelemetryTests
{
    [Fact]
    public async Task GeneratedCallIsOneSpanNamedAfterItsOperation()
    {
        await using TestServer server = await TestServer.StartAsync();
        int port = server.BaseAddress.Port;

        // Listeners are process-global: keep only this server's spans (its port is its own).
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpecClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int spanPort && spanPort == port)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var atlas = new AtlasClient(server.Http(server.ServiceAccount()), server.BaseAddress);

        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        await Assert.ThrowsAsync<ApiException>(() => atlas.Organizations.GetOrgInviteAsync(SimulatorDemo.OrgId, "0123456789abcdef01234567"));

        Activity list = Assert.Single(spans, s => s.OperationName == "listOrgInvites");
        Assert.Equal("/api/atlas/v2/orgs/{orgId}/invites", list.GetTagItem("url.template"));
        Assert.Equal("2025-03-12", list.GetTagItem("specclient.api.version"));
        Assert.Equal(200, list.GetTagItem("http.response.status_code"));
        Activity get = Assert.Single(spans, s => s.OperationName == "getOrgInvite");
        Assert.Equal("404", get.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, get.Status);
        Assert.Equal(2, spans.Count);
    }
}
