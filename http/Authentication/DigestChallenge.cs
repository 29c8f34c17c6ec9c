using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace SpecClient.Runtime;

/// <summary>
/// One server nonce and what is needed to answer with it (RFC 7616, qop=auth): realm, opaque, algorithm and the nonce
/// count, which only ever goes up. Thread-safe: concurrent requests take distinct counts. A challenge without
/// <c>qop</c> (RFC 2069, or Cloud Manager's documented <c>op="auth"</c> typo) is answered as curl and .NET's
/// HttpClient answer it: <c>response = H(HA1:nonce:HA2)</c>, without qop, nc and cnonce.
/// </summary>
internal sealed class DigestChallenge
{
    private int _nonceCount;
    private string? _ha1;

    private DigestChallenge(string realm, string nonce, string? opaque, string algorithm, bool session, bool sha256, bool qopAuth)
    {
        QopAuth = qopAuth;
        Realm = realm;
        Nonce = nonce;
        Opaque = opaque;
        Algorithm = algorithm;
        Session = session;
        Sha256 = sha256;
    }

    public string Realm { get; }

    public string Nonce { get; }

    public string? Opaque { get; }

    /// <summary>The algorithm as the server named it (MD5 when it named none).</summary>
    public string Algorithm { get; }

    /// <summary>Whether it is a <c>-sess</c> variant (HA1 includes the nonce and cnonce).</summary>
    public bool Session { get; }

    public bool Sha256 { get; }

    /// <summary>Whether the server offered <c>qop=auth</c> (RFC 7616); false: it offered no qop (RFC 2069).</summary>
    public bool QopAuth { get; }

    /// <summary>The last nonce count handed out.</summary>
    public int NonceCount => Volatile.Read(ref _nonceCount);

    /// <summary>
    /// Reads the response's <c>WWW-Authenticate: Digest …</c> challenge. Returns null when there is none, or when it asks
    /// for something this client does not speak (then <paramref name="unsupported"/> says what).
    /// </summary>
    public static DigestChallenge? TryRead(HttpResponseMessage response, out bool stale, out string? unsupported)
    {
        stale = false;
        unsupported = null;
        foreach (AuthenticationHeaderValue challenge in response.Headers.WwwAuthenticate)
        {
            if (!challenge.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            Dictionary<string, string>? parameters = ParseParameters(challenge.Parameter ?? string.Empty);
            if (parameters is null || !parameters.TryGetValue("realm", out string? realm) || !parameters.TryGetValue("nonce", out string? nonce))
            {
                unsupported = "the challenge has no realm or nonce";
                continue;
            }

            // No qop at all: RFC 2069. A qop list without auth (only auth-int): not answerable.
            bool qopAuth = parameters.TryGetValue("qop", out string? qop);
            if (qopAuth && !HasToken(qop!, "auth"))
            {
                unsupported = $"the challenge offers qop={qop} but not qop=auth";
                continue;
            }

            string algorithm = parameters.TryGetValue("algorithm", out string? named) ? named : "MD5";
            bool session = algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase);
            string baseAlgorithm = session ? algorithm[..^5] : algorithm;
            bool sha256 = baseAlgorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase);
            if (!sha256 && !baseAlgorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase))
            {
                unsupported = $"algorithm {algorithm} (MD5, MD5-sess, SHA-256 and SHA-256-sess are supported)";
                continue;
            }

            if (session && !qopAuth)
            {
                unsupported = $"algorithm {algorithm} without qop (a -sess hash needs the cnonce that only qop=auth sends)";
                continue;
            }

            stale = parameters.TryGetValue("stale", out string? staleText) && staleText.Equals("true", StringComparison.OrdinalIgnoreCase);
            parameters.TryGetValue("opaque", out string? opaque);
            unsupported = null;
            return new DigestChallenge(realm, nonce, opaque, algorithm, session, sha256, qopAuth);
        }

        return null;
    }

    /// <summary>
    /// The <c>Authorization</c> value for one request with the next nonce count and a fresh cnonce. The <c>uri</c> is the
    /// request target as sent: path and query.
    /// </summary>
    public string CreateAuthorization(string username, string password, HttpMethod method, string uri)
        => CreateAuthorization(username, password, method, uri, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());

    /// <summary>As <see cref="CreateAuthorization(string, string, HttpMethod, string)"/> with a given cnonce (RFC 7616's test vectors).</summary>
    internal string CreateAuthorization(string username, string password, HttpMethod method, string uri, string cnonce)
    {
        int count = Interlocked.Increment(ref _nonceCount);
        string nc = count.ToString("x8", CultureInfo.InvariantCulture);

        string ha1 = _ha1 ??= Hash($"{username}:{Realm}:{password}");
        if (Session)
        {
            ha1 = Hash($"{ha1}:{Nonce}:{cnonce}");
        }

        string ha2 = Hash($"{method.Method}:{uri}");
        string response = QopAuth ? Hash($"{ha1}:{Nonce}:{nc}:{cnonce}:auth:{ha2}") : Hash($"{ha1}:{Nonce}:{ha2}");

        var header = new StringBuilder(256)
            .Append("username=\"").Append(Quote(username))
            .Append("\", realm=\"").Append(Quote(Realm))
            .Append("\", nonce=\"").Append(Quote(Nonce))
            .Append("\", uri=\"").Append(Quote(uri))
            .Append("\", algorithm=").Append(Algorithm)
            .Append(", response=\"").Append(response).Append('"');
        if (QopAuth)
        {
            header.Append(", qop=auth, nc=").Append(nc).Append(", cnonce=\"").Append(cnonce).Append('"');
        }

        if (Opaque is not null)
        {
            header.Append(", opaque=\"").Append(Quote(Opaque)).Append('"');
        }

        return header.ToString();
    }

    /// <summary>
    /// Parses <c>name=token</c> and <c>name="quoted"</c> pairs separated by commas (RFC 7235 auth-params).
    /// Returns null when the text is malformed. Names are case-insensitive.
    /// </summary>
    internal static Dictionary<string, string>? ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (true)
        {
            while (i < text.Length && (text[i] is ' ' or '\t' or ','))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return result;
            }

            int nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ',' or ' ' or '\t'))
            {
                i++;
            }

            string name = text[nameStart..i];
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (name.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return null;
            }

            i++;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                i++;
                var builder = new StringBuilder();
                bool closed = false;
                while (i < text.Length)
                {
                    char c = text[i++];
                    if (c == '\\' && i < text.Length)
                    {
                        builder.Append(text[i++]);
                    }
                    else if (c == '"')
                    {
                        closed = true;
                        break;
                    }
                    else
                    {
                        builder.Append(c);
                    }
                }

                if (!closed)
                {
                    return null;
                }

                value = builder.ToString();
            }
            else
            {
                int valueStart = i;
                while (i < text.Length && text[i] is not (',' or ' ' or '\t'))
                {
                    i++;
                }

                value = text[valueStart..i];
            }

            result[name] = value;
        }
    }

    private static bool HasToken(string list, string token)
    {
        foreach (string item in list.Split(','))
        {
            if (item.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private string Hash(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexString(Sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes)).ToLowerInvariant();
    }
}
