using System;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// The link between generated clients and the network: an <see cref="System.Net.Http.HttpClient"/> (whose handlers
/// add authentication, retries and logging) and the base address requests are resolved against.
/// </summary>
/// <remarks>
/// What a call can throw besides <see cref="ArgumentException"/> (bad parameters, nothing sent):
/// <list type="bullet">
/// <item><see cref="ApiException"/>: the server answered with an error status, or with a body that is not what the spec
/// promises (not JSON, truncated, wrong types, larger than <see cref="MaxResponseBytes"/>); the raw body is kept.</item>
/// <item><see cref="HttpRequestException"/>: no usable response: the connection was refused, dropped before the answer or
/// while the body was read (<see cref="HttpRequestException.HttpRequestError"/> says which). The message names the call.</item>
/// <item><see cref="TimeoutException"/>: no response in time (the pipeline's timeout or <see cref="System.Net.Http.HttpClient.Timeout"/>).</item>
/// <item><see cref="OperationCanceledException"/>: only when the caller's token was cancelled.</item>
/// </list>
/// </remarks>
public sealed partial class ApiConnection
{
    /// <summary>The response body limit when the HttpClient sets none (<see cref="System.Net.Http.HttpClient.MaxResponseContentBufferSize"/> left at its default): 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16 * 1024 * 1024;

    private readonly string _userAgent;
    private readonly string _baseAddressText;
    private readonly string _serverAddress;
    private readonly object _serverPort;
    private long _maxResponseBytes;

    // Null for a connection without RequestOptions: its calls then pay one null check and nothing else.
    private readonly CallOptions? _callOptions;

    /// <summary>Creates a connection.</summary>
    /// <param name="httpClient">Sends every request; configure handlers on it (or through IHttpClientFactory).</param>
    /// <param name="baseAddress">The server: scheme, host, port and optionally a path prefix. Operation paths are resolved relative to it.</param>
    /// <remarks>The HttpClient's default User-Agent and MaxResponseContentBufferSize are read once, here.</remarks>
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
        _baseAddressText = BaseAddress.AbsoluteUri;
        _serverAddress = BaseAddress.Host;
        _serverPort = BaseAddress.Port;

