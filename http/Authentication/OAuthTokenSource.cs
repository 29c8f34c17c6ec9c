using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpecClient.Runtime;

/// <summary>
/// A service account's access tokens (OAuth 2.0 client credentials, as Atlas speaks it): fetched on first use, cached,
/// renewed <see cref="OAuthClientCredentialsOptions.RefreshSkew"/> before they expire, revoked on request. However many
/// calls wait for a token, at most one token request is in flight; a caller's cancellation stops only its own wait.
/// </summary>
/// <remarks>
/// Failures: the token endpoint's refusal (an OAuth error such as <c>invalid_client</c>) is an <see cref="ApiException"/>
/// whose <see cref="ApiException.ErrorCode"/> is the OAuth <c>error</c> and <see cref="ApiException.Detail"/> its
/// <c>error_description</c>; no answer is an <see cref="HttpRequestException"/> or a <see cref="TimeoutException"/>.
/// The secret and the tokens never appear in an exception, a log event or <see cref="ToString"/>.
/// One source serves any number of <see cref="OAuthClientCredentialsHandler"/>s, so they share one token.
/// </remarks>
public sealed class OAuthTokenSource : IDisposable
{
    private const int MaxTokenResponseBytes = 64 * 1024;

    private readonly Func<HttpMessageHandler> _handler;
    private readonly HttpMessageHandler? _ownedHandler;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private AccessToken? _token;
    private Task<AccessToken>? _fetch;
    private long _tokenRequestCount;

    /// <summary>Creates a token source.</summary>
    /// <param name="options">The service account and its endpoints.</param>
    /// <param name="handler">Sends the token and revoke requests (not disposed by this source); null: a handler of its own.</param>
    /// <param name="logger">Receives the token events (never a token or the secret); none by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The client id or secret is empty.</exception>
    public OAuthTokenSource(OAuthClientCredentialsOptions options, HttpMessageHandler? handler = null, ILogger? logger = null)
        : this(options, handler is null ? null : () => handler, logger)
    {
    }

    /// <summary>Creates a token source whose requests go through the handler <paramref name="handler"/> returns at the time.</summary>
    internal OAuthTokenSource(OAuthClientCredentialsOptions options, Func<HttpMessageHandler>? handler, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ClientId, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.ClientSecret, nameof(options));
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        if (handler is null)
        {
            HttpMessageHandler own = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            _ownedHandler = own;
            handler = () => own;
        }

