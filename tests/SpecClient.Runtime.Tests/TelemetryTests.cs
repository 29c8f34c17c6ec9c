using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>Listeners are process-global: these tests run alone, and each only counts calls to its own host.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>Each call is one client activity and one duration measurement, tagged per OpenTelemetry's HTTP conventions.</summary>
[Collection(TelemetryCollection.Name)]
public class TelemetryTests
{
    private readonly string _host = TelemetryCollector.UniqueHost();

    private Uri Base => new($"https://{_host}:8443/");

    [Fact]
    public async Task CallIsOneClientActivityNamedByItsOperationWithHttpTags()
    {
        using var telemetry = new TelemetryCollector(_host);
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        await new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId);

        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal("getOrgInvite", activity.OperationName);
        Assert.Equal("getOrgInvite", activity.DisplayName);
        Assert.Equal(SpecClientTelemetry.ActivitySourceName, activity.Source.Name);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("/api/atlas/v2/orgs/{orgId}/invites/{invitationId}", activity.GetTagItem("url.template"));
        Assert.Equal(_host, activity.GetTagItem("server.address"));
        Assert.Equal(8443, activity.GetTagItem("server.port"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal("getOrgInvite", activity.GetTagItem("specclient.operation.id"));
        Assert.Equal("2025-03-12", activity.GetTagItem("specclient.api.version"));
        Assert.True(activity.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task EachCallRecordsItsDurationOnceWithLowCardinalityTags()
    {
        using var telemetry = new TelemetryCollector(_host);
        var stub = new StubHandler()
            .Enqueue(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType)
            .Enqueue(HttpStatusCode.NoContent, null, null);
        using HttpClient http = Http(stub);
        var client = new DescribedInvitesClient(new ApiConnection(http, Base));

        await client.GetOrgInviteWithResponseAsync(OrgId, InvitationId);
        await client.DeleteOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal(2, telemetry.Durations.Count);
        (double getSeconds, Dictionary<string, object?> get) = telemetry.Durations[0];
        (double deleteSeconds, Dictionary<string, object?> delete) = telemetry.Durations[1];
        Assert.InRange(getSeconds, double.Epsilon, 60);
        Assert.InRange(deleteSeconds, double.Epsilon, 60);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["http.request.method"] = "GET",
                ["url.template"] = "/api/atlas/v2/orgs/{orgId}/invites/{invitationId}",
                ["server.address"] = _host,
                ["server.port"] = 8443,
                ["http.response.status_code"] = 200,
                ["specclient.operation.id"] = "getOrgInvite",
                ["specclient.api.version"] = "2025-03-12",
            },
            get);
        Assert.Equal("DELETE", delete["http.request.method"]);
        Assert.Equal(204, delete["http.response.status_code"]);
        Assert.Equal("deleteOrgInvite", delete["specclient.operation.id"]);
        Assert.False(delete.ContainsKey("error.type"));
    }

    [Fact]
    public async Task ErrorStatusIsTheErrorTypeOfActivityAndMeasurement()
    {
        using var telemetry = new TelemetryCollector(_host);
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, NotFoundJson, "application/json");
        using HttpClient http = Http(stub);

        await Assert.ThrowsAsync<ApiException>(() => new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId));

        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("404", activity.GetTagItem("error.type"));
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Dictionary<string, object?> tags = Assert.Single(telemetry.Durations).Tags;
        Assert.Equal("404", tags["error.type"]);
        Assert.Equal(404, tags["http.response.status_code"]);
    }

    [Fact]
    public async Task ErrorInsideAnEnvelopeKeepsTheHttpStatusAndReportsTheEnvelopesStatus()
    {
        using var telemetry = new TelemetryCollector(_host);
        string body = """{"status":404,"content":{"error":404,"errorCode":"RESOURCE_NOT_FOUND"}}""";
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, body, "application/json");
        using HttpClient http = Http(stub);

        await Assert.ThrowsAsync<ApiException>(() => new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId, envelope: true));

        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("404", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task UnreadableSuccessBodyIsAnErrorOfTypeApiException()
    {
        using var telemetry = new TelemetryCollector(_host);
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "<html>", AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        await Assert.ThrowsAsync<ApiException>(() => new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId));

        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(ApiException).FullName, activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task TransportFailureIsTheExceptionTypeWithoutStatus()
    {
        using var telemetry = new TelemetryCollector(_host);
        var stub = new StubHandler().EnqueueFailure(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        using HttpClient http = Http(stub);

        await Assert.ThrowsAsync<HttpRequestException>(() => new DescribedInvitesClient(new ApiConnection(http, Base)).DeleteOrgInviteAsync(OrgId, InvitationId));

        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal("deleteOrgInvite", activity.OperationName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.Net.Http.HttpRequestException", activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("http.response.status_code"));
        Dictionary<string, object?> tags = Assert.Single(telemetry.Durations).Tags;
        Assert.Equal("System.Net.Http.HttpRequestException", tags["error.type"]);
        Assert.False(tags.ContainsKey("http.response.status_code"));
    }

    [Fact]
    public async Task CancelledCallEndsItsActivityAsAnErrorAndIsMeasuredOnce()
    {
        using var telemetry = new TelemetryCollector(_host);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler().EnqueueHang(arrived);
        using HttpClient http = Http(stub);
        using var cts = new CancellationTokenSource();

        Task call = new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId, cancellationToken: cts.Token);
        await arrived.Task;
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(TaskCanceledException).FullName, activity.GetTagItem("error.type"));
        Assert.Equal(typeof(TaskCanceledException).FullName, Assert.Single(telemetry.Durations).Tags["error.type"]);
    }

    [Fact]
    public async Task RetriesInsideTheHandlersBelongToTheOneActivity()
    {
        using var telemetry = new TelemetryCollector(_host);
        var stub = new StubHandler()
            .Enqueue(HttpStatusCode.ServiceUnavailable, null, null)
            .Enqueue(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        var retry = new RetryOnceHandler { InnerHandler = stub };
        using var http = new HttpClient(retry);

        await new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId);

        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal(2, stub.CallCount);
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal([activity.SpanId, activity.SpanId], retry.CurrentSpans);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task RequestWithoutADescriptorIsNamedByItsMethod()
    {
        using var telemetry = new TelemetryCollector(_host);
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        using HttpClient http = Http(stub);

        await new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteWithoutDescriptorAsync(OrgId, InvitationId);

        Activity activity = Assert.Single(telemetry.Activities);
        Assert.Equal("GET", activity.OperationName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Null(activity.GetTagItem("url.template"));
        Assert.Null(activity.GetTagItem("specclient.operation.id"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Dictionary<string, object?> tags = Assert.Single(telemetry.Durations).Tags;
        Assert.Equal("GET", tags["http.request.method"]);
        Assert.False(tags.ContainsKey("url.template"));
    }

    [Fact]
    public async Task MetricsAloneAreRecordedWithoutAnyActivity()
    {
        using var telemetry = new TelemetryCollector(_host, traces: false);
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        var observer = new CurrentActivityHandler { InnerHandler = stub };
        using var http = new HttpClient(observer);

        await new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal([null], observer.Seen);
        Assert.Equal("getOrgInvite", Assert.Single(telemetry.Durations).Tags["specclient.operation.id"]);
    }

    [Fact]
    public async Task NothingIsStartedOrMeasuredWhenNothingListens()
    {
        Assert.False(SpecClientTelemetry.Source.HasListeners());
        Assert.False(SpecClientTelemetry.OperationDuration.Enabled);
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, OrgInvitationJson, AtlasSuccessContentType);
        var observer = new CurrentActivityHandler { InnerHandler = stub };
        using var http = new HttpClient(observer);

        await new DescribedInvitesClient(new ApiConnection(http, Base)).GetOrgInviteAsync(OrgId, InvitationId);

        Assert.Equal([null], observer.Seen);
    }

    private sealed class RetryOnceHandler : DelegatingHandler
    {
        public ConcurrentQueue<ActivitySpanId> CurrentSpans { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            CurrentSpans.Enqueue(Activity.Current?.SpanId ?? default);
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return response;
            }

            response.Dispose();
            CurrentSpans.Enqueue(Activity.Current?.SpanId ?? default);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class CurrentActivityHandler : DelegatingHandler
    {
        public List<string?> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(Activity.Current?.OperationName);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
