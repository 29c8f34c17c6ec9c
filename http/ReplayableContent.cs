using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>Makes a request body safe to send more than once (a digest challenge, a renewed token, a retry).</summary>
internal static class ReplayableContent
{
    /// <summary>
    /// Leaves bodies that can be written again as they are (JSON bodies serialize anew; byte arrays, strings and
    /// forms are in memory) and buffers any other body once, so that a second send writes the same bytes.
    /// </summary>
    public static Task EnsureAsync(HttpRequestMessage request)
        => request.Content switch
        {
            null or JsonContent or ByteArrayContent or ReadOnlyMemoryContent => Task.CompletedTask,
            HttpContent content => content.LoadIntoBufferAsync(),
        };
}
