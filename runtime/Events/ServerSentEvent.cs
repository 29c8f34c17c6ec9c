using System;

namespace SpecClient.Runtime;

/// <summary>One server-sent event as it arrived, with its data read as the operation's item type.</summary>
/// <typeparam name="T">The item type: the spec's <c>itemSchema</c> (OpenAPI 3.2) or response schema; <see cref="string"/> when it gives none.</typeparam>
/// <param name="EventType">The event's <c>event</c> field; <c>message</c> when the server sent none.</param>
/// <param name="Data">The event's data as sent, its <c>data</c> lines joined with <c>\n</c>.</param>
/// <param name="Id">The last event ID the stream has set (the <c>id</c> field, which persists across events), or null.</param>
/// <param name="Retry">The reconnection time the event's <c>retry</c> field set, or null.</param>
/// <param name="Value">The data read as <typeparamref name="T"/>.</param>
public sealed record ServerSentEvent<T>(string EventType, string Data, string? Id, TimeSpan? Retry, T Value);
