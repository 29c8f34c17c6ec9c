using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>Turns responses into results or <see cref="ApiException"/>s; never lets a <see cref="JsonException"/> escape.</summary>
internal static class ResponseReader
{
    /// <summary>How much of an error body is kept as text (the rest is cut, marked as such).</summary>
    internal const int MaxRawBodyChars = 64 * 1024;

    private static ReadOnlySpan<byte> StatusProperty => "status"u8;

    private static ReadOnlySpan<byte> ContentProperty => "content"u8;

    /// <summary>Reads the result from a body that may live in a pooled buffer; it is copied only to report a failure.</summary>
    public static T ReadResult<T>(HttpRequestMessage request, HttpResponseMessage response, ArraySegment<byte> body, JsonTypeInfo<T> resultType, JsonTypeInfo? errorType, bool envelope)
    {
        ReadOnlySpan<byte> json = envelope ? body.AsSpan()[Unwrap(request, response, body, errorType)] : body;
        if (IsBlank(json))
        {
            throw CreateReadFailure(request, response, body.ToArray(), $"the response had no body, but {typeof(T).Name} was expected.", null);
        }

        try
        {
            T? result = JsonSerializer.Deserialize(json, resultType);
            return result ?? throw CreateReadFailure(request, response, body.ToArray(), $"the response body was null, but {typeof(T).Name} was expected.", null);
        }
        catch (JsonException exception)
        {
            throw CreateReadFailure(request, response, body.ToArray(), $"the response body is not a valid {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    public static void ThrowIfEnvelopeFailed(HttpRequestMessage request, HttpResponseMessage response, ArraySegment<byte> body, JsonTypeInfo? errorType)
    {
        // Without a result to read, only an error status inside an envelope fails the call: a success body that is
        // not an envelope (Cloud Manager's "{}" for a delete) carries nothing the caller needs.
        if (!IsBlank(body) && TryReadEnvelope(body, out int status, out Range content) && status >= 400)
        {
            byte[] copy = body.ToArray();
            throw CreateError(request, response, (HttpStatusCode)status, copy, copy.AsSpan()[content], errorType);
        }
    }

    /// <summary>
    /// Reads the whole body, at most <paramref name="maxBytes"/>, into a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/> that the caller returns: the success path then deserializes without copying the
    /// body. A larger body is an <see cref="ApiException"/> keeping its beginning; a connection that breaks while
    /// reading is an <see cref="HttpRequestException"/> naming the call.
    /// </summary>
    public static async ValueTask<ArraySegment<byte>> ReadPooledBodyAsync(HttpRequestMessage request, HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        maxBytes = Math.Min(maxBytes, Array.MaxLength - 1);

        // The raw header, not HttpContentHeaders.ContentLength: parsing that allocates on every call, and a length
        // computed from an in-memory content only matters for the message of a body over the limit.
        long? declared = response.Content.Headers.NonValidated.TryGetValues("Content-Length", out HeaderStringValues values)
            && long.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out long given) ? given : null;

        // A declared size over the limit: read only what RawBody keeps. Otherwise one byte more than the limit
        // tells an over-long body from one exactly at the limit.
        bool declaredTooLarge = declared > maxBytes;
        int toRead = (int)(declaredTooLarge ? Math.Min(maxBytes, MaxRawBodyChars * 4L) : maxBytes + 1);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declared ?? 16 * 1024, 1, Math.Min(toRead, 1024 * 1024)));
        int length = 0;
        try
        {
            Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (length < toRead)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, toRead));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, toRead) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            if (declaredTooLarge || length > maxBytes)
            {
                byte[] prefix = buffer.AsSpan(0, (int)Math.Min(length, maxBytes)).ToArray();
                string size = (declared ?? response.Content.Headers.ContentLength) is long total ? total.ToString(CultureInfo.InvariantCulture) + " bytes" : "more";
                throw CreateReadFailure(request, response, prefix, $"the body ({size}) is larger than the {maxBytes.ToString(CultureInfo.InvariantCulture)}-byte limit (MaxResponseBytes); RawBody keeps its beginning.", null);
            }

            var filled = new ArraySegment<byte>(buffer, 0, length);
            buffer = Array.Empty<byte>();
            return filled;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            HttpRequestError error = exception switch
            {
                HttpRequestException http => http.HttpRequestError,
                HttpIOException io => io.HttpRequestError,
                _ => HttpRequestError.ResponseEnded,
            };
            throw new HttpRequestException(
                error,
                $"{ApiConnection.Describe(request)} answered {(int)response.StatusCode}, but the connection broke while the body was read ({length.ToString(CultureInfo.InvariantCulture)} bytes received): {exception.Message}",
                exception,
                response.StatusCode);
        }
        finally
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// The exception for an error status, from its body in a pooled buffer (returned here). Only a call that asked for
    /// the envelope (<paramref name="envelope"/>) reads the error from an envelope's <c>content</c>: any other body is
    /// the error itself, whatever its shape.
    /// </summary>
    public static ApiException CreateException(HttpRequestMessage request, HttpResponseMessage response, ArraySegment<byte> pooled, JsonTypeInfo? errorType, bool envelope)
    {
        byte[] body = pooled.ToArray();
        ArrayPool<byte>.Shared.Return(pooled.Array!);
        Range errorJson = envelope && TryReadEnvelope(body, out _, out Range content) ? content : Range.All;
        return CreateError(request, response, response.StatusCode, body, body.AsSpan()[errorJson], errorType);
    }

    /// <summary>The exception for an error status whose body broke off while it was read.</summary>
    public static ApiException CreateUnreadableError(HttpRequestMessage request, HttpResponseMessage response, HttpRequestException exception)
        => CreateReadFailure(request, response, Array.Empty<byte>(), "the error response's body could not be read: " + exception.Message, exception);

    /// <summary>Reads <c>{"status": N, "content": …}</c>: returns where the content lies, or throws when the status is an error.</summary>
    private static Range Unwrap(HttpRequestMessage request, HttpResponseMessage response, ArraySegment<byte> body, JsonTypeInfo? errorType)
    {
        if (!TryReadEnvelope(body, out int status, out Range content))
        {
            throw CreateReadFailure(request, response, body.ToArray(), "the response asked for with envelope=true is not an envelope ({\"status\": …, \"content\": …}).", null);
        }

        if (status >= 400)
        {
            byte[] copy = body.ToArray();
            throw CreateError(request, response, (HttpStatusCode)status, copy, copy.AsSpan()[content], errorType);
        }

        return content;
    }

    /// <summary>Finds <c>{"status": N, "content": …}</c>: the status, and where the content lies in <paramref name="body"/>.</summary>
    private static bool TryReadEnvelope(ReadOnlySpan<byte> body, out int status, out Range content)
    {
        status = 0;
        content = default;
        bool hasContent = false;
        bool hasStatus = false;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(StatusProperty))
                {
                    reader.Read();
                    hasStatus = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out status);
                }
                else if (reader.ValueTextEquals(ContentProperty))
                {
                    reader.Read();
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    content = start..(int)reader.BytesConsumed;
                    hasContent = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return hasStatus && (hasContent || status == 204);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ApiException CreateError(HttpRequestMessage request, HttpResponseMessage response, HttpStatusCode status, byte[] body, ReadOnlySpan<byte> errorJson, JsonTypeInfo? errorType)
    {
        object? error = null;
        string? errorCode = null;
        string? detail = null;
        if (!IsBlank(errorJson) && IsJsonContent(response.Content.Headers.ContentType) && errorType is not null)
        {
            // Which fields are the code and the detail is the spec's to say (the generated error type tells); they
            // are read on their own, so that a body the type does not decode still gives them.
            (string? codeField, string? detailField) = ErrorFields.Of(errorType);
            ReadErrorFields(errorJson, codeField, detailField, out errorCode, out detail);
            try
            {
                error = JsonSerializer.Deserialize(errorJson, errorType);
            }
            catch (JsonException)
            {
                // The raw body is kept; a typed error that does not decode is simply absent.
            }
        }

        string reason = response.ReasonPhrase is { Length: > 0 } phrase && status == response.StatusCode ? phrase : status.ToString();
        var message = new StringBuilder()
            .Append(request.Method.Method).Append(' ').Append(request.RequestUri?.AbsolutePath)
            .Append(" failed: ").Append((int)status).Append(' ').Append(reason);
        if (errorCode is not null)
        {
            message.Append(", ").Append(errorCode);
        }

        if (detail is not null)
        {
            // The message stays one line (logs, test output) even when the server's detail has several.
            message.Append(": ").Append(detail.ReplaceLineEndings(" "));
        }

        return Create(request, response, status, body, error, message.ToString(), null, errorCode, detail);
    }

    /// <summary>An event of a stream whose data is not the item the spec promises; the data is kept as the raw body.</summary>
    internal static ApiException CreateEventFailure(HttpRequestMessage request, HttpResponseMessage response, string data, string itemTypeName, Exception innerException)
        => CreateReadFailure(request, response, Encoding.UTF8.GetBytes(data), $"an event's data is not a {itemTypeName}: {innerException.Message}", innerException);

    /// <summary>A body that could not be read: the message still names the call and its status, in one line.</summary>
    private static ApiException CreateReadFailure(HttpRequestMessage request, HttpResponseMessage response, byte[] body, string problem, Exception? innerException)
    {
        string reason = response.ReasonPhrase is { Length: > 0 } phrase ? phrase : response.StatusCode.ToString();
        string message = new StringBuilder()
            .Append(request.Method.Method).Append(' ').Append(request.RequestUri?.AbsolutePath)
            .Append(" answered ").Append((int)response.StatusCode).Append(' ').Append(reason)
            .Append(", but ").Append(problem.ReplaceLineEndings(" "))
            .ToString();
        return Create(request, response, response.StatusCode, body, null, message, innerException);
    }

    private static ApiException Create(
        HttpRequestMessage request,
        HttpResponseMessage response,
        HttpStatusCode status,
        byte[] body,
        object? error,
        string message,
        Exception? innerException,
        string? errorCode = null,
        string? detail = null)
        => new(message, request.Method, request.RequestUri, status, CollectHeaders(response), BodyText(body), error, errorCode, detail, innerException);

    /// <summary>Reads the code and detail fields the error schema names, without decoding the rest.</summary>
    private static void ReadErrorFields(ReadOnlySpan<byte> json, string? codeField, string? detailField, out string? errorCode, out string? detail)
    {
        errorCode = null;
        detail = null;
        if (codeField is null && detailField is null)
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isCode = codeField is not null && reader.ValueTextEquals(codeField);
                bool isDetail = !isCode && detailField is not null && reader.ValueTextEquals(detailField);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isCode || isDetail))
                {
                    if (isCode)
                    {
                        errorCode = reader.GetString();
                    }
                    else
                    {
                        detail = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all (an HTML error page): the raw body says what happened.
        }
    }

    /// <summary>The field names an error type declares through <see cref="IApiError"/>, asked once per type.</summary>
    private static class ErrorFields
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonTypeInfo, Tuple<string?, string?>> s_known = new();

        public static (string? Code, string? Detail) Of(JsonTypeInfo errorType)
        {
            Tuple<string?, string?> fields = s_known.GetValue(errorType, static type =>
            {
                // An empty instance answers: generated error records construct without arguments.
                IApiError? error = type.CreateObject?.Invoke() as IApiError;
                return Tuple.Create(error?.ErrorCodeField, error?.DetailField);
            });
            return (fields.Item1, fields.Item2);
        }
    }

    private static bool IsJsonContent(MediaTypeHeaderValue? contentType)
    {
        string? mediaType = contentType?.MediaType;
        return mediaType is null
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsBlank(ReadOnlySpan<byte> json)
    {
        ReadOnlySpan<byte> trimmed = json.Trim(" \t\r\n"u8);
        return trimmed.Length == 0;
    }

    internal static string? BodyText(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxRawBodyChars * 4));
        return text.Length > MaxRawBodyChars ? text[..MaxRawBodyChars] + "…(truncated)" : text;
    }

    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            headers[header.Key] = new List<string>(header.Value);
        }

        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
        {
            headers[header.Key] = new List<string>(header.Value);
        }

        return headers;
    }
}
