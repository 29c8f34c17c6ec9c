using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SpecClient.Simulator.Auth;
using SpecClient.Simulator.Discovery;
using SpecClient.Simulator.Invitations;
using SpecClient.Simulator.Json;
using SpecClient.Simulator.Users;

namespace SpecClient.Simulator.Http;

/// <summary>
/// The whole request pipeline, in the order the checks apply:
/// faults → OAuth endpoints → API prefix → authentication (401) → rate limit (429) →
/// version negotiation (Atlas: 406/410) → route (404) → method (405) → path ids (400) →
/// organization/project exists (404) → role (403) → the operation.
/// </summary>
internal sealed class SimulatorPipeline
{
    private readonly bool _enforceSunset;
    private readonly Action<string>? _log;
    private readonly SimulatorState _state;
    private readonly SimulatorFaults _faults;
    private readonly TimeProvider _time;
    private readonly DigestAuthenticator _digest;
    private readonly OAuthTokenStore _tokens;
    private readonly OAuthEndpoints _oauth;
    private readonly InvitationEndpoints _invitations;
    private readonly DiscoveryEndpoints _discovery;
    private readonly UserEndpoints _users;
    private readonly TokenBucketLimiter? _limiter;

    internal SimulatorPipeline(SimulatorOptions options, TimeProvider clock, SimulatorState state, SimulatorFaults faults)
    {
        // Options are read once: changing the options object after start has no effect.
        _enforceSunset = options.SunsetEnforced;
        _log = options.Log;
        _state = state;
        _faults = faults;
        _time = clock;
        _digest = new DigestAuthenticator(_time, options.NonceLifetime);
        _tokens = new OAuthTokenStore(_time, options.AccessTokenLifetime);
        _oauth = new OAuthEndpoints(state, _tokens);
        _invitations = new InvitationEndpoints(state);
        _discovery = new DiscoveryEndpoints(state);
        _users = new UserEndpoints(state);
        _limiter = options.RateLimit is null ? null : new TokenBucketLimiter(options.RateLimit, _time);
    }

