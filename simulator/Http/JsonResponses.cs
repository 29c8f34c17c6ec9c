using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator.Http;

/// <summary>Writes JSON bodies, honouring <c>envelope</c> and <c>pretty</c>.</summary>
internal static class JsonResponses
{
    internal const string ErrorContentType = "application/json";

    /// <summary>
    /// Writes <paramref name="value"/> with <paramref name="status"/>. With <c>envelope=true</c> the body
    /// becomes <c>{"status": status, "content": value}</c> while the HTTP status stays the real one
    /// (ATLAS.md §6 unsure; chosen for single resources, bare-array lists and errors alike).
    /// </summary>
    internal static Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo, string contentType, ResponseFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = format.Pretty,

            // Emails like "first+tag@example.com" stay readable instead of "\u002B".
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            if (format.Envelope)
            {
                writer.WriteStartObject();
                writer.WriteNumber("status", status);
                writer.WritePropertyName("content");
                JsonSerializer.Serialize(writer, value, typeInfo);
                writer.WriteEndObject();
            }
            else
            {
                JsonSerializer.Serialize(writer, value, typeInfo);
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = buffer.WrittenCount;
        return context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }

    /// <summary>Writes an ApiError with <c>Content-Type: application/json</c>.</summary>
    internal static Task WriteErrorAsync(HttpContext context, ResponseFormat format, ApiErrorDto error)
        => WriteAsync(context, error.Error, error, SimulatorJsonContext.Default.ApiErrorDto, ErrorContentType, format);

    /// <summary>Builds an ApiError; <c>reason</c> is the status's reason phrase, <c>parameters</c> is never missing.</summary>
    internal static ApiErrorDto Error(int status, string errorCode, string detail, IEnumerable<string>? parameters = null, List<FieldViolationDto>? fields = null)
        => new()
        {
            Error = status,
            ErrorCode = errorCode,
            Detail = detail,
            Reason = ReasonPhrases.GetReasonPhrase(status),
            Parameters = parameters is null ? new List<string>() : new List<string>(parameters),
            BadRequestDetail = fields is null ? null : new BadRequestDetailDto { Fields = fields },
        };
}
