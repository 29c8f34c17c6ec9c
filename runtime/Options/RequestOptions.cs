using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// What the calls of one client carry besides their parameters: extra headers, a timeout per call, and whether a
/// failed call may be retried. Give them to a generated client's <c>WithOptions</c>, which returns a client whose calls
/// carry them; the original client is unchanged.
/// </summary>
/// <example>
/// <code>
/// var traced = client.WithOptions(new RequestOptions
/// {
///     Headers = { ["X-Request-Id"] = id },
///     Timeout = TimeSpan.FromSeconds(5),
/// });
/// </code>
/// </example>
/// <remarks>
/// <c>WithOptions</c> copies the options: changing them afterwards does not change the client it made. See
/// docs/streams-and-request-options.md.
/// </remarks>
public sealed class RequestOptions
{
    private TimeSpan? _timeout;

    /// <summary>
    /// The key under which a request's <see cref="HttpRequestMessage.Options"/> say that the call must not be retried
    /// (set when <see cref="DisableRetries"/> is true). SpecClient.Http's resilience pipeline reads it; a handler of
    /// your own can too.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> RetriesDisabledKey = new("SpecClient.RetriesDisabled");

    /// <summary>
    /// Headers added to every request, by name (case-insensitive). The headers the client sets itself
    /// (<c>Authorization</c>, <c>Accept</c>, <c>Content-Type</c>) are refused with an <see cref="ArgumentException"/>.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new RequestOptionHeaders();

    /// <summary>
    /// How long each call may take, or null (the default) for no limit beyond the HttpClient's and the pipeline's. A
    /// call that takes longer throws a <see cref="TimeoutException"/> naming the operation and this timeout (the
    /// caller's own cancellation still throws <see cref="OperationCanceledException"/>). For an event stream it limits
    /// the wait for the stream to start, not its reading.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            if (value is { } time && time <= TimeSpan.Zero && time != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), time, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
            }

            _timeout = value == System.Threading.Timeout.InfiniteTimeSpan ? null : value;
        }
    }

    /// <summary>
    /// Whether a failed call must not be repeated (for calls that must run at most once): the request then carries
    /// <see cref="RetriesDisabledKey"/>, and SpecClient.Http's resilience pipeline makes a single attempt.
    /// </summary>
    public bool DisableRetries { get; set; }
}

/// <summary>The headers of <see cref="RequestOptions"/>: a dictionary that refuses the headers the client owns.</summary>
internal sealed class RequestOptionHeaders : IDictionary<string, string>
{
    private static readonly string[] OwnedHeaders = ["Authorization", "Accept", "Content-Type"];

    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public string this[string key]
    {
        get => _headers[key];
        set => _headers[Checked(key, value)] = value;
    }

    public ICollection<string> Keys => _headers.Keys;

    public ICollection<string> Values => _headers.Values;

    public int Count => _headers.Count;

    public bool IsReadOnly => false;

    public void Add(string key, string value) => _headers.Add(Checked(key, value), value);

    public void Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

    public void Clear() => _headers.Clear();

    public bool Contains(KeyValuePair<string, string> item) => ((ICollection<KeyValuePair<string, string>>)_headers).Contains(item);

    public bool ContainsKey(string key) => _headers.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, string>>)_headers).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _headers.GetEnumerator();

    public bool Remove(string key) => _headers.Remove(key);

    public bool Remove(KeyValuePair<string, string> item) => ((ICollection<KeyValuePair<string, string>>)_headers).Remove(item);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => _headers.TryGetValue(key, out value);

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Checks a header before it is kept, so a mistake shows where it is made rather than at the first call.</summary>
    internal static string Checked(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        foreach (string owned in OwnedHeaders)
        {
            if (owned.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"RequestOptions.Headers cannot set '{name}': the client sets {string.Join(", ", OwnedHeaders)} itself (authentication belongs in the HttpClient's handlers).",
                    nameof(name));
            }
        }

        foreach (char c in name)
        {
            // An RFC 9110 token: no separators, spaces or controls.
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".Contains(c))
            {
                throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
            }
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The value of header '{name}' contains a line break.", nameof(value));
        }

        return name;
    }
}
