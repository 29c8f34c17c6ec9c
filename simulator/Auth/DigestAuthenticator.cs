using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpecClient.Simulator.Auth;

/// <summary>
/// HTTP Digest (RFC 7616) as the service speaks it: realm "MMS Public API", MD5, qop=auth.
/// Nonces are remembered with their issue time and the highest nonce count seen; a nonce count
/// must strictly increase (a replay is answered with a new challenge), and a nonce older than
/// the configured lifetime is answered with <c>stale=true</c> when the rest of the response is right.
/// </summary>
internal sealed class DigestAuthenticator
{
    internal const string Realm = "MMS Public API";

    private readonly ConcurrentDictionary<string, NonceEntry> _nonces = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private int _issuedSinceSweep;

    internal DigestAuthenticator(TimeProvider time, TimeSpan nonceLifetime)
    {
        _time = time;
        _lifetime = nonceLifetime;
    }

    /// <summary>
    /// A fresh challenge. Exactly the service's directives, in its order and with its quoting
    /// (algorithm and stale unquoted, the rest quoted), separated by <c>", "</c>; no opaque.
    /// </summary>
    internal string CreateChallenge(bool stale)
    {
        string nonce = IssueNonce();
        return $"Digest realm=\"{Realm}\", domain=\"\", nonce=\"{nonce}\", algorithm=MD5, qop=\"auth\", stale={(stale ? "true" : "false")}";
    }

    /// <summary>Checks the parameters of an <c>Authorization: Digest</c> header.</summary>
    /// <param name="parameters">The parsed header parameters.</param>
    /// <param name="method">The request method.</param>
    /// <param name="requestTarget">The raw request target (path and query) as sent on the request line.</param>
    /// <param name="findPassword">The private key of a public key, or <see langword="null"/> when unknown.</param>
    /// <param name="username">The authenticated public key on success.</param>
    internal DigestOutcome Validate(
        IReadOnlyDictionary<string, string> parameters,
        string method,
        string requestTarget,
        Func<string, string?> findPassword,
        out string? username)
    {
        username = null;
        if (!parameters.TryGetValue("username", out string? user)
            || !parameters.TryGetValue("realm", out string? realm)
            || !parameters.TryGetValue("nonce", out string? nonce)
            || !parameters.TryGetValue("uri", out string? uri)
            || !parameters.TryGetValue("response", out string? response)
            || !parameters.TryGetValue("qop", out string? qop)
            || !parameters.TryGetValue("nc", out string? ncText)
            || !parameters.TryGetValue("cnonce", out string? cnonce))
        {
            // qop=auth is required: the RFC 2069 form without nc/cnonce is refused.
            return DigestOutcome.Invalid;
        }

        if (realm != Realm
            || !string.Equals(qop, "auth", StringComparison.OrdinalIgnoreCase)
            || (parameters.TryGetValue("algorithm", out string? algorithm) && !string.Equals(algorithm, "MD5", StringComparison.OrdinalIgnoreCase))
            || ncText.Length != 8
            || !uint.TryParse(ncText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint nc)
            || nc == 0
            || !string.Equals(uri, requestTarget, StringComparison.Ordinal))
        {
            return DigestOutcome.Invalid;
        }

        string? password = findPassword(user);
        if (password is null)
        {
            return DigestOutcome.Invalid;
        }

        string ha1 = Md5Hex($"{user}:{Realm}:{password}");
        string ha2 = Md5Hex($"{method}:{uri}");
        string expected = Md5Hex($"{ha1}:{nonce}:{ncText}:{cnonce}:{qop}:{ha2}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
        {
            return DigestOutcome.Invalid;
        }

        // The credentials are right; now the nonce. An expired nonce, or one this simulator never issued
        // (e.g. before a restart, or swept after expiry), is stale: the client may retry with a new one.
        if (!_nonces.TryGetValue(nonce, out NonceEntry? entry) || IsExpired(entry))
        {
            return DigestOutcome.Stale;
        }

        lock (entry)
        {
            if (nc <= entry.LastNonceCount)
            {
                return DigestOutcome.Replayed;
            }

            entry.LastNonceCount = nc;
        }

        username = user;
        return DigestOutcome.Success;
    }

    private string IssueNonce()
    {
        Sweep();
        string nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _nonces[nonce] = new NonceEntry(_time.GetUtcNow());
        return nonce;
    }

    private bool IsExpired(NonceEntry entry) => _time.GetUtcNow() - entry.IssuedAt > _lifetime;

    /// <summary>Every 256 challenges, forgets expired nonces (they would only be answered stale anyway).</summary>
    private void Sweep()
    {
        if (System.Threading.Interlocked.Increment(ref _issuedSinceSweep) % 256 != 0)
        {
            return;
        }

        foreach (KeyValuePair<string, NonceEntry> pair in _nonces)
        {
            if (IsExpired(pair.Value))
            {
                _nonces.TryRemove(pair);
            }
        }
    }

    internal static string Md5Hex(string text)
        => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class NonceEntry(DateTimeOffset issuedAt)
    {
        public DateTimeOffset IssuedAt { get; } = issuedAt;

        public uint LastNonceCount { get; set; }
    }
}

internal enum DigestOutcome
{
    Success,

    /// <summary>Malformed, unknown user, wrong key, wrong uri or method: a new challenge, stale=false.</summary>
    Invalid,

    /// <summary>Right credentials, expired or unknown nonce: a new challenge with stale=true.</summary>
    Stale,

    /// <summary>Right credentials, nonce count not above the last one seen: a new challenge, stale=false.</summary>
    Replayed,
}
