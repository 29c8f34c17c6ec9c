using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// What a media type is (JSON, text, a form…) and how a body of it is written. Which of several an operation sends
/// is chosen by <see cref="Conventions.VersionedMediaTypes"/>.
/// </summary>
internal static class MediaTypes
{
    public const string Json = "application/json";

    /// <summary>Server-sent events.</summary>
    public const string EventStream = "text/event-stream";

    public static bool IsEventStream(string mediaType) => Essence(mediaType).Equals(EventStream, StringComparison.OrdinalIgnoreCase);

    public static bool IsJson(string mediaType)
    {
        string essence = Essence(mediaType);
        return essence.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || essence.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || essence.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
            || essence == "*/*";
    }

    /// <summary>How a request body of the media type is written.</summary>
    public static BodyEncoding EncodingOf(string mediaType)
    {
        string essence = Essence(mediaType).ToLowerInvariant();
        return IsJson(mediaType) ? BodyEncoding.Json
            : essence == "application/x-www-form-urlencoded" ? BodyEncoding.Form
            : essence.StartsWith("multipart/", StringComparison.Ordinal) ? BodyEncoding.Multipart
            : IsText(mediaType) ? BodyEncoding.Text
            : BodyEncoding.Binary;
    }

    /// <summary>Text a client reads or writes as a string: <c>text/*</c>, XML, YAML, JavaScript.</summary>
    public static bool IsText(string mediaType)
    {
        string essence = Essence(mediaType).ToLowerInvariant();
        return essence.StartsWith("text/", StringComparison.Ordinal)
            || essence.EndsWith("/xml", StringComparison.Ordinal) || essence.EndsWith("+xml", StringComparison.Ordinal)
            || essence.EndsWith("/yaml", StringComparison.Ordinal) || essence.EndsWith("/x-yaml", StringComparison.Ordinal)
            || essence == "application/javascript";
    }

    /// <summary>
    /// A response read whole into a string: <c>text/*</c> but CSV and XML, which are often downloads of any size and are
    /// handed over as streams.
    /// </summary>
    public static bool IsTextResponse(string mediaType)
    {
        string essence = Essence(mediaType).ToLowerInvariant();
        return essence.StartsWith("text/", StringComparison.Ordinal) && essence != "text/csv" && essence != "text/xml";
    }

    /// <summary>Which body to send when no JSON is offered: a described form first, then text, then bytes.</summary>
    public static int RequestPreference(string mediaType) => EncodingOf(mediaType) switch
    {
        BodyEncoding.Form => 0,
        BodyEncoding.Multipart => 1,
        BodyEncoding.Text => 2,
        _ => 3,
    };

    internal static string Essence(string mediaType)
    {
        int parameters = mediaType.IndexOf(';');
        return (parameters >= 0 ? mediaType.Substring(0, parameters) : mediaType).Trim();
    }
}