        _handler = handler;
    }

    /// <summary>The service account and its endpoints.</summary>
    public OAuthClientCredentialsOptions Options { get; }

    /// <summary>How many token requests this source has sent (a diagnostic: one per expiry is the goal).</summary>
    public long TokenRequestCount => Interlocked.Read(ref _tokenRequestCount);

    /// <summary>
    /// A valid access token: the cached one while it is fresh, else a new one (joining a request already in flight).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; a token request other callers wait for goes on.</param>
    /// <exception cref="ApiException">The token endpoint refused (see the remarks of <see cref="OAuthTokenSource"/>).</exception>
    /// <exception cref="HttpRequestException">The token endpoint could not be reached.</exception>
    /// <exception cref="TimeoutException">The token endpoint did not answer within <see cref="OAuthClientCredentialsOptions.TokenRequestTimeout"/>.</exception>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        AccessToken? token = Volatile.Read(ref _token);
        if (token is not null && IsFresh(token))
        {
            return token.Value;
        }

        AccessToken renewed = await JoinOrStartFetch(token).WaitAsync(cancellationToken).ConfigureAwait(false);
        return renewed.Value;
    }

    /// <summary>
    /// Revokes the cached token at the revoke endpoint and forgets it; the next call fetches a new one. Nothing is sent
    /// when there is no token.
    /// </summary>
    /// <param name="cancellationToken">Cancels the revocation.</param>
    /// <exception cref="ApiException">The revoke endpoint refused.</exception>
    /// <exception cref="HttpRequestException">The revoke endpoint could not be reached.</exception>
    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        AccessToken? token;
        lock (_gate)
        {
            token = _token;
            _token = null;
        }

        if (token is null)
        {
            return;
        }

        using HttpRequestMessage request = CreateRequest(Options.RevokeUri, [new("token", token.Value), new("token_type_hint", "access_token")]);
        using var invoker = new HttpMessageInvoker(_handler(), disposeHandler: false);
        using HttpResponseMessage response = await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            byte[] body = await ReadBodyAsync(request, response, cancellationToken).ConfigureAwait(false);
            throw Refused("revocation", request, response, body);
        }

        SpecClientLog.TokenRevoked(_logger, Options.ClientId);
    }

    /// <summary>Forgets <paramref name="rejected"/> if it is still the cached token (the API answered 401 to it).</summary>
    internal void Invalidate(string rejected)
    {
        lock (_gate)
        {
            if (_token is not null && string.Equals(_token.Value, rejected, StringComparison.Ordinal))
            {
                _token = null;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _ownedHandler?.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"OAuthTokenSource {{ ClientId = {Options.ClientId}, TokenUri = {Options.TokenUri} }}";

    private bool IsFresh(AccessToken token) => Options.TimeProvider.GetUtcNow() < token.RenewAt;

    private Task<AccessToken> JoinOrStartFetch(AccessToken? seen)
    {
        TaskCompletionSource<AccessToken> started;
        lock (_gate)
        {
            // Renewed by someone else since this caller looked.
            if (_token is { } current && !ReferenceEquals(current, seen) && IsFresh(current))
            {
                return Task.FromResult(current);
            }

            if (_fetch is { IsCompleted: false } running)
            {
                return running;
            }

            started = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            _fetch = started.Task;
        }

        // Outside the lock: the request runs other handlers' code. Nobody may be left waiting to observe a failure.
        _ = CompleteFetchAsync(started);
        _ = started.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return started.Task;
    }

    private async Task CompleteFetchAsync(TaskCompletionSource<AccessToken> completion)
    {
        try
        {
            AccessToken token = await RequestTokenAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _token = token;
            }

            completion.SetResult(token);
        }
        catch (Exception exception)
        {
            completion.SetException(exception);
        }
    }

    private async Task<AccessToken> RequestTokenAsync()
    {
        Interlocked.Increment(ref _tokenRequestCount);
        Uri tokenUri = Options.TokenUri;
        SpecClientLog.TokenRequested(_logger, Options.ClientId, tokenUri);
        DateTimeOffset requestedAt = Options.TimeProvider.GetUtcNow();

        // Real time: the fake clocks of tests move token expiry, not network waits.
        using var timeout = new CancellationTokenSource(Options.TokenRequestTimeout);
        using HttpRequestMessage request = CreateRequest(tokenUri, [new("grant_type", "client_credentials")]);
        try
        {
            using var invoker = new HttpMessageInvoker(_handler(), disposeHandler: false);
            using HttpResponseMessage response = await invoker.SendAsync(request, timeout.Token).ConfigureAwait(false);
            byte[] body;
            try
            {
                body = await ReadBodyAsync(request, response, timeout.Token).ConfigureAwait(false);
            }
            catch (ApiException) when (response.IsSuccessStatusCode)
            {
                // Too large; its beginning may hold a token, so it is not kept.
                body = [];
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Refused("token request", request, response, body);
            }

            if (!TryReadToken(body, out string? value, out long expiresIn, out string? problem))
            {
                // The body may hold a token: it is not kept.
                throw new ApiException(
                    $"The service-account token response from {tokenUri} is unusable: {problem}.",
                    request.Method,
                    tokenUri,
                    response.StatusCode,
                    ResponseReader.CollectHeaders(response),
                    rawBody: null,
                    error: null,
                    errorCode: null,
                    detail: problem);
            }

            TimeSpan lifetime = TimeSpan.FromSeconds(expiresIn);
            TimeSpan early = lifetime > Options.RefreshSkew * 2 ? Options.RefreshSkew : lifetime / 2;
            var token = new AccessToken(value, requestedAt + lifetime - early);
            SpecClientLog.TokenAcquired(_logger, Options.ClientId, expiresIn, token.RenewAt);
            return token;
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            string reason = $"no answer within {Options.TokenRequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
            SpecClientLog.TokenRequestFailed(_logger, Options.ClientId, tokenUri, reason);
            throw new TimeoutException($"The service-account token request to {tokenUri} failed: {reason}.", exception);
        }
        catch (HttpRequestException exception)
        {
            SpecClientLog.TokenRequestFailed(_logger, Options.ClientId, tokenUri, exception.Message);
            throw new HttpRequestException(exception.HttpRequestError, $"The service-account token request to {tokenUri} failed: {exception.Message}", exception);
        }
        catch (ApiException exception)
        {
            SpecClientLog.TokenRequestFailed(_logger, Options.ClientId, tokenUri, exception.Message);
            throw;
        }
    }

    private HttpRequestMessage CreateRequest(Uri uri, KeyValuePair<string, string>[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) };

        // RFC 6749 §2.3.1: both parts form-encoded, then Basic.
        string credentials = FormEncode(Options.ClientId) + ":" + FormEncode(Options.ClientSecret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", ApiConnection.UserAgent);
        return request;
    }

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>An OAuth error answer (<c>{"error": …, "error_description": …}</c>) as an <see cref="ApiException"/>.</summary>
    private ApiException Refused(string what, HttpRequestMessage request, HttpResponseMessage response, byte[] body)
    {
        string? error = null;
        string? description = null;
        try
        {
            using JsonDocument json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = json.RootElement.TryGetProperty("error", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                description = json.RootElement.TryGetProperty("error_description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page): the raw body says what happened.
        }

        string reason = response.ReasonPhrase is { Length: > 0 } phrase ? phrase : response.StatusCode.ToString();
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"The service-account {what} for client {Options.ClientId} was refused: {request.RequestUri} answered {(int)response.StatusCode} {reason}");
        if (error is not null)
        {
            message.Append(", ").Append(error);
        }

        if (description is not null)
        {
            message.Append(": ").Append(description.ReplaceLineEndings(" "));
        }

        return new ApiException(
            message.Append('.').ToString(),
            request.Method,
            request.RequestUri,
            response.StatusCode,
            ResponseReader.CollectHeaders(response),
            ResponseReader.BodyText(body),
            error: null,
            errorCode: error,
            detail: description);
    }

    /// <summary>A token endpoint's body (at most <see cref="MaxTokenResponseBytes"/>), read as the runtime reads responses.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArraySegment<byte> pooled = await ResponseReader.ReadPooledBodyAsync(request, response, MaxTokenResponseBytes, cancellationToken).ConfigureAwait(false);
        byte[] body = pooled.ToArray();
        System.Buffers.ArrayPool<byte>.Shared.Return(pooled.Array!);
        return body;
    }

    /// <summary>
    /// Reads <c>access_token</c>, <c>token_type</c> and <c>expires_in</c>, checking each one's JSON type: a field of
    /// another type (a number for token_type, an object for access_token…) is a problem described here, which the caller
    /// turns into the documented <see cref="ApiException"/>, never an InvalidOperationException from JsonElement.
    /// Problems name fields and JSON kinds only: the body may hold a token, so no value of it is quoted except a
    /// string token_type (not a secret).
    /// </summary>
    private static bool TryReadToken(byte[] body, out string value, out long expiresIn, out string? problem)
    {
        value = string.Empty;
        expiresIn = 0;
        try
        {
            using JsonDocument json = JsonDocument.Parse(body);
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "it is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("access_token", out JsonElement accessToken))
            {
                problem = "it has no access_token";
                return false;
            }

            if (accessToken.ValueKind != JsonValueKind.String)
            {
                problem = $"its access_token is {Kind(accessToken)}, not a string";
                return false;
            }

            if (accessToken.GetString() is not { Length: > 0 } text)
            {
                problem = "it has no access_token (an empty string)";
                return false;
            }

            if (root.TryGetProperty("token_type", out JsonElement type))
            {
                if (type.ValueKind != JsonValueKind.String)
                {
                    problem = $"its token_type is {Kind(type)}, not a string";
                    return false;
                }

                if (!string.Equals(type.GetString(), "Bearer", StringComparison.OrdinalIgnoreCase))
                {
                    problem = $"its token_type is '{type.GetString()}', not Bearer";
                    return false;
                }
            }

            if (!root.TryGetProperty("expires_in", out JsonElement expires))
            {
                problem = "it has no positive expires_in";
                return false;
            }

            if (expires.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                problem = $"its expires_in is {Kind(expires)}, not a number";
                return false;
            }

            bool hasLifetime = expires.ValueKind == JsonValueKind.Number
                ? expires.TryGetInt64(out expiresIn)
                : long.TryParse(expires.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out expiresIn);

            // Beyond about 68 years a lifetime is nonsense, and TimeSpan/DateTimeOffset arithmetic on it would overflow.
            if (!hasLifetime || expiresIn <= 0 || expiresIn > int.MaxValue)
            {
                problem = "it has no positive expires_in";
                return false;
            }

            value = text;
            problem = null;
            return true;
        }
        catch (JsonException)
        {
            problem = "it is not JSON";
            return false;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    /// <summary>A token and when to renew it. Never printed.</summary>
    private sealed class AccessToken(string value, DateTimeOffset renewAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RenewAt { get; } = renewAt;

        public override string ToString() => $"AccessToken {{ Value = [redacted], RenewAt = {RenewAt:O} }}";
    }
}
