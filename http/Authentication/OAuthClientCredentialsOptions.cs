using System;

namespace SpecClient.Runtime;

/// <summary>
/// A service account (OAuth 2.0 client credentials) and where its tokens come from. <see cref="ToString"/> never shows
/// the secret.
/// </summary>
public sealed class OAuthClientCredentialsOptions
{
    /// <summary>MongoDB Atlas's token endpoint, relative to the API's base address.</summary>
    public const string DefaultTokenPath = "api/oauth/token";

    /// <summary>MongoDB Atlas's revocation endpoint, relative to the API's base address.</summary>
    public const string DefaultRevokePath = "api/oauth/revoke";

    private readonly Uri _baseAddress = null!;

    /// <summary>The client id (for Atlas, <c>mdb_sa_id_…</c>); not a secret.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret (for Atlas, <c>mdb_sa_sk_…</c>).</summary>
    public required string ClientSecret { get; init; }

    /// <summary>
    /// The API's base address; the token and revoke endpoints are <see cref="TokenPath"/> and <see cref="RevokePath"/>
    /// under it, path prefix included.
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

    /// <summary>The token endpoint's path, relative to <see cref="BaseAddress"/>: MongoDB Atlas's <c>api/oauth/token</c> by default.</summary>
    public string TokenPath { get; init; } = DefaultTokenPath;

    /// <summary>The revocation endpoint's path, relative to <see cref="BaseAddress"/>: MongoDB Atlas's <c>api/oauth/revoke</c> by default.</summary>
    public string RevokePath { get; init; } = DefaultRevokePath;

    /// <summary>The token endpoint: <see cref="TokenPath"/> under <see cref="BaseAddress"/>.</summary>
    public Uri TokenUri => new(BaseAddress, TokenPath);

    /// <summary>The revocation endpoint: <see cref="RevokePath"/> under <see cref="BaseAddress"/>.</summary>
    public Uri RevokeUri => new(BaseAddress, RevokePath);

    /// <summary>How long before its expiry a token is renewed (10 s, as the Atlas Go SDK does).</summary>
    public TimeSpan RefreshSkew { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a token request may take (real time) before it fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan TokenRequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock that token expiry is measured with; tests share a fake one with the server.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc/>
    public override string ToString() => $"OAuthClientCredentialsOptions {{ ClientId = {ClientId}, ClientSecret = [redacted], TokenUri = {TokenUri} }}";
}