        // HttpClient adds its default User-Agent only to requests without one: keep the caller's product first.
        string defaults = httpClient.DefaultRequestHeaders.UserAgent.ToString();
        _userAgent = defaults.Length == 0 ? UserAgent : defaults + " " + UserAgent;
        _maxResponseBytes = httpClient.MaxResponseContentBufferSize is > 0 and < int.MaxValue
            ? httpClient.MaxResponseContentBufferSize
            : DefaultMaxResponseBytes;
        StrictResponseReading = StrictReading.IsRemembered(httpClient);
    }

    /// <summary>A connection like <paramref name="source"/> whose calls carry <paramref name="callOptions"/>.</summary>
    private ApiConnection(ApiConnection source, CallOptions callOptions)
    {
        HttpClient = source.HttpClient;
        BaseAddress = source.BaseAddress;
        _baseAddressText = source._baseAddressText;
        _serverAddress = source._serverAddress;
        _serverPort = source._serverPort;
        _userAgent = source._userAgent;
        _maxResponseBytes = source.MaxResponseBytes;
        StrictResponseReading = source.StrictResponseReading;
        _callOptions = callOptions;
    }

    /// <summary>
    /// A connection over the same HttpClient and base address whose calls carry <paramref name="options"/> (headers,
    /// timeout, retries); this connection is unchanged. Generated clients' <c>WithOptions</c> call it.
    /// </summary>
    /// <param name="options">The options, copied now: changing them later does not change the new connection.</param>
    /// <returns>The new connection; it starts with this one's <see cref="MaxResponseBytes"/> and <see cref="StrictResponseReading"/>.</returns>
    /// <remarks>Options given to a connection that already has some are merged: headers added, a timeout or retry switch set replaces the earlier one.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A header is one the client owns (<c>Authorization</c>, <c>Accept</c>, <c>Content-Type</c>) or is malformed.</exception>
    public ApiConnection WithOptions(RequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ApiConnection(this, CallOptions.Merge(_callOptions, options));
    }

    /// <summary>
    /// Creates a connection for operations whose paths all start with <paramref name="operationsPathPrefix"/>: a base
    /// address that already ends with it (a documented base URL such as <c>https://cloud.mongodb.com/api/public/v1.0</c>)
    /// is used without it, so the prefix is not sent twice. Other base addresses are used as they are.
    /// </summary>
    /// <param name="httpClient">Sends every request; configure handlers on it (or through IHttpClientFactory).</param>
    /// <param name="baseAddress">The server: scheme, host, port and optionally a path prefix.</param>
    /// <param name="operationsPathPrefix">The path every operation starts with, relative (<c>api/public/v1.0/</c>); empty for none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseAddress"/> is not an absolute http or https URI.</exception>
    public ApiConnection(HttpClient httpClient, Uri baseAddress, string operationsPathPrefix)
        : this(httpClient, WithoutOperationsPathPrefix(baseAddress, operationsPathPrefix))
    {
    }

    /// <summary>The base address without a trailing <paramref name="operationsPathPrefix"/> (compared by whole segments, case-sensitively).</summary>
    internal static Uri WithoutOperationsPathPrefix(Uri baseAddress, string operationsPathPrefix)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(operationsPathPrefix);
        string prefix = operationsPathPrefix.Trim('/');
        if (prefix.Length == 0 || !baseAddress.IsAbsoluteUri)
        {
            return baseAddress;
        }

        string path = baseAddress.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/" + prefix, StringComparison.Ordinal))
        {
            return baseAddress;
        }

        return new UriBuilder(baseAddress) { Path = path[..^prefix.Length] }.Uri;
    }

    /// <summary>The User-Agent product every request carries: <c>SpecClient/&lt;version&gt;</c>.</summary>
    public static string UserAgent { get; } = "SpecClient/" + SpecClientVersionInfo.Version;

    /// <summary>
    /// The most bytes of a response body that are read; a larger body gives an <see cref="ApiException"/> that keeps its
    /// beginning in <see cref="ApiException.RawBody"/>. Starts as the HttpClient's
    /// <see cref="System.Net.Http.HttpClient.MaxResponseContentBufferSize"/> when that was set, else <see cref="DefaultMaxResponseBytes"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxResponseBytes
    {
        get => Interlocked.Read(ref _maxResponseBytes);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Interlocked.Exchange(ref _maxResponseBytes, value);
        }
    }

    /// <summary>
    /// Whether a JSON result that lacks a member the spec marks required fails the call with an
    /// <see cref="ApiException"/> (true: a contract check), or is read with that member at its default, null for
    /// reference types (false, the default: servers drift from their specs). Wrong types, invalid JSON and bodies over
    /// <see cref="MaxResponseBytes"/> fail either way; error bodies are always read tolerantly. Starts as
    /// <c>SpecClientOptions.StrictResponseReading</c> (SpecClient.Http) when the HttpClient was made from SpecClientOptions.
    /// </summary>
    /// <remarks>See docs/reading-responses.md.</remarks>
    public bool StrictResponseReading { get; set; }

    /// <summary>The client every request goes through.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The server requests are sent to (always ends with <c>/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a request URI at <see cref="BaseAddress"/>; generated code appends the path and query. Called by generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RequestUriBuilder CreateUriBuilder() => new(_baseAddressText);

    /// <summary>
    /// Checks an operation's parameters (<see cref="IRequestParameters.Validate"/>), then starts its request URI at
    /// <see cref="BaseAddress"/>. Called by generated code.
    /// </summary>
    /// <param name="parameters">The operation's parameters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    /// <exception cref="ArgumentException">A parameter breaks the spec's constraints; nothing is sent.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RequestUriBuilder CreateUriBuilder(IRequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        return new(_baseAddressText);
    }

    /// <summary>
    /// Creates a request for a URI from <see cref="CreateUriBuilder()"/>, or for a path relative to <see cref="BaseAddress"/>.
    /// Called by generated code.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The path and query, relative to the base address (no leading slash).</param>
    /// <param name="accept">The media type to ask for.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUri, string accept)
        => WithHeaders(new HttpRequestMessage(method, RequestUri(relativeUri)), accept);

    private Uri RequestUri(string relativeUri)
    {
        // A URI built from CreateUriBuilder() is already absolute: parsing it is far cheaper than resolving a
        // relative one against BaseAddress (a few dozen bytes instead of half a kilobyte per call).
        return relativeUri.StartsWith(_baseAddressText, StringComparison.Ordinal)
            ? new Uri(relativeUri, UriKind.Absolute)
            : new Uri(BaseAddress, relativeUri);
    }

    private HttpRequestMessage WithHeaders(HttpRequestMessage request, string accept)
    {
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        _callOptions?.Apply(request);
        return request;
    }

    /// <summary>
    /// Creates a request for an operation: the method comes from <paramref name="operation"/>, which travels with the
    /// request (<see cref="ApiOperation.FromRequest"/>) to name its trace and tag its metrics. Called by generated code.
    /// </summary>
    /// <param name="operation">The operation's descriptor, created once per operation by the generated client.</param>
    /// <param name="relativeUri">The path and query from <see cref="CreateUriBuilder()"/>, or relative to the base address (no leading slash).</param>
    /// <param name="accept">The media type to ask for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is null.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HttpRequestMessage CreateRequest(ApiOperation operation, string relativeUri, string accept)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return WithHeaders(new OperationRequest(operation, RequestUri(relativeUri)), accept);
    }

    /// <summary>
    /// Creates the request for a page another page links to (a next link, absolute or relative). Called by generated code.
    /// </summary>
    /// <param name="operation">The list operation the page belongs to.</param>
    /// <param name="link">The link as the previous page gave it.</param>
    /// <param name="accept">The media type to ask for.</param>
    /// <exception cref="ArgumentException">
    /// The link leads away from <see cref="BaseAddress"/>'s scheme and host: following it would send this connection's
    /// credentials elsewhere, so nothing is sent.
    /// </exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HttpRequestMessage CreateLinkedPageRequest(ApiOperation operation, string link, string accept)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentException.ThrowIfNullOrEmpty(link);
        if (!Uri.TryCreate(BaseAddress, link, out Uri? target) || Uri.Compare(target, BaseAddress, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new ArgumentException($"The next page's link '{link}' leads away from {BaseAddress.GetLeftPart(UriPartial.Authority)}; it is not followed.", nameof(link));
        }

        return WithHeaders(new OperationRequest(operation, target), accept);
    }

    /// <summary>Sends a request whose success response carries no result. Called by generated code; disposes the request.</summary>
    /// <param name="request">The request, owned by this call from now on.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <remarks>Traced and measured as described in <see cref="SpecClientTelemetry"/>.</remarks>
    /// <exception cref="ApiException">The server answered with an error status.</exception>
    /// <exception cref="HttpRequestException">No usable response: the connection failed or was dropped.</exception>
    /// <exception cref="TimeoutException">No response in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task SendAsync(HttpRequestMessage request, JsonTypeInfo? errorType, CancellationToken cancellationToken)
        => Send<object>(request, null, errorType, Reading.Nothing, cancellationToken);

    /// <summary>Sends a request and reads its JSON result. Called by generated code; disposes the request.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request, owned by this call from now on.</param>
    /// <param name="resultType">The JSON metadata of the result.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <remarks>Traced and measured as described in <see cref="SpecClientTelemetry"/>.</remarks>
    /// <exception cref="ApiException">The server answered with an error status, or with a body that is not a <typeparamref name="T"/>.</exception>
    /// <exception cref="HttpRequestException">No usable response: the connection failed or was dropped.</exception>
    /// <exception cref="TimeoutException">No response in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> resultType, JsonTypeInfo? errorType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        return Send(request, resultType, errorType, Reading.Json, cancellationToken);
    }

    /// <summary>
    /// Sends a request whose success body is text (<c>text/plain</c>, CSV…) and reads it whole into a string, decoded as
    /// its Content-Type's charset says (UTF-8 without one). Called by generated code; disposes the request.
    /// </summary>
    /// <param name="request">The request, owned by this call from now on.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <remarks>The body is limited to <see cref="MaxResponseBytes"/> as JSON bodies are. Traced and measured as described in <see cref="SpecClientTelemetry"/>.</remarks>
    /// <exception cref="ApiException">The server answered with an error status, or with a body over the limit.</exception>
    /// <exception cref="HttpRequestException">No usable response: the connection failed or was dropped.</exception>
    /// <exception cref="TimeoutException">No response in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<string> SendForTextAsync(HttpRequestMessage request, JsonTypeInfo? errorType, CancellationToken cancellationToken)
        => Send<string>(request, null, errorType, Reading.Text, cancellationToken);

    /// <summary>
    /// Sends a request whose success body is returned as a stream read as it arrives (files, archives, CSV, XML…): the
    /// body is not buffered, so it may be larger than <see cref="MaxResponseBytes"/>. Called by generated code; disposes
    /// the request.
    /// </summary>
    /// <param name="request">The request, owned by this call from now on.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call (reading the stream takes its own tokens).</param>
    /// <returns>
    /// The body. The caller owns it and must dispose it: disposing it disposes the response and frees the connection.
    /// </returns>
    /// <remarks>An error status is read and thrown as <see cref="ApiException"/> before any stream is returned. Traced until the headers arrive.</remarks>
    /// <exception cref="ApiException">The server answered with an error status.</exception>
    /// <exception cref="HttpRequestException">No usable response: the connection failed or was dropped.</exception>
    /// <exception cref="TimeoutException">No response in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<System.IO.Stream> SendForStreamAsync(HttpRequestMessage request, JsonTypeInfo? errorType, CancellationToken cancellationToken)
        => Send<System.IO.Stream>(request, null, errorType, Reading.Stream, cancellationToken);

    /// <summary>What a send reads from a successful response; <see cref="Enveloped"/> combines with the first three.</summary>
    [Flags]
    internal enum Reading
    {
        /// <summary>Nothing: the body is left unread.</summary>
        Nothing = 0,

        /// <summary>The JSON result.</summary>
        Json = 1,

        /// <summary>The body as text.</summary>
        Text = 2,

        /// <summary>The body as a stream that owns the response.</summary>
        Stream = 3,

        /// <summary>The response itself, its body unread (event streams read it on).</summary>
        Response = 4,

        /// <summary>The call asked for <c>envelope=true</c>: a result, or an error, is read from <c>{"status": N, "content": …}</c>.</summary>
        Enveloped = 8,
    }

    /// <summary>Checks the request, then runs the one send path.</summary>
    internal Task<T> Send<T>(HttpRequestMessage request, JsonTypeInfo<T>? resultType, JsonTypeInfo? errorType, Reading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendCoreAsync(request, resultType, errorType, reading, cancellationToken);
    }

    /// <summary>
    /// The one path of every send: trace, send (under <see cref="RequestOptions.Timeout"/> when set), fail on an error
    /// status, read what <paramref name="reading"/> asks for while the response is alive, and dispose the request (and
    /// the response, unless the result owns it).
    /// </summary>
    private async Task<T> SendCoreAsync<T>(HttpRequestMessage request, JsonTypeInfo<T>? resultType, JsonTypeInfo? errorType, Reading reading, CancellationToken cancellationToken)
    {
        // A linked source only for a call with a timeout: calls without one allocate nothing for it.
        CancellationTokenSource? expiry = null;
        CancellationToken token = cancellationToken;
        TimeSpan? timeout = _callOptions?.Timeout;
        if (timeout is { } limit)
        {
            expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            expiry.CancelAfter(limit);
            token = expiry.Token;
        }

        bool enveloped = (reading & Reading.Enveloped) != 0;
        reading &= ~Reading.Enveloped;
        OperationTelemetry telemetry = OperationTelemetry.Start(request, _serverAddress, _serverPort);
        HttpResponseMessage? response = null;
        try
        {
            try
            {
                response = await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!token.IsCancellationRequested && exception.InnerException is TimeoutException)
            {
                // HttpClient.Timeout: a TaskCanceledException that is not the caller's cancellation.
                throw new TimeoutException($"{Describe(request)} timed out: no response within {Seconds(HttpClient.Timeout)} (HttpClient.Timeout).", exception);
            }
            catch (HttpRequestException exception) when (exception.StatusCode is null)
            {
                throw new HttpRequestException(
                    exception.HttpRequestError,
                    $"{Describe(request)} failed without a response ({exception.HttpRequestError}): {exception.Message}",
                    exception);
            }

            telemetry.ResponseReceived(response);
            if (!response.IsSuccessStatusCode)
            {
                // The error body is read whole (up to the limit); one that cannot be read still gives the status.
                ArraySegment<byte> error;
                try
                {
                    error = await ResponseReader.ReadPooledBodyAsync(request, response, MaxResponseBytes, token).ConfigureAwait(false);
                }
                catch (HttpRequestException exception)
                {
                    throw ResponseReader.CreateUnreadableError(request, response, exception);
                }

                throw ResponseReader.CreateException(request, response, error, errorType, enveloped);
            }

            T result = default!;
            if (reading >= Reading.Stream)
            {
                object owner = reading == Reading.Response
                    ? response
                    : new ResponseStream(await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false), response);
                result = (T)owner;
                ResponseCapture.Record(response);
                response = null;
            }
            else
            {
                if (reading != Reading.Nothing || enveloped)
                {
                    ArraySegment<byte> body = await ResponseReader.ReadPooledBodyAsync(request, response, MaxResponseBytes, token).ConfigureAwait(false);
                    try
                    {
                        if (reading == Reading.Json)
                        {
                            result = ResponseReader.ReadResult(request, response, body, StrictResponseReading ? StrictReading.For(resultType!) : resultType!, errorType, enveloped);
                        }
                        else if (reading == Reading.Text)
                        {
                            result = (T)(object)TextEncoding(response).GetString(body);
                        }
                        else
                        {
                            // An enveloped body may still report an error status the HTTP status hides.
                            ResponseReader.ThrowIfEnvelopeFailed(request, response, body, errorType);
                        }
                    }
                    finally
                    {
                        System.Buffers.ArrayPool<byte>.Shared.Return(body.Array!);
                    }
                }

                ResponseCapture.Record(response);
            }

            telemetry.Stop(null);
            return result;
        }
        catch (Exception exception)
        {
            telemetry.Stop(exception);
            if (expiry is not null && exception is OperationCanceledException canceled)
            {
                if (!cancellationToken.IsCancellationRequested && expiry.IsCancellationRequested)
                {
                    throw TimedOut(request, timeout!.Value, canceled);
                }

                if (cancellationToken.IsCancellationRequested && canceled.CancellationToken != cancellationToken)
                {
                    // Report the caller's token, not the linked one: callers compare it to tell their cancellation apart.
                    throw new OperationCanceledException(canceled.Message, canceled, cancellationToken);
                }
            }

            throw;
        }
        finally
        {
            response?.Dispose();
            request.Dispose();
            expiry?.Dispose();
        }
    }

    private static System.Text.Encoding TextEncoding(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return System.Text.Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is the likeliest.
            }
        }

        return System.Text.Encoding.UTF8;
    }

    /// <summary>The exception of a call that outlived <see cref="RequestOptions.Timeout"/>.</summary>
    internal static TimeoutException TimedOut(HttpRequestMessage request, TimeSpan timeout, Exception innerException)
    {
        string operation = ApiOperation.FromRequest(request) is { } known ? known.OperationId + " (" + Describe(request) + ")" : Describe(request);
        return new TimeoutException($"{operation} timed out: no answer within {Seconds(timeout)} (RequestOptions.Timeout).", innerException);
    }

    internal static string Describe(HttpRequestMessage request) => request.Method.Method + " " + request.RequestUri?.AbsolutePath;

    internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
