using System;

namespace SpecClient.Runtime;

/// <summary>
/// A service account (OAuth 2.0 client credentials) and where its tokens come from. <see cref="ToString"/> never shows
/// the secret.
/// </summary>
public sealed class OAuthClientCredentialsOptions
{
    private readonly Uri _baseAddress = null!;

    /// <summary>The client id (for Atlas, <c>mdb_sa_id_…</c>); not a secret.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret (for Atlas, <c>mdb_sa_sk_…</c>).</summary>
    public required string ClientSecret { get; init; }

    /// <summary>
    /// The API's base address; the token and revoke endpoints follow it (<c>{base}api/oauth/token</c>,
    /// <c>{base}api/oauth/revoke</c>), path prefix included.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not an absolute http or https URI.</exception>
    public required Uri BaseAddress
    {
        get => _baseAddress;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"The base address must be an absolute http or https URI; got '{value}'.", nameof(BaseAddress));
            }

            _baseAddress = value.AbsoluteUri.EndsWith('/') ? value : new Uri(value.AbsoluteUri + "/");
        }
    }

    /// <summary>The token endpoint: <c>api/oauth/token</c> under <see cref="BaseAddress"/>.</summary>
    public Uri TokenUri => new(BaseAddress, "api/oauth/token");

    /// <summary>The revocation endpoint: <c>api/oauth/revoke</c> under <see cref="BaseAddress"/>.</summary>
    public Uri RevokeUri => new(BaseAddress, "api/oauth/revoke");

    /// <summary>How long before its expiry a token is renewed (10 s, as the Atlas Go SDK does).</summary>
    public TimeSpan RefreshSkew { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a token request may take (real time) before it fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan TokenRequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock that token expiry is measured with; tests share a fake one with the server.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc/>
    public override string ToString() => $"OAuthClientCredentialsOptions {{ ClientId = {ClientId}, ClientSecret = [redacted], TokenUri = {TokenUri} }}";
}
