using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SpecClient.Simulator.Auth;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator.Http;

/// <summary>One request on an API path, as it moves through the pipeline.</summary>
internal sealed class ApiCall
{
    internal ApiCall(HttpContext http, ApiFlavor flavor, string prefix, ResponseFormat format)
    {
        Http = http;
        Flavor = flavor;
        Prefix = prefix;
        Format = format;
    }

    internal HttpContext Http { get; }

    internal ApiFlavor Flavor { get; }

    /// <summary><c>/api/atlas/v2</c> or <c>/api/public/v1.0</c>.</summary>
    internal string Prefix { get; }

    internal ResponseFormat Format { get; }

    /// <summary>Set once the path matched an invitation route.</summary>
    internal ApiRoute Route { get; set; } = null!;

    /// <summary>Set once the request is authenticated.</summary>
    internal Principal Principal { get; set; } = null!;

    /// <summary>The Atlas resource version that answers (2023-01-01 unless an operation has a later one).</summary>
    internal DateOnly ResourceVersion { get; set; } = ApiVersioning.InviteResourceVersion;

    internal string SuccessContentType => Flavor == ApiFlavor.Atlas ? ApiVersioning.ContentType(ResourceVersion) : "application/json";

    internal Task WriteAsync<T>(int status, T value, JsonTypeInfo<T> typeInfo)
        => JsonResponses.WriteAsync(Http, status, value, typeInfo, SuccessContentType, Format);

    internal Task WriteErrorAsync(int status, string errorCode, string detail, IEnumerable<string>? parameters = null, List<FieldViolationDto>? fields = null)
        => JsonResponses.WriteErrorAsync(Http, Format, JsonResponses.Error(status, errorCode, detail, parameters, fields));

    /// <summary>
    /// Writes a paginated list: with <c>envelope=true</c> the caller has put <c>status</c> into the
    /// page itself (ATLAS.md §6), so it is written as is, never wrapped.
    /// </summary>
    internal Task WritePageAsync<T>(int status, T page, JsonTypeInfo<T> typeInfo)
        => JsonResponses.WriteAsync(Http, status, page, typeInfo, SuccessContentType, Format with { Envelope = false });

    /// <summary>The URL the client called (path and query), on the host it called.</summary>
    internal string RequestUrl => $"{Http.Request.Scheme}://{Http.Request.Host}{Http.Request.Path}{Http.Request.QueryString}";

    /// <summary>The self link of an invitation, on the host the client called.</summary>
    internal string SelfLink(InvitationScope scope, string containerId, string invitationId)
        => $"{Http.Request.Scheme}://{Http.Request.Host}{Prefix}/{(scope == InvitationScope.Org ? "orgs" : "groups")}/{containerId}/invites/{invitationId}";
}
