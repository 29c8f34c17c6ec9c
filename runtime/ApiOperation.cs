using System;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// What one operation of the spec is: its operationId, method, path template and API version. Generated clients
/// create one per operation, once (a <see langword="static"/> <see langword="readonly"/> field), and pass it to
/// <see cref="ApiConnection.CreateRequest(ApiOperation, string, string)"/>; it then travels with the request (read it
/// with <see cref="FromRequest"/>), names the call's trace and tags its metrics, and lets a
/// <see cref="DelegatingHandler"/> tell operations apart without parsing URIs.
/// </summary>
public sealed class ApiOperation
{
    /// <summary>Creates the descriptor of an operation.</summary>
    /// <param name="operationId">The spec's operationId (<c>listOrgInvites</c>).</param>
    /// <param name="method">The operation's HTTP method.</param>
    /// <param name="pathTemplate">The path as the spec writes it, with its parameters unexpanded (<c>/api/atlas/v2/orgs/{orgId}/invites</c>).</param>
    /// <param name="apiVersion">The API version the client was generated for (<c>2025-03-12</c>), or null when the API has none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="operationId"/>, <paramref name="method"/> or <paramref name="pathTemplate"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="operationId"/> or <paramref name="pathTemplate"/> is empty.</exception>
    public ApiOperation(string operationId, HttpMethod method, string pathTemplate, string? apiVersion = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(pathTemplate);
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        ApiVersion = string.IsNullOrEmpty(apiVersion) ? null : apiVersion;
    }

    /// <summary>Creates the descriptor of an operation whose method is given by name (<c>GET</c>), as generated clients do.</summary>
    /// <param name="operationId">The spec's operationId (<c>listOrgInvites</c>).</param>
    /// <param name="method">The operation's HTTP method, upper case: the standard ones share <see cref="HttpMethod"/>'s instances.</param>
    /// <param name="pathTemplate">The path as the spec writes it, with its parameters unexpanded.</param>
    /// <param name="apiVersion">The API version the client was generated for, or null when the API has none.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public ApiOperation(string operationId, string method, string pathTemplate, string? apiVersion = null)
        : this(operationId, KnownMethod(method), pathTemplate, apiVersion)
    {
    }

    /// <summary>The spec's operationId; also the name of the call's <see cref="System.Diagnostics.Activity"/>.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method every request of this operation uses.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path as the spec writes it, with its parameters unexpanded; the <c>url.template</c> of traces and metrics.</summary>
    public string PathTemplate { get; }

    /// <summary>The API version the client was generated for, or null when the API has none.</summary>
    public string? ApiVersion { get; }

    /// <summary>
    /// The operation a request was created for, or null for a request made without one (or copied into a new
    /// <see cref="HttpRequestMessage"/> by a handler: the operation belongs to the request object).
    /// </summary>
    /// <param name="request">A request, typically seen by a <see cref="DelegatingHandler"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static ApiOperation? FromRequest(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request as OperationRequest)?.Operation;
    }

    /// <summary><c>GET /api/atlas/v2/orgs/{orgId}/invites (listOrgInvites)</c>.</summary>
    public override string ToString() => Method.Method + " " + PathTemplate + " (" + OperationId + ")";

    private static HttpMethod KnownMethod(string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        return method switch
        {
            "GET" => HttpMethod.Get,
            "PUT" => HttpMethod.Put,
            "POST" => HttpMethod.Post,
            "DELETE" => HttpMethod.Delete,
            "PATCH" => HttpMethod.Patch,
            "HEAD" => HttpMethod.Head,
            "OPTIONS" => HttpMethod.Options,
            "TRACE" => HttpMethod.Trace,
            _ => new HttpMethod(method),
        };
    }
}

/// <summary>
/// A request that knows its operation. A field of the request costs nothing per call; the request's
/// <see cref="HttpRequestMessage.Options"/> would allocate their dictionary on every call (about 200 bytes), listened
/// to or not.
/// </summary>
internal sealed class OperationRequest : HttpRequestMessage
{
    public OperationRequest(ApiOperation operation, Uri requestUri)
        : base(operation.Method, requestUri)
    {
        Operation = operation;
    }

    public ApiOperation Operation { get; }
}
