using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace SpecClient.Runtime;

/// <summary>Creates request bodies. Called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonBody
{
    /// <summary>
    /// A JSON body written with source-generated metadata. It serializes when sent and again if the request is
    /// re-sent (digest authentication, retries), so it is safe to replay.
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Its JSON metadata.</param>
    /// <param name="mediaType">The Content-Type to send, such as <c>application/vnd.atlas.2023-01-01+json</c>.</param>
    public static HttpContent Create<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType)
        => JsonContent.Create(value, typeInfo, new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" });
}
