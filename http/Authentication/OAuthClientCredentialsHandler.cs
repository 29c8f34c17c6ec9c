using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpecClient.Runtime;

/// <summary>
/// Service-account authentication: sends <c>Authorization: Bearer</c> with a token from an <see cref="OAuthTokenSource"/>
/// (fetched, cached and renewed before expiry, one request in flight however many calls wait). When the API answers 401
/// to a token it had, the token is renewed once and the request sent once more; a second 401 is returned to the caller.
/// </summary>
/// <remarks>
/// Token failures surface from the call as the source documents them: <see cref="ApiException"/> for the token
/// endpoint's refusal (OAuth <c>error</c> in <see cref="ApiException.ErrorCode"/>), <see cref="HttpRequestException"/> or
/// <see cref="TimeoutException"/> when it does not answer. Bodies are made replayable before the first send.
/// </remarks>
public sealed class OAuthClientCredentialsHandler : DelegatingHandler
{
    private readonly bool _ownsTokens;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates the handler with a token source of its own, whose token requests go through this handler's
    /// <see cref="DelegatingHandler.InnerHandler"/>.
    /// </summary>
    /// <param name="options">The service account and its endpoints.</param>
    /// <param name="logger">Receives the token events; none by default.</param>
    public OAuthClientCredentialsHandler(OAuthClientCredentialsOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Tokens = new OAuthTokenSource(options, () => InnerHandler ?? throw new InvalidOperationException("The handler has no InnerHandler to send the token request with."), logger);
        _ownsTokens = true;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Creates the handler over a shared token source (not disposed by this handler).</summary>
    /// <param name="tokens">Where tokens come from; share one between handlers to share the token.</param>
    /// <param name="logger">Receives the renewal events; none by default.</param>
    public OAuthClientCredentialsHandler(OAuthTokenSource tokens, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Tokens = tokens;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The token source (for <see cref="OAuthTokenSource.RevokeAsync"/> and diagnostics).</summary>
    public OAuthTokenSource Tokens { get; }

    /// <summary>Revokes the current token; the next call fetches a new one. See <see cref="OAuthTokenSource.RevokeAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the revocation.</param>
    public Task RevokeAsync(CancellationToken cancellationToken = default) => Tokens.RevokeAsync(cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"OAuthClientCredentialsHandler {{ ClientId = {Tokens.Options.ClientId}, ClientSecret = [redacted] }}";

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ReplayableContent.EnsureAsync(request).ConfigureAwait(false);

        string token = await Tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Expired or revoked on the server's side before ours: renew (once for all callers holding this token) and resend once.
        SpecClientLog.TokenRejected(_logger, request.Method.Method, SpecClientLog.PathOf(request));
        response.Dispose();
        Tokens.Invalidate(token);
        string renewed = await Tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsTokens)
        {
            Tokens.Dispose();
        }

        base.Dispose(disposing);
    }
}
