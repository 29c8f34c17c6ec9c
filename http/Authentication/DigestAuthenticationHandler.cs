using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpecClient.Runtime;

/// <summary>
/// HTTP Digest authentication (RFC 7616, qop=auth; MD5 as Atlas asks, SHA-256 too) with a user name and password. For
/// MongoDB Atlas and Cloud Manager: the programmatic API key's public key is the user name, its private key the password.
/// </summary>
/// <remarks>
/// <para>
/// The first request goes out without credentials and receives the server's challenge; it is answered at once. The
/// nonce is then reused with an increasing nonce count (<c>nc</c>) and a fresh <c>cnonce</c> per request, so every
/// later call costs one round trip instead of two (.NET's built-in digest, <see cref="CredentialCache"/>, always pays two).
/// </para>
/// <para>
/// When the server rejects the nonce (<c>stale=true</c>, or a new challenge because it no longer accepts it), the request
/// is answered once more with the new nonce, transparently; a second 401 is returned to the caller. Bodies are made
/// replayable before the first send. The <c>uri</c> directive is the request target as sent: path and query.
/// </para>
/// <para>The password is never logged, put in an exception or shown by <see cref="ToString"/>.</para>
/// </remarks>
public sealed class DigestAuthenticationHandler : DelegatingHandler
{
    private readonly string _username;
    private readonly string _password;
    private readonly ILogger _logger;
    private DigestChallenge? _challenge;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or add it to an HttpClientFactory chain.</summary>
    /// <param name="userName">The user name (for Atlas and Cloud Manager, the API key's public key).</param>
    /// <param name="password">The password (for Atlas and Cloud Manager, the API key's private key).</param>
    /// <param name="logger">Receives the challenge events; none by default.</param>
    /// <exception cref="ArgumentException">The user name or password is empty.</exception>
    public DigestAuthenticationHandler(string userName, string password, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        _username = userName;
        _password = password;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    /// <param name="userName">The user name (for Atlas and Cloud Manager, the API key's public key).</param>
    /// <param name="password">The password (for Atlas and Cloud Manager, the API key's private key).</param>
    /// <param name="innerHandler">The handler that sends the requests.</param>
    /// <param name="logger">Receives the challenge events; none by default.</param>
    /// <exception cref="ArgumentException">The user name or password is empty.</exception>
    public DigestAuthenticationHandler(string userName, string password, HttpMessageHandler innerHandler, ILogger? logger = null)
        : this(userName, password, logger)
    {
        ArgumentNullException.ThrowIfNull(innerHandler);
        InnerHandler = innerHandler;
    }

    /// <summary>The user name; not a secret.</summary>
    public string UserName => _username;

    /// <inheritdoc/>
    public override string ToString() => $"DigestAuthenticationHandler {{ UserName = {_username}, Password = [redacted] }}";

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ReplayableContent.EnsureAsync(request).ConfigureAwait(false);

        DigestChallenge? current = Volatile.Read(ref _challenge);
        if (current is not null)
        {
            Authorize(request, current);
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        DigestChallenge? fresh = DigestChallenge.TryRead(response, out bool stale, out string? unsupported);
        if (fresh is null)
        {
            if (unsupported is not null)
            {
                SpecClientLog.DigestChallengeUnsupported(_logger, request.Method.Method, SpecClientLog.PathOf(request), unsupported);
            }

            return response;
        }

        // No nonce yet, a stale one, or one the server stopped accepting: answer the new challenge, once. The fresh nonce
        // is this request's alone until it has worked, so its first count cannot arrive after a later one.
        SpecClientLog.DigestChallenged(_logger, request.Method.Method, SpecClientLog.PathOf(request), stale, current is not null);
        response.Dispose();
        Authorize(request, fresh);
        response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            Volatile.Write(ref _challenge, fresh);
        }

        return response;
    }

    private void Authorize(HttpRequestMessage request, DigestChallenge challenge)
    {
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        string target = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", "Digest " + challenge.CreateAuthorization(_username, _password, request.Method, target));
    }
}