    internal async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await JsonResponses.WriteErrorAsync(context, default, JsonResponses.Error(ex.StatusCode, "VALIDATION_ERROR", ex.Message));
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await JsonResponses.WriteErrorAsync(context, default, JsonResponses.Error(StatusCodes.Status500InternalServerError, "UNEXPECTED_ERROR", $"Unexpected error: {ex.GetType().Name}: {ex.Message}"));
        }

        _log?.Invoke($"{context.Request.Method} {RawTarget(context)} -> {(context.RequestAborted.IsCancellationRequested ? "aborted" : context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        _faults.CountRequest(path == OAuthEndpoints.TokenPath);

        FaultDecision fault = _faults.Take(path);
        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
        }

        if (fault.Abort)
        {
            context.Abort();
            return;
        }

        if (fault.Response is { } raw)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(raw.Body);
            context.Response.StatusCode = raw.StatusCode;
            context.Response.ContentType = raw.ContentType;
            context.Response.ContentLength = raw.CutOff ? bytes.Length + 1024 : bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            if (raw.CutOff)
            {
                // Kestrel sends what was written, then closes the connection short of the declared length.
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            return;
        }

        var format = ResponseFormat.FromQuery(context.Request.Query);
        if (fault.StatusCode is int injected)
        {
            if (fault.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await JsonResponses.WriteErrorAsync(context, format, InjectedError(injected));
            return;
        }

        if (path == OAuthEndpoints.TokenPath)
        {
            await _oauth.TokenAsync(context);
            return;
        }

        if (path == OAuthEndpoints.RevokePath)
        {
            await _oauth.RevokeAsync(context);
            return;
        }

        if (!ApiRoute.TryGetFlavor(path, out ApiFlavor flavor, out string prefix))
        {
            await JsonResponses.WriteErrorAsync(context, format, NotFound(path));
            return;
        }

        var call = new ApiCall(context, flavor, prefix, format);
        if (!await AuthenticateAsync(call) || !await ApplyRateLimitAsync(call))
        {
            return;
        }

        if (flavor == ApiFlavor.Atlas && !ApiVersioning.TryResolve(context.Request.Headers.Accept, out _))
        {
            await call.WriteErrorAsync(StatusCodes.Status406NotAcceptable, "INVALID_VERSION_DATE", "Invalid accept header or version date.");
            return;
        }

        string rest = path[prefix.Length..];
        if (DiscoveryEndpoints.Matches(rest))
        {
            // Organizations and projects the caller reaches (added for samples/InviteJanitor).
            await _discovery.HandleAsync(call, rest);
            return;
        }

        if (flavor == ApiFlavor.Atlas && UserRoute.Match(rest) is { } userRoute)
        {
            // The MongoDB Cloud users API (Atlas only; never sunset).
            await _users.HandleAsync(call, userRoute);
            return;
        }

        ApiRoute? route = ApiRoute.Match(path.AsSpan(prefix.Length));
        if (route is null)
        {
            await JsonResponses.WriteErrorAsync(context, format, NotFound(path));
            return;
        }

        call.Route = route;
        if (flavor == ApiFlavor.Atlas)
        {
            if (_enforceSunset && _time.GetUtcNow() >= ApiVersioning.Sunset)
            {
                await call.WriteErrorAsync(
                    StatusCodes.Status410Gone,
                    "VERSION_GONE",
                    $"API version {ApiVersioning.InviteResourceVersion:yyyy-MM-dd} of this resource was sunset on {ApiVersioning.Sunset:yyyy-MM-dd}.",
                    [ApiVersioning.InviteResourceVersion.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
                return;
            }

            context.Response.Headers["Deprecation"] = ApiVersioning.HttpDate(route.Scope == InvitationScope.Org ? ApiVersioning.OrgDeprecation : ApiVersioning.GroupDeprecation);
            context.Response.Headers["Sunset"] = ApiVersioning.HttpDate(ApiVersioning.Sunset);
        }

        await DispatchAsync(call);
    }

    private async Task DispatchAsync(ApiCall call)
    {
        ApiRoute route = call.Route;
        string method = call.Http.Request.Method;
        Func<ApiCall, Task>? operation = route.InvitationId is null
            ? method switch
            {
                "GET" => _invitations.ListAsync,
                "POST" => _invitations.CreateAsync,
                "PATCH" => _invitations.UpdateByUsernameAsync,
                _ => null,
            }
            : method switch
            {
                "GET" => _invitations.GetAsync,
                "PATCH" => _invitations.UpdateByIdAsync,
                "DELETE" => _invitations.DeleteAsync,
                _ => null,
            };
        if (operation is null)
        {
            string allow = route.InvitationId is null ? "GET, POST, PATCH" : "GET, PATCH, DELETE";
            call.Http.Response.Headers.Allow = allow;
            await call.WriteErrorAsync(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"Method {method} is not allowed here; use {allow}.", [method]);
            return;
        }

        if (await InvitationRules.WriteInvalidPathIdsAsync(call, (route.ContainerParameter, route.ContainerId), ("invitationId", route.InvitationId)))
        {
            return;
        }

        // Unknown organization/project → 404 before the role check (so an owner learns nothing it
        // couldn't anyway, and a typo in an id reads as "not found", not "forbidden").
        bool allowed;
        if (route.Scope == InvitationScope.Org)
        {
            if (_state.FindOrganization(route.ContainerId) is null)
            {
                await call.WriteErrorAsync(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", $"No organization with ID {route.ContainerId} exists.", [route.ContainerId]);
                return;
            }

            allowed = call.Principal.CanManageOrgInvitations(route.ContainerId);
        }
        else
        {
            SeedProject? project = _state.FindProject(route.ContainerId);
            if (project is null)
            {
                await call.WriteErrorAsync(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", $"No project with ID {route.ContainerId} exists.", [route.ContainerId]);
                return;
            }

            allowed = call.Principal.CanManageGroupInvitations(route.ContainerId, project.OrgId);
        }

        if (!allowed)
        {
            // Choice: no source names the code for a missing role; USER_UNAUTHORIZED with 403.
            string role = route.Scope == InvitationScope.Org ? "Organization Owner" : "Project Owner";
            await call.WriteErrorAsync(
                StatusCodes.Status403Forbidden,
                "USER_UNAUTHORIZED",
                $"Current user is not authorized to perform this action: it requires the {role} role on {route.ContainerId}.",
                [call.Principal.Id, route.ContainerId]);
            return;
        }

        await operation(call);
    }

    /// <summary>
    /// Digest (API keys) or Bearer (service-account tokens); Cloud Manager accepts both too.
    /// Every failure answers 401 with the same generic ApiError, never saying what was wrong.
    /// </summary>
    private async Task<bool> AuthenticateAsync(ApiCall call)
    {
        HttpContext context = call.Http;
        string authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            string? clientId = _tokens.Validate(authorization[7..].Trim());
            SeedServiceAccount? account = clientId is null ? null : _state.FindServiceAccount(clientId);
            if (account is null)
            {
                // Choice: a bad Bearer token gets a Bearer challenge (RFC 6750), not a digest one.
                context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{DigestAuthenticator.Realm}\", error=\"invalid_token\"";
                await WriteUnauthorizedAsync(call);
                return false;
            }

            call.Principal = new Principal(PrincipalKind.ServiceAccount, account.ClientId, account.Roles);
            return true;
        }

        bool stale = false;
        if (authorization.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            var parameters = DigestHeader.ParseParameters(authorization.AsSpan(7));
            if (parameters is not null)
            {
                DigestOutcome outcome = _digest.Validate(
                    parameters,
                    context.Request.Method,
                    RawTarget(context),
                    publicKey => _state.FindApiKey(publicKey)?.PrivateKey,
                    out string? publicKey);
                if (outcome == DigestOutcome.Success)
                {
                    SeedApiKey key = _state.FindApiKey(publicKey!)!;
                    call.Principal = new Principal(PrincipalKind.ApiKey, key.PublicKey, key.Roles);
                    return true;
                }

                stale = outcome == DigestOutcome.Stale;
            }
        }

        context.Response.Headers.WWWAuthenticate = _digest.CreateChallenge(stale);
        _faults.CountDigestChallenge();
        await WriteUnauthorizedAsync(call);
        return false;
    }

    // Choice: the service's code for a failed authentication is not documented (the spec example,
    // NOT_ORG_GROUP_CREATOR, is only an example); the simulator answers UNAUTHORIZED.
    private static Task WriteUnauthorizedAsync(ApiCall call)
        => call.WriteErrorAsync(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "You are not authorized for this resource.");

    /// <summary>One token per request from the caller's bucket; RateLimit-* headers on every answer while limiting is on.</summary>
    private async Task<bool> ApplyRateLimitAsync(ApiCall call)
    {
        if (_limiter is null)
        {
            return true;
        }

        RateLimitDecision decision = _limiter.TryAcquire(call.Principal.BucketKey);
        IHeaderDictionary headers = call.Http.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            return true;
        }

        _faults.CountRateLimited();
        headers.RetryAfter = decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await call.WriteErrorAsync(
            StatusCodes.Status429TooManyRequests,
            "RATE_LIMITED_TOKEN_BUCKET",
            $"You have exceeded the rate limit for this credential. Please retry after {decision.RetryAfterSeconds} seconds to avoid further throttling.",
            [decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return false;
    }

    private static ApiErrorDto InjectedError(int status) => status switch
    {
        StatusCodes.Status503ServiceUnavailable => JsonResponses.Error(status, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable. Please try again later."),
        StatusCodes.Status429TooManyRequests => JsonResponses.Error(status, "RATE_LIMITED", "Too many requests. Please retry later."),
        StatusCodes.Status500InternalServerError => JsonResponses.Error(status, "UNEXPECTED_ERROR", "An unexpected error occurred (injected by the simulator)."),
        _ => JsonResponses.Error(status, status >= 500 ? "UNEXPECTED_ERROR" : "INJECTED_FAULT", "Failure injected by the simulator."),
    };

    private static ApiErrorDto NotFound(string path)
        => JsonResponses.Error(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", $"Cannot find resource {path}.", [path]);

    /// <summary>The request target exactly as sent on the request line: the digest <c>uri</c> must equal it.</summary>
    private static string RawTarget(HttpContext context)
        => context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.PathBase + context.Request.Path + context.Request.QueryString;
}
