using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace SpecClient.Runtime.Tests.Infrastructure;

/// <summary>
/// Listens to SpecClient's activities and duration histogram, keeping only those of one server address: listeners are
/// process-global, and other tests send at the same time.
/// </summary>
internal sealed class TelemetryCollector : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)> _durations = new();

    public TelemetryCollector(string serverAddress, bool traces = true, bool metrics = true)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => traces && source.Name == SpecClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.address") as string == serverAddress)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (metrics && instrument.Meter.Name == SpecClientTelemetry.MeterName && instrument.Name == SpecClientTelemetry.OperationDurationInstrumentName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, state) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (copy.TryGetValue("server.address", out object? address) && address as string == serverAddress)
            {
                _durations.Enqueue((value, copy));
            }
        });
        _meters.Start();
    }

    public IReadOnlyList<Activity> Activities => _stopped.ToArray();

    public IReadOnlyList<(double Seconds, Dictionary<string, object?> Tags)> Durations => _durations.ToArray();

    public static string UniqueHost() => "h" + Guid.NewGuid().ToString("N")[..12] + ".example";

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
