using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// The options of one <see cref="ApiConnection"/>, copied from <see cref="RequestOptions"/> when the connection is made:
/// immutable, so the connection stays safe to share between threads while the caller reuses its RequestOptions.
/// </summary>
internal sealed class CallOptions
{
    private readonly KeyValuePair<string, string>[] _headers;

    private CallOptions(KeyValuePair<string, string>[] headers, TimeSpan? timeout, bool disableRetries)
    {
        _headers = headers;
        Timeout = timeout;
        DisableRetries = disableRetries;
    }

    public TimeSpan? Timeout { get; }

    public bool DisableRetries { get; }

    /// <summary>Options on top of earlier ones (a client made by WithOptions given more options).</summary>
    public static CallOptions Merge(CallOptions? earlier, RequestOptions options)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> header in earlier?._headers ?? [])
        {
            headers[header.Key] = header.Value;
        }

        foreach (KeyValuePair<string, string> header in options.Headers)
        {
            headers[header.Key] = header.Value;
        }

        return new CallOptions(
            [.. headers],
            options.Timeout ?? earlier?.Timeout,
            options.DisableRetries || (earlier?.DisableRetries ?? false));
    }

    /// <summary>Adds the headers and the retry switch to a request being created.</summary>
    public void Apply(HttpRequestMessage request)
    {
        foreach (KeyValuePair<string, string> header in _headers)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (DisableRetries)
        {
            request.Options.Set(RequestOptions.RetriesDisabledKey, true);
        }
    }
}
