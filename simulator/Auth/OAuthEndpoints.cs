using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SpecClient.Simulator.Http;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator.Auth;

/// <summary>
/// <c>POST /api/oauth/token</c> (client credentials) and <c>POST /api/oauth/revoke</c> (RFC 7009),
/// both with <c>Authorization: Basic base64(clientId:clientSecret)</c> and a form body. Errors are
/// OAuth-style <c>{"error": …, "error_description": …}</c>; envelope/pretty don't apply here.
/// </summary>
internal sealed class OAuthEndpoints
{
    internal const string TokenPath = "/api/oauth/token";
    internal const string RevokePath = "/api/oauth/revoke";

    private readonly SimulatorState _state;
    private readonly OAuthTokenStore _tokens;

    internal OAuthEndpoints(SimulatorState state, OAuthTokenStore tokens)
    {
        _state = state;
        _tokens = tokens;
    }

    internal async Task TokenAsync(HttpContext context)
    {
        if (await ReadClientRequestAsync(context) is not (SeedServiceAccount account, IFormCollection form))
        {
            return;
        }

        string grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The grant_type parameter is missing.");
            return;
        }

        if (grantType != "client_credentials")
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", $"The grant type '{grantType}' is not supported; use client_credentials.");
            return;
        }

        var response = new OAuthTokenResponseDto
        {
            AccessToken = _tokens.Issue(account.ClientId),
            ExpiresIn = _tokens.ExpiresInSeconds,
            TokenType = "Bearer",
        };
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, response, SimulatorJsonContext.Default.OAuthTokenResponseDto, "application/json", default);
    }

    /// <summary>The authenticated client and its form body; null when an error answer has been written instead.</summary>
    private async Task<(SeedServiceAccount Account, IFormCollection Form)?> ReadClientRequestAsync(HttpContext context)
    {
        SeedServiceAccount? account = await AuthenticateClientAsync(context);
        if (account is null)
        {
            return null;
        }

        IFormCollection? form = await ReadFormAsync(context);
        return form is null ? null : (account, form);
    }

    internal async Task RevokeAsync(HttpContext context)
    {
        if (await ReadClientRequestAsync(context) is not (SeedServiceAccount account, IFormCollection form))
        {
            return;
        }

        string token = form["token"].ToString();
        if (token.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The token parameter is missing.");
            return;
        }

        // token_type_hint is only a hint (RFC 7009 §2.1): access tokens are the only kind anyway.
        _tokens.Revoke(token, account.ClientId);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
    }

    /// <summary>Checks the method and the Basic credentials; answers the error itself and returns null on failure.</summary>
    private async Task<SeedServiceAccount?> AuthenticateClientAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "invalid_request", "This endpoint accepts POST only.");
            return null;
        }

        SeedServiceAccount? account = FindClient(context.Request.Headers.Authorization.ToString());
        if (account is null)
        {
            context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{DigestAuthenticator.Realm}\"";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.");
        }

        return account;
    }

    private SeedServiceAccount? FindClient(string authorization)
    {
        const string Scheme = "Basic ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        string clientId = decoded[..colon];
        string secret = decoded[(colon + 1)..];

        // RFC 6749 §2.3.1 form-encodes both parts before Base64; most clients don't. Accept both.
        SeedServiceAccount? account = _state.FindServiceAccount(clientId) ?? _state.FindServiceAccount(FormDecode(clientId));
        if (account is null)
        {
            return null;
        }

        byte[] expected = Encoding.UTF8.GetBytes(account.ClientSecret);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(secret))
            || CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(FormDecode(secret)))
            ? account
            : null;
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The request body must be application/x-www-form-urlencoded.");
            return null;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The form body is malformed.");
            return null;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string error, string description)
        => JsonResponses.WriteAsync(
            context,
            status,
            new OAuthErrorDto { Error = error, ErrorDescription = description },
            SimulatorJsonContext.Default.OAuthErrorDto,
            "application/json",
            default);
}
