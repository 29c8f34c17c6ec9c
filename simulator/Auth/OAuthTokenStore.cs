using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;

namespace SpecClient.Simulator.Auth;

/// <summary>
/// Issued OAuth access tokens: opaque random strings mapped to their service account and expiry
/// (measured with the simulator's <see cref="TimeProvider"/>). In memory only: a restarted
/// simulator forgets them, like a server that lost its session store.
/// </summary>
internal sealed class OAuthTokenStore
{
    private readonly ConcurrentDictionary<string, TokenEntry> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private int _issuedSinceSweep;

    internal OAuthTokenStore(TimeProvider time, TimeSpan lifetime)
    {
        _time = time;
        _lifetime = lifetime;
    }

    /// <summary>The <c>expires_in</c> value: the lifetime in whole seconds.</summary>
    internal long ExpiresInSeconds => (long)_lifetime.TotalSeconds;

    internal string Issue(string clientId)
    {
        Sweep();
        string token = "sim_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = new TokenEntry(clientId, _time.GetUtcNow() + _lifetime);
        return token;
    }

    /// <summary>The client id of a live token; <see langword="null"/> when unknown, expired or revoked.</summary>
    internal string? Validate(string token)
        => _tokens.TryGetValue(token, out TokenEntry? entry) && _time.GetUtcNow() < entry.ExpiresAt ? entry.ClientId : null;

    /// <summary>
    /// Revokes a token of <paramref name="clientId"/>. Unknown tokens and tokens of another client
    /// are ignored (RFC 7009 answers 200 for an invalid token; the simulator simply does nothing).
    /// </summary>
    internal void Revoke(string token, string clientId)
    {
        if (_tokens.TryGetValue(token, out TokenEntry? entry) && entry.ClientId == clientId)
        {
            _tokens.TryRemove(new KeyValuePair<string, TokenEntry>(token, entry));
        }
    }

    private void Sweep()
    {
        if (Interlocked.Increment(ref _issuedSinceSweep) % 256 != 0)
        {
            return;
        }

        DateTimeOffset now = _time.GetUtcNow();
        foreach (KeyValuePair<string, TokenEntry> pair in _tokens)
        {
            if (now >= pair.Value.ExpiresAt)
            {
                _tokens.TryRemove(pair);
            }
        }
    }

    private sealed record TokenEntry(string ClientId, DateTimeOffset ExpiresAt);
}
