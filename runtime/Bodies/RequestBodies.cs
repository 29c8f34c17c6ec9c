using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SpecClient.Runtime;

/// <summary>Creates the request bodies that are not JSON: forms, streams and text. Called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestBodies
{
    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body: the value's JSON properties as fields, each a value
    /// (<c>name=Ada</c>), a list repeating its key (<c>tag=a&amp;tag=b</c>) or an object as <c>deepObject</c>
    /// (<c>address[city]=Paris</c>), unless <paramref name="encodings"/> says otherwise.
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body: its JSON form must be an object.</param>
    /// <param name="typeInfo">Its JSON metadata (names and value formats come from it).</param>
    /// <param name="encodings">The fields the spec's <c>encoding</c> writes in another style.</param>
    /// <exception cref="ArgumentException">The value's JSON form is not an object.</exception>
    public static HttpContent Form<T>(T value, JsonTypeInfo<T> typeInfo, params FormField[] encodings)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        JsonElement json = JsonSerializer.SerializeToElement(value, typeInfo);
        return new FormUrlEncodedContent(StructuredValues.Fields(json, encodings));
    }

    /// <summary>
    /// A body read from <paramref name="content"/> while it is sent: the stream is not copied into memory first. The
    /// request owns it from now on and disposes it with the request.
    /// </summary>
    /// <param name="content">The bytes to send, from the stream's current position.</param>
    /// <param name="mediaType">The Content-Type to send, such as <c>application/octet-stream</c> or <c>image/png</c>.</param>
    /// <remarks>
    /// A stream can be read once: a request that has to be sent again (a digest challenge, a renewed token) buffers it
    /// first, and a retry after a failed send cannot replay it.
    /// </remarks>
    public static HttpContent Binary(Stream content, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = new StreamContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return body;
    }

    /// <summary>A text body (<c>text/plain</c>, XML…), sent as UTF-8 unless <paramref name="mediaType"/> names a charset.</summary>
    /// <param name="content">The text.</param>
    /// <param name="mediaType">The Content-Type to send.</param>
    public static HttpContent Text(string content, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(content);
        MediaTypeHeaderValue type = MediaTypeHeaderValue.Parse(mediaType);
        Encoding encoding = Encoding.UTF8;
        if (type.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // A charset .NET does not know: UTF-8, and say so.
                type.CharSet = "utf-8";
            }
        }
        else
        {
            type.CharSet = "utf-8";
        }

        return new ByteArrayContent(encoding.GetBytes(content)) { Headers = { ContentType = type } };
    }
}
