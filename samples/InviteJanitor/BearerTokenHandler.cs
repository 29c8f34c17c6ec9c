using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace InviteJanitor;

/// <summary>
/// Service-account authentication, deliberately minimal: fetches one access token from
/// <c>{base}/api/oauth/token</c> (client credentials, HTTP Basic) on the first request and sends it as
/// <c>Authorization: Bearer</c>. No refresh on expiry or 401 — a short-lived tool does not need it.
/// A later issue moves a complete handler into SpecClient.Runtime; then this class goes away.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly Uri _tokenUri;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;

    internal BearerTokenHandler(Uri baseAddress, string clientId, string clientSecret, HttpMessageHandler inner)
        : base(inner)
    {
        _tokenUri = new Uri(baseAddress, "api/oauth/token");
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null)
            {
                return _token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_clientId}:{_clientSecret}")));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            string? token = null;
            string? error = null;
            try
            {
                using JsonDocument json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    token = json.RootElement.TryGetProperty("access_token", out JsonElement t) ? t.GetString() : null;
                    error = json.RootElement.TryGetProperty("error", out JsonElement e) ? e.GetString() : null;
                }
            }
            catch (JsonException)
            {
                // Reported below.
            }

            if (response.StatusCode != HttpStatusCode.OK || string.IsNullOrEmpty(token))
            {
                throw new JanitorException($"service-account token request failed: {(int)response.StatusCode} {response.StatusCode}{(error is null ? "" : $" ({error})")} from {_tokenUri}");
            }

            return _token = token;
        }
        finally
        {
            _lock.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lock.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A failure the janitor reports as one line (not an API error response).</summary>
internal sealed class JanitorException : Exception
{
    internal JanitorException(string message)
        : base(message)
    {
    }
}
