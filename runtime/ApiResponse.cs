using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// A successful response without its body: status, headers and their meaning (<see cref="Info"/>). Any call of a
/// generated client gives it through <see cref="CaptureAsync(Func{Task})"/>; the base of <see cref="ApiResponse{T}"/>.
/// </summary>
/// <remarks>Public constructors let tests return it from a mocked client.</remarks>
public class ApiResponse
{
    /// <summary>
    /// Runs one call of a generated client and returns its result together with the response's status, headers and
    /// <see cref="ApiResponseInfo"/>: the simple <c>Task&lt;T&gt;</c> methods stay as they are, and any of them gives its
    /// metadata this way.
    /// </summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="call">The call, such as <c>() =&gt; client.Projects.ListGroupInvitesAsync(groupId, ct)</c>.</param>
    /// <returns>The result and the metadata of the last successful response the call received (a call that reads several pages receives several).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="call"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The call completed without a response from a SpecClient connection (a fake, for instance).</exception>
    /// <example><code>
    /// ApiResponse&lt;List&lt;GroupInvitation&gt;&gt; response = await ApiResponse.CaptureAsync(() =&gt; client.Projects.ListGroupInvitesAsync(groupId, ct));
    /// Console.WriteLine($"{response.Value.Count} invitations, {response.Info.RateLimitRemaining} requests left");
    /// </code></example>
    public static async Task<ApiResponse<T>> CaptureAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        ResponseCapture capture = ResponseCapture.Begin();
        T value = await call().ConfigureAwait(false);
        ApiResponse response = capture.Response ?? throw NoResponse();
        return new ApiResponse<T>(value, response.StatusCode, response.Headers, response.Info);
    }

    /// <summary>Runs one call of a generated client that returns no result, and returns the response's metadata.</summary>
    /// <param name="call">The call, such as <c>() =&gt; client.Projects.DeleteGroupInviteAsync(groupId, invitationId, ct)</c>.</param>
    /// <returns>The status, headers and <see cref="ApiResponseInfo"/> of the last successful response the call received.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="call"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The call completed without a response from a SpecClient connection.</exception>
    public static async Task<ApiResponse> CaptureAsync(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        ResponseCapture capture = ResponseCapture.Begin();
        await call().ConfigureAwait(false);
        return capture.Response ?? throw NoResponse();
    }

    /// <summary>A live response's status, headers (copied, so they outlive it) and their meaning.</summary>
    internal static ApiResponse From(HttpResponseMessage response)
        => new(response.StatusCode, ResponseReader.CollectHeaders(response), ApiResponseInfo.FromResponse(response));

    private static InvalidOperationException NoResponse()
        => new("The call completed without receiving a response through a SpecClient connection (was it a fake, or did it send nothing?).");

    /// <summary>Creates a response (for tests and mocks; generated clients receive it from <see cref="ApiConnection"/>).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">The response's headers and content headers, by name (compare names ignoring case).</param>
    /// <param name="info">The headers' meaning (rate limits, deprecation).</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="info"/> is null.</exception>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ApiResponseInfo info)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(info);
        StatusCode = statusCode;
        Headers = headers;
        Info = info;
    }

    /// <summary>The response's HTTP status (the final one, after the handlers' retries).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The response's headers and content headers, by name ignoring case, each with all its values; copied from the
    /// response, so they stay readable after the call.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>What the headers say about the API: rate-limit budget, Retry-After, deprecation and sunset.</summary>
    public ApiResponseInfo Info { get; }

    /// <summary>The first value of a header, or null when the response does not carry it.</summary>
    /// <param name="name">The header's name, in any case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public string? GetHeaderValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Headers.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0] : null;
    }
}

/// <summary>
/// A successful response's result with its status and headers, like Azure's <c>Response&lt;T&gt;</c>: what
/// <see cref="ApiResponse.CaptureAsync{T}"/> returns for any call of a generated client, or of
/// <see cref="ApiConnection"/>'s <c>Send…</c> methods for code that builds its own requests.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates a response (for tests and mocks; generated clients receive it from <see cref="ApiConnection"/>).</summary>
    /// <param name="value">The result read from the body.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">The response's headers and content headers, by name (compare names ignoring case).</param>
    /// <param name="info">The headers' meaning (rate limits, deprecation).</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="info"/> is null.</exception>
    public ApiResponse(T value, HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ApiResponseInfo info)
        : base(statusCode, headers, info)
    {
        Value = value;
    }

    /// <summary>The result read from the body.</summary>
    public T Value { get; }
}
