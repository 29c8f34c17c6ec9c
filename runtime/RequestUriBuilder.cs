using System;
using System.Buffers;
using System.ComponentModel;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SpecClient.Runtime;

/// <summary>
/// Builds a request's relative path and query in a pooled buffer: literal path text, escaped path values and
/// <c>name=value</c> query pairs (null values are left out). Called by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct RequestUriBuilder
{
    private char[] _buffer;
    private int _length;
    private bool _hasQuery;

    /// <summary>Creates a builder with room for a typical request URI.</summary>
    public RequestUriBuilder()
    {
        _buffer = ArrayPool<char>.Shared.Rent(256);
        _length = 0;
        _hasQuery = false;
    }

    /// <summary>Creates a builder that starts with <paramref name="prefix"/> (the base address).</summary>
    /// <param name="prefix">Text the URI starts with.</param>
    public RequestUriBuilder(string prefix)
    {
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(256, prefix.Length + 128));
        _length = 0;
        _hasQuery = false;
        Append(prefix);
    }

    /// <summary>Appends path text that is already valid in a URI.</summary>
    /// <param name="literal">The text.</param>
    public void AppendLiteral(string literal) => Append(literal);

    /// <summary>
    /// Appends a value that validation has already confined to unreserved URI characters (letters, digits, <c>-._~</c>),
    /// such as a 24-hex id: nothing to escape, so nothing is scanned.
    /// </summary>
    /// <param name="value">The validated value.</param>
    /// <exception cref="ArgumentException">The value is <c>.</c>, <c>..</c> or empty (see <see cref="AppendPathValue(string)"/>).</exception>
    public void AppendUrlSafeValue(string value)
    {
        // Patterns of unreserved characters may allow dots, so "." and ".." can get this far too.
        RejectNonSegment(value);
        Append(value);
    }

    /// <summary>Appends a path parameter's value, escaped as one path segment.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">
    /// The value is <c>.</c> or <c>..</c> (a dot segment, which URI resolution removes together with the segment before
    /// it, so the request would reach another resource) or empty (which drops the segment: <c>/invites/</c> is the list).
    /// </exception>
    public void AppendPathValue(string value)
    {
        RejectNonSegment(value);
        Append(Uri.EscapeDataString(value));
    }

    /// <summary>Appends a path parameter's value.</summary>
    /// <param name="value">The value.</param>
    public void AppendPathValue(long value) => AppendFormatted(value);

    /// <summary>Appends a path parameter's value.</summary>
    /// <param name="value">The value.</param>
    public void AppendPathValue(double value) => Append(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Appends a path parameter's value.</summary>
    /// <param name="value">The value.</param>
    public void AppendPathValue(bool value) => Append(value ? "true" : "false");

    /// <summary>Appends a path parameter's value as ISO 8601.</summary>
    /// <param name="value">The value.</param>
    public void AppendPathValue(DateTimeOffset value) => Append(Uri.EscapeDataString(value.ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>Appends <c>name=value</c>, escaped; nothing when <paramref name="value"/> is null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    public void AppendQuery(string name, string? value)
    {
        if (value is not null)
        {
            StartQueryParameter(name);
            Append(Uri.EscapeDataString(value));
        }
    }

    /// <summary>Appends <c>name=true|false</c>; nothing when <paramref name="value"/> is null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    public void AppendQuery(string name, bool? value)
    {
        if (value is bool flag)
        {
            StartQueryParameter(name);
            Append(flag ? "true" : "false");
        }
    }

    /// <summary>Appends <c>name=value</c>; nothing when <paramref name="value"/> is null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    public void AppendQuery(string name, long? value)
    {
        if (value is long number)
        {
            StartQueryParameter(name);
            AppendFormatted(number);
        }
    }

    /// <summary>Appends <c>name=value</c> (round-trippable); nothing when <paramref name="value"/> is null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    public void AppendQuery(string name, double? value)
    {
        if (value is double number)
        {
            StartQueryParameter(name);
            Append(number.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Appends <c>name=value</c> as ISO 8601; nothing when <paramref name="value"/> is null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    public void AppendQuery(string name, DateTimeOffset? value)
    {
        if (value is DateTimeOffset time)
        {
            StartQueryParameter(name);
            Append(Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// Appends a list path parameter as its values, each escaped, separated by commas (OpenAPI's <c>simple</c> style:
    /// <c>1,2,3</c>).
    /// </summary>
    /// <typeparam name="T">The list's type.</typeparam>
    /// <param name="value">The list.</param>
    /// <param name="typeInfo">Its JSON metadata (value formats come from it).</param>
    /// <exception cref="ArgumentException">The list is empty, or would form a dot segment.</exception>
    public void AppendPathValue<T>(T value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var pairs = new List<KeyValuePair<string, string>>();
        StructuredValues.Write(string.Empty, JsonSerializer.SerializeToElement(value, typeInfo), ParameterStyle.Form, explode: true, pairs);
        var text = new System.Text.StringBuilder();
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            text.Append(text.Length == 0 ? string.Empty : ",").Append(Uri.EscapeDataString(pair.Value));
        }

        RejectNonSegment(text.ToString());
        Append(text.ToString());
    }

    /// <summary>
    /// Appends an object or list parameter from its JSON form as <paramref name="style"/> and <paramref name="explode"/>
    /// say (<c>key[a]=1</c>, <c>a=1&amp;b=2</c>, <c>key=a,1,b,2</c>, <c>id=1%7C2</c>…); nothing when <paramref name="value"/> is null.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its JSON metadata (property names and value formats come from it).</param>
    /// <param name="style">The parameter's style.</param>
    /// <param name="explode">Whether each value or property is its own key.</param>
    public void AppendQuery<T>(string name, T? value, JsonTypeInfo<T> typeInfo, ParameterStyle style, bool explode)
        where T : class
    {
        if (value is not null)
        {
            AppendStructured(name, JsonSerializer.SerializeToElement(value, typeInfo), style, explode);
        }
    }

    /// <inheritdoc cref="AppendQuery{T}(string, T, JsonTypeInfo{T}, ParameterStyle, bool)"/>
    public void AppendQuery<T>(string name, T? value, JsonTypeInfo<T> typeInfo, ParameterStyle style, bool explode)
        where T : struct
    {
        if (value is T present)
        {
            AppendStructured(name, JsonSerializer.SerializeToElement(present, typeInfo), style, explode);
        }
    }

    private void AppendStructured(string name, JsonElement value, ParameterStyle style, bool explode)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        StructuredValues.Write(name, value, style, explode, pairs);
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            StartQueryParameter(pair.Key);
            Append(Uri.EscapeDataString(pair.Value));
        }
    }

    /// <summary>Returns the built text and gives the buffer back to the pool; the builder is unusable afterwards.</summary>
    public string ToStringAndClear()
    {
        string result = new(_buffer, 0, _length);
        char[] buffer = _buffer;
        _buffer = Array.Empty<char>();
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return result;
    }

    /// <inheritdoc/>
    public override readonly string ToString() => new(_buffer, 0, _length);

    /// <summary>
    /// Refuses values that cannot stand for themselves as one path segment. Uri.EscapeDataString leaves dots alone
    /// (they are unreserved), and System.Uri removes dot segments, so <c>groups/1/invites/..</c> would become
    /// <c>groups/1/</c>: a DELETE would hit another resource. Escaping the dots (<c>%2E%2E</c>) does not help: System.Uri
    /// itself decodes <c>%2E</c> (an unreserved character) and removes the segment just the same (tested), and
    /// RFC 3986 §6.2.2.2 lets any normalizer on the way (a proxy, the server's router) do so too.
    /// No server can address a resource named <c>.</c> or <c>..</c> reliably, so such a value is a caller's mistake
    /// (or an attack): it is refused before anything is sent. Slashes in a value are escaped (<c>a/..</c> becomes
    /// <c>a%2F..</c>), so only a whole value can form a dot segment.
    /// </summary>
    private static void RejectNonSegment(string value)
    {
        if (value.Length == 0 || value is "." or "..")
        {
            throw new ArgumentException(
                value.Length == 0
                    ? "A path parameter is empty: it would drop its segment from the path and address another resource."
                    : $"A path parameter is '{value}', a dot segment: URI resolution would remove it (and the segment before it) and address another resource.",
                nameof(value));
        }
    }

    private void StartQueryParameter(string name)
    {
        Append(_hasQuery ? "&" : "?");
        _hasQuery = true;
        Append(Uri.EscapeDataString(name));
        Append("=");
    }

    private void AppendFormatted(long value)
    {
        // 20 characters hold any long.
        EnsureCapacity(20);
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Append(string text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void EnsureCapacity(int additional)
    {
        if (_length + additional <= _buffer.Length)
        {
            return;
        }

        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        char[] old = _buffer;
        _buffer = larger;
        if (old.Length > 0)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
