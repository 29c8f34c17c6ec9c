using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SpecClient.Runtime;

/// <summary>
/// The names under which SpecClient reports traces and metrics through <see cref="ActivitySource"/> and
/// <see cref="Meter"/> (no OpenTelemetry dependency): subscribe with OpenTelemetry's <c>AddSource(SpecClientTelemetry.ActivitySourceName)</c>
/// and <c>AddMeter(SpecClientTelemetry.MeterName)</c>, or with an <see cref="ActivityListener"/> / <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// Every call of a generated operation is one <see cref="ActivityKind.Client"/> activity named after the operationId
/// (the method and path template, or the method alone, for a request made without an <see cref="ApiOperation"/>). It covers
/// the whole call: retries, authentication round trips and rate-limit waits done by the HttpClient's handlers, and the
/// reading of the body. Its tags follow OpenTelemetry's HTTP client conventions (<c>http.request.method</c>,
/// <c>url.template</c>, <c>server.address</c>, <c>server.port</c>, <c>http.response.status_code</c>, <c>error.type</c>)
/// plus <c>specclient.operation.id</c> and <c>specclient.api.version</c>; a failed call has status
/// <see cref="ActivityStatusCode.Error"/>, and <c>error.type</c> is the status code (<c>404</c>) or the exception's type
/// (<c>System.Net.Http.HttpRequestException</c>). The histogram <see cref="OperationDurationInstrumentName"/> records each
/// call's duration once, in seconds, with the same tags (those of low cardinality). Nothing is allocated or measured while
/// nothing listens.
/// </remarks>
public static class SpecClientTelemetry
{
    /// <summary>The name of SpecClient's <see cref="ActivitySource"/>: <c>SpecClient</c>.</summary>
    public const string ActivitySourceName = "SpecClient";

    /// <summary>The name of SpecClient's <see cref="Meter"/>: <c>SpecClient</c>.</summary>
    public const string MeterName = "SpecClient";

    /// <summary>The histogram of operation durations, in seconds (unit <c>s</c>), one measurement per call.</summary>
    public const string OperationDurationInstrumentName = "specclient.operation.duration";

    /// <summary>The tag holding the operation's operationId.</summary>
    public const string OperationIdTag = "specclient.operation.id";

    /// <summary>The tag holding the API version the client was generated for.</summary>
    public const string ApiVersionTag = "specclient.api.version";

    internal static readonly ActivitySource Source = new(ActivitySourceName, SpecClientVersionInfo.Version);

    internal static readonly Meter Meter = new(MeterName, SpecClientVersionInfo.Version);

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        OperationDurationInstrumentName,
        unit: "s",
        description: "Duration of SpecClient operation calls, including retries and reading the response body.");
}
