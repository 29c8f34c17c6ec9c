using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// The trace and the duration measurement of one call. A default instance (nothing listens) does nothing: the call pays
/// two listener checks and no allocation. Lives in a local of the sending method; never copy a started instance.
/// </summary>
internal struct OperationTelemetry
{
    private static readonly object?[] BoxedStatusCodes = new object?[600];

    private Activity? _activity;
    private ApiOperation? _operation;
    private string? _method;
    private string? _serverAddress;
    private object? _serverPort;
    private long _startedAt;
    private int _statusCode;
    private bool _measure;

    /// <summary>Starts the call's activity and clock when someone listens.</summary>
    public static OperationTelemetry Start(HttpRequestMessage request, string serverAddress, object serverPort)
    {
        bool trace = SpecClientTelemetry.Source.HasListeners();
        bool measure = SpecClientTelemetry.OperationDuration.Enabled;
        if (!trace && !measure)
        {
            return default;
        }

        var telemetry = new OperationTelemetry
        {
            _operation = ApiOperation.FromRequest(request),
            _method = request.Method.Method,
            _serverAddress = serverAddress,
            _serverPort = serverPort,
            _measure = measure,
            _startedAt = measure ? Stopwatch.GetTimestamp() : 0,
        };

        if (trace)
        {
            ApiOperation? operation = telemetry._operation;
            string name = operation?.OperationId ?? telemetry._method!;
            Activity? activity = SpecClientTelemetry.Source.StartActivity(name, ActivityKind.Client);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("http.request.method", telemetry._method);
                activity.SetTag("server.address", serverAddress);
                activity.SetTag("server.port", serverPort);
                if (operation is not null)
                {
                    activity.SetTag("url.template", operation.PathTemplate);
                    activity.SetTag(SpecClientTelemetry.OperationIdTag, operation.OperationId);
                    activity.SetTag(SpecClientTelemetry.ApiVersionTag, operation.ApiVersion);
                }
            }

            telemetry._activity = activity;
        }

        return telemetry;
    }

    /// <summary>Remembers the HTTP status of the final response (after the handlers' retries).</summary>
    public void ResponseReceived(HttpResponseMessage response) => _statusCode = (int)response.StatusCode;

    /// <summary>Ends the call: stops the activity and records the duration, once.</summary>
    /// <param name="exception">What the call threw, or null when it succeeded.</param>
    public void Stop(Exception? exception)
    {
        if (_activity is null && !_measure)
        {
            return;
        }

        string? errorType = ErrorType(exception);
        object? statusCode = _statusCode == 0 ? null : Boxed(_statusCode);
        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("http.response.status_code", statusCode);
                activity.SetTag("error.type", errorType);
            }

            if (errorType is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
            _activity = null;
        }

        if (_measure)
        {
            _measure = false;
            var tags = new TagList
            {
                { "http.request.method", _method },
                { "server.address", _serverAddress },
                { "server.port", _serverPort },
            };
            if (_operation is { } operation)
            {
                tags.Add("url.template", operation.PathTemplate);
                tags.Add(SpecClientTelemetry.OperationIdTag, operation.OperationId);
                if (operation.ApiVersion is not null)
                {
                    tags.Add(SpecClientTelemetry.ApiVersionTag, operation.ApiVersion);
                }
            }

            if (statusCode is not null)
            {
                tags.Add("http.response.status_code", statusCode);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            SpecClientTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_startedAt).TotalSeconds, tags);
        }
    }

    /// <summary>
    /// The error status's code, as OpenTelemetry's HTTP conventions ask; else the exception's type. An enveloped error
    /// (HTTP 200, error inside) counts by the status the envelope reports.
    /// </summary>
    private string? ErrorType(Exception? exception)
    {
        if (exception is ApiException { StatusCode: var status } && (int)status >= 400)
        {
            return ((int)status).ToString(CultureInfo.InvariantCulture);
        }

        if (exception is not null)
        {
            return exception.GetType().FullName;
        }

        return _statusCode >= 400 ? _statusCode.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Status codes boxed once each: tags take objects.</summary>
    private static object Boxed(int statusCode)
    {
        if ((uint)statusCode >= (uint)BoxedStatusCodes.Length)
        {
            return statusCode;
        }

        return BoxedStatusCodes[statusCode] ??= statusCode;
    }
}
