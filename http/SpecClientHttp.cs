using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace SpecClient.Runtime;

/// <summary>
/// SpecClient's HTTP chain without dependency injection. Outermost first:
/// <see cref="DiagnosticsHandler"/> (response metadata, logs) → resilience (total timeout, retries, attempt timeout) →
/// authentication (<see cref="OAuthClientCredentialsHandler"/> or <see cref="DigestAuthenticationHandler"/>, by the
/// credentials set) → the primary handler. With DI, <c>services.AddSpecClient</c> builds the same chain.
/// </summary>
/// <example>
/// <code>
/// using HttpClient http = SpecClientHttp.CreateHttpClient(new SpecClientOptions
/// {
///     BaseAddress = new Uri("https://cloud.mongodb.com/"),
///     ClientId = Environment.GetEnvironmentVariable("MONGODB_ATLAS_CLIENT_ID"),
///     ClientSecret = Environment.GetEnvironmentVariable("MONGODB_ATLAS_CLIENT_SECRET"),
/// }, loggerFactory);
/// var atlas = new AtlasClient(http);
/// </code>
/// </example>
public static class SpecClientHttp
{
    /// <summary>
    /// Creates an HttpClient with SpecClient's chain: its BaseAddress is <see cref="SpecClientOptions.BaseAddress"/>,
    /// its own timeout is off (the pipeline's apply) and its MaxResponseContentBufferSize is
    /// <see cref="SpecClientOptions.MaxResponseBytes"/>. Disposing it disposes the chain.
    /// </summary>
    /// <param name="options">The settings; validated first.</param>
    /// <param name="loggerFactory">Where the events go (category <c>SpecClient</c>); none by default.</param>
    /// <param name="primaryHandler">The handler that talks to the network (disposed with the client); a SocketsHttpHandler by default.</param>
    /// <param name="tokens">
    /// A service account's token source to use (and share, and later <see cref="OAuthTokenSource.RevokeAsync"/>); not disposed
    /// with the client. Null: one is made from the options when they name a service account.
    /// </param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public static HttpClient CreateHttpClient(SpecClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null, OAuthTokenSource? tokens = null)
    {
        HttpMessageHandler handler = CreateHandler(options, loggerFactory, primaryHandler, tokens);
        var client = new HttpClient(handler, disposeHandler: true);
        Configure(client, options);
        return client;
    }

    /// <summary>Creates SpecClient's handler chain, for an HttpClient of your own.</summary>
    /// <param name="options">The settings; validated first.</param>
    /// <param name="loggerFactory">Where the events go (category <c>SpecClient</c>); none by default.</param>
    /// <param name="primaryHandler">The handler that talks to the network (disposed with the chain); a SocketsHttpHandler by default.</param>
    /// <param name="tokens">A service account's token source to use; not disposed with the chain. Null: made from the options if needed.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public static HttpMessageHandler CreateHandler(SpecClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null, OAuthTokenSource? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SpecClientOptionsValidator.ThrowIfInvalid(options, Options.DefaultName);
        ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(SpecClientLog.Category);
        HttpMessageHandler primary = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

        HttpMessageHandler inner = primary;
        if (options.UsesServiceAccount || tokens is not null)
        {
            // The token requests share the primary handler's connections; the handler's own source dies with it.
            inner = tokens is not null
                ? new OAuthClientCredentialsHandler(tokens, logger) { InnerHandler = primary }
                : new OAuthClientCredentialsHandler(options.ToOAuthOptions(), logger) { InnerHandler = primary };
        }
        else if (options.UsesDigest)
        {
            inner = new DigestAuthenticationHandler(options.Digest!.UserName!, options.Digest.Password!, primary, logger);
        }

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        SpecClientResilience.Configure(pipeline, options, logger);
        var resilience = new ResilienceHandler(pipeline.Build()) { InnerHandler = inner };
        var diagnostics = new DiagnosticsHandler(logger, options.OnResponse) { InnerHandler = resilience };
        return new TimeoutHandler { InnerHandler = diagnostics };
    }

    /// <summary>
    /// Applies the options to an HttpClient: base address, no own timeout, the response size limit, and strict
    /// reading, which HttpClient has no property for: it is remembered beside the client for the connection made over it.
    /// </summary>
    internal static void Configure(HttpClient client, SpecClientOptions options)
    {
        client.BaseAddress = options.BaseAddress;
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.MaxResponseContentBufferSize = options.MaxResponseBytes;
        StrictReading.Remember(client, options.StrictResponseReading);
    }
}
