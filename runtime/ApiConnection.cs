using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// The link between generated clients and the network: an <see cref="System.Net.Http.HttpClient"/> (whose handlers
/// add authentication, retries and logging) and the base address requests are resolved against.
/// </summary>
public sealed class ApiConnection
{
    /// <summary>Creates a connection.</summary>
    /// <param name="httpClient">Sends every request; configure handlers on it (or through IHttpClientFactory).</param>
    /// <param name="baseAddress">The server: scheme, host, port and optionally a path prefix. Operation paths are resolved relative to it.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseAddress"/> is not an absolute http or https URI.</exception>
    public ApiConnection(HttpClient httpClient, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base address must be an absolute http or https URI; got '{baseAddress}'.", nameof(baseAddress));
        }

        HttpClient = httpClient;

        // Relative operation paths resolve under the base only when it ends with '/'.
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    /// <summary>The client every request goes through.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The server requests are sent to (always ends with <c>/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Creates a request for a path relative to <see cref="BaseAddress"/>. Called by generated code.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The path and query, relative to the base address (no leading slash).</param>
    /// <param name="accept">The media type to ask for.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUri, string accept)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress, relativeUri));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>Sends a request whose success response carries no result. Called by generated code; disposes the request.</summary>
    /// <param name="request">The request, owned by this call from now on.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="envelope">Whether the request asked for <c>envelope=true</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ApiException">The server answered with an error status.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task SendAsync(HttpRequestMessage request, JsonTypeInfo? errorType, bool envelope, CancellationToken cancellationToken)
    {
        using (request)
        using (HttpResponseMessage response = await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ResponseReader.CreateExceptionAsync(request, response, errorType, cancellationToken).ConfigureAwait(false);
            }

            if (envelope)
            {
                // An enveloped body may still report an error status the HTTP status hides.
                byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                ResponseReader.ThrowIfEnvelopeFailed(request, response, body, errorType);
            }
        }
    }

    /// <summary>Sends a request and reads its JSON result. Called by generated code; disposes the request.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request, owned by this call from now on.</param>
    /// <param name="resultType">The JSON metadata of the result.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="envelope">Whether the request asked for <c>envelope=true</c>: the result is then read from <c>content</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ApiException">The server answered with an error status, or with a body that is not a <typeparamref name="T"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> resultType, JsonTypeInfo? errorType, bool envelope, CancellationToken cancellationToken)
    {
        using (request)
        using (HttpResponseMessage response = await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ResponseReader.CreateExceptionAsync(request, response, errorType, cancellationToken).ConfigureAwait(false);
            }

            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadResult(request, response, body, resultType, errorType, envelope);
        }
    }
}
