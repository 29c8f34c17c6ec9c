using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace SpecClient.Integration.Tests.Infrastructure;

/// <summary>One log event as written: category, level, event, formatted message, structured values.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

/// <summary>Collects every event of every logger it creates, at every level (Trace included). Thread-safe.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>Events with this event name.</summary>
    public IReadOnlyList<LogEntry> Named(string eventName) => Entries.Where(e => e.EventId.Name == eventName).ToArray();

    /// <summary>Everything written, one event per line: what a log file would hold.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => $"{e.Category} {e.Level} {e.EventId.Name}: {e.Message} {e.Exception}"));

    /// <summary>A logger factory writing here (and nowhere else), minimum level Trace.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Trace));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
            {
                foreach (KeyValuePair<string, object?> pair in pairs)
                {
                    values[pair.Key] = pair.Value;
                }
            }

            owner.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
