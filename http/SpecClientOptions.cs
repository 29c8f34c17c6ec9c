using System;
using System.Globalization;
using System.Text;

namespace SpecClient.Runtime;

/// <summary>
/// Everything SpecClient's HTTP chain needs: the server, the credentials (an OAuth 2.0 service account or an HTTP
/// Digest user name and password, or none),
/// retries, timeouts, the response size limit and an observer of response metadata. Used by
/// <see cref="SpecClientHttp.CreateHttpClient"/> and <c>services.AddSpecClient</c>, and checked by
/// <see cref="SpecClientOptionsValidator"/> before the first request. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class SpecClientOptions
{
    /// <summary>The API server, absolute http or https (for Atlas, <c>https://cloud.mongodb.com/</c>). Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Service account (OAuth 2.0 client credentials): the client id. Set with <see cref="ClientSecret"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Service account: the client secret. Set with <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Service account: the token endpoint's path under <see cref="BaseAddress"/> (default MongoDB Atlas's <c>api/oauth/token</c>).</summary>
    public string OAuthTokenPath { get; set; } = OAuthClientCredentialsOptions.DefaultTokenPath;

    /// <summary>Service account: the revocation endpoint's path under <see cref="BaseAddress"/> (default MongoDB Atlas's <c>api/oauth/revoke</c>).</summary>
    public string OAuthRevokePath { get; set; } = OAuthClientCredentialsOptions.DefaultRevokePath;

    /// <summary>
    /// HTTP Digest authentication (RFC 7616): the user name and password, or null (the default) for none. For MongoDB
    /// Atlas and Cloud Manager: the programmatic API key's public key is the user name, its private key the password.
    /// </summary>
    /// <example><code>options.Digest = new DigestCredential(publicKey, privateKey);</code></example>
    public DigestCredential? Digest { get; set; }

    /// <summary>Which requests are retried, how often and how long apart.</summary>
    public SpecClientRetryOptions Retry { get; set; } = new();

    /// <summary>How long one attempt may wait for the response headers (default 30 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take with all its retries and their waits (default 100 s, HttpClient's default).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The largest response body read (default 16 MiB); a larger one is an <see cref="ApiException"/> keeping its beginning.</summary>
    public long MaxResponseBytes { get; set; } = ApiConnection.DefaultMaxResponseBytes;

    /// <summary>
    /// Refuse a JSON result that lacks a member the spec marks required (an <see cref="ApiException"/>), as a contract
    /// check. Off by default: such a member is read as its default, null for reference types. Carried by the HttpClient
    /// to the connection a generated client makes over it (<see cref="ApiConnection.StrictResponseReading"/>).
    /// </summary>
    public bool StrictResponseReading { get; set; }

    /// <summary>How long before expiry a service-account token is renewed (default 10 s).</summary>
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Called with every call's final response metadata: rate-limit budget, Retry-After, Deprecation, Sunset.</summary>
    public Action<ApiResponseInfo>? OnResponse { get; set; }

    /// <summary>The clock for token expiry, retry delays and timeouts (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether a service account is configured (<see cref="ClientId"/> set).</summary>
    public bool UsesServiceAccount => !string.IsNullOrEmpty(ClientId);

    /// <summary>Whether HTTP Digest is configured (<see cref="Digest"/> with a <see cref="DigestCredential.UserName"/>).</summary>
    public bool UsesDigest => !string.IsNullOrWhiteSpace(Digest?.UserName);

    /// <summary>The service-account settings for an <see cref="OAuthTokenSource"/>.</summary>
    /// <exception cref="InvalidOperationException">No complete service account or base address is configured.</exception>
    public OAuthClientCredentialsOptions ToOAuthOptions()
    {
        if (string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret) || BaseAddress is null)
        {
            throw new InvalidOperationException("SpecClientOptions has no complete service account: set BaseAddress, ClientId and ClientSecret.");
        }

        return new OAuthClientCredentialsOptions
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            BaseAddress = BaseAddress,
            TokenPath = OAuthTokenPath,
            RevokePath = OAuthRevokePath,
            RefreshSkew = TokenRefreshSkew,
            TimeProvider = TimeProvider,
        };
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder("SpecClientOptions { BaseAddress = ").Append(BaseAddress?.ToString() ?? "(none)");
        if (ClientId is not null || ClientSecret is not null)
        {
            text.Append(", ClientId = ").Append(ClientId ?? "(none)").Append(", ClientSecret = ").Append(ClientSecret is null ? "(none)" : "[redacted]");
        }

        if (Digest is not null)
        {
            text.Append(", Digest = ").Append(Digest.ToString());
        }

        return text.Append(CultureInfo.InvariantCulture, $", Retry = {Retry}, AttemptTimeout = {AttemptTimeout}, Timeout = {Timeout}, MaxResponseBytes = {MaxResponseBytes}, StrictResponseReading = {StrictResponseReading} }}").ToString();
    }
}

/// <summary>
/// Retries of a call: 408, 429, 500, 502, 503 and 504 answers and failures without a response, for idempotent methods
/// (GET, HEAD, OPTIONS, PUT, DELETE) unless opted in. A <c>Retry-After</c> is waited for as given (up to
/// <see cref="MaxDelay"/>; a longer one returns the answer to the caller at once); otherwise exponential backoff with jitter.
/// </summary>
public sealed class SpecClientRetryOptions
{
    /// <summary>Retries after the first attempt (default 3; 0 turns retries off).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay, doubled per retry with jitter (default 1 s).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry, Retry-After included (default 30 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retry PATCH too: safe when the body sets values rather than changing them relatively (Atlas's do). Off by
    /// default. Affects PATCH only; <see cref="RetryPost"/> does not imply it.
    /// </summary>
    public bool RetryPatch { get; set; }

    /// <summary>
    /// Retry POST too: only when a duplicate is harmless or the server deduplicates. Off by default. Affects POST
    /// only: PATCH is retried only with <see cref="RetryPatch"/>.
    /// </summary>
    public bool RetryPost { get; set; }

    /// <inheritdoc/>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{{ MaxRetryAttempts = {MaxRetryAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, RetryPatch = {RetryPatch}, RetryPost = {RetryPost} }}");
}
