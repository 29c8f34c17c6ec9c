using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// The response step of operations whose spec declares a boolean <c>envelope</c> query parameter (MongoDB Atlas and
/// Cloud Manager): asked for with <c>envelope=true</c>, the server wraps every answer as
/// <c>{"status": N, "content": …}</c> with HTTP 200, so the result is read from <c>content</c> and an error status
/// inside the envelope fails the call as an HTTP error would. Generated code sends through here only when the caller
/// set that parameter; every other call reads the body as it is. Called by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EnvelopedResponse
{
    /// <summary>Sends a request whose success response carries no result; fails when the envelope reports an error status. Disposes the request.</summary>
    /// <param name="connection">The connection to send through.</param>
    /// <param name="request">The request (with <c>envelope=true</c>), owned by this call from now on.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ApiException">The server answered with an error status, in the envelope or outside it.</exception>
    /// <exception cref="HttpRequestException">No usable response: the connection failed or was dropped.</exception>
    /// <exception cref="TimeoutException">No response in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task SendAsync(ApiConnection connection, HttpRequestMessage request, JsonTypeInfo? errorType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Send<object>(request, null, errorType, ApiConnection.Reading.Enveloped, cancellationToken);
    }

    /// <summary>Sends a request and reads its JSON result from the envelope's <c>content</c>. Disposes the request.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="connection">The connection to send through.</param>
    /// <param name="request">The request (with <c>envelope=true</c>), owned by this call from now on.</param>
    /// <param name="resultType">The JSON metadata of the result.</param>
    /// <param name="errorType">The JSON metadata of the spec's error body, or null when the spec gives none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ApiException">
    /// The server answered with an error status (in the envelope or outside it), with a body that is not an envelope,
    /// or with content that is not a <typeparamref name="T"/>.
    /// </exception>
    /// <exception cref="HttpRequestException">No usable response: the connection failed or was dropped.</exception>
    /// <exception cref="TimeoutException">No response in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<T> SendAsync<T>(ApiConnection connection, HttpRequestMessage request, JsonTypeInfo<T> resultType, JsonTypeInfo? errorType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(resultType);
        return connection.Send(request, resultType, errorType, ApiConnection.Reading.Json | ApiConnection.Reading.Enveloped, cancellationToken);
    }
}
