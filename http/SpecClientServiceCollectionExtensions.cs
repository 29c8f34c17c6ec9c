using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SpecClient.Runtime;

/// <summary>Registers generated clients with IHttpClientFactory and SpecClient's handler chain.</summary>
public static class SpecClientServiceCollectionExtensions
{
    /// <summary>The suffix of the named client that sends a service account's token requests (<c>{name}.OAuth</c>).</summary>
    public const string TokenClientSuffix = ".OAuth";

    /// <summary>
    /// Registers <typeparamref name="TClient"/> (transient) over a named HttpClient (named after the client type's full
    /// name) with SpecClient's chain: <see cref="DiagnosticsHandler"/> → resilience handler (total timeout, retries,
    /// attempt timeout) → authentication by the credentials set → primary handler. The options are validated at
    /// startup (ValidateOnStart) and on first use.
    /// </summary>
    /// <typeparam name="TClient">The generated root client, such as <c>AtlasClient</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="createClient">Creates the client over the HttpClient, such as <c>http =&gt; new AtlasClient(http)</c>.</param>
    /// <param name="configure">
    /// Sets the options (base address, credentials, retries…), or binds them from configuration:
    /// <c>options =&gt; configuration.GetSection("Atlas").Bind(options)</c> reads <c>Atlas:BaseAddress</c>,
    /// <c>Atlas:Digest:UserName</c>, <c>Atlas:Retry:MaxRetryAttempts</c> and so on (environment variables
    /// <c>Atlas__Digest__UserName</c>…).
    /// </param>
    /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
    /// <example><code>
    /// services.AddSpecClient(http => new AtlasClient(http), options =>
    /// {
    ///     options.BaseAddress = new Uri("https://cloud.mongodb.com/");
    ///     options.ClientId = configuration["Atlas:ClientId"];
    ///     options.ClientSecret = configuration["Atlas:ClientSecret"];
    /// });
    /// </code></example>
    public static IHttpClientBuilder AddSpecClient<TClient>(this IServiceCollection services, Func<HttpClient, TClient> createClient, Action<SpecClientOptions> configure)
        where TClient : class
        => services.AddSpecClient(ClientName<TClient>(), createClient, configure);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> over the named HttpClient <paramref name="name"/>; see
    /// <see cref="AddSpecClient{TClient}(IServiceCollection, Func{HttpClient, TClient}, Action{SpecClientOptions})"/>.
    /// A service account's <see cref="OAuthTokenSource"/> is a keyed singleton under <paramref name="name"/>
    /// (for <see cref="OAuthTokenSource.RevokeAsync"/>); its token requests go through the named client
    /// <c>{name}.OAuth</c>.
    /// </summary>
    /// <typeparam name="TClient">The generated root client, such as <c>AtlasClient</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The HttpClient's and the options' name.</param>
    /// <param name="createClient">Creates the client over the HttpClient.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddSpecClient<TClient>(this IServiceCollection services, string name, Func<HttpClient, TClient> createClient, Action<SpecClientOptions> configure)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(createClient);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SpecClientOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpecClientOptions>, SpecClientOptionsValidator>());

        // One token source per client for the container's lifetime: IHttpClientFactory rebuilds handler chains every
        // few minutes, and a token must outlive them.
        services.AddHttpClient(name + TokenClientSuffix);
        services.TryAddKeyedSingleton(name, (provider, _) =>
        {
            SpecClientOptions options = Options(provider, name);
            IHttpMessageHandlerFactory handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
            return new OAuthTokenSource(options.ToOAuthOptions(), () => handlers.CreateHandler(name + TokenClientSuffix), Logger(provider));
        });

        IHttpClientBuilder builder = services.AddHttpClient(name, (provider, http) => SpecClientHttp.Configure(http, Options(provider, name)));
        builder.AddHttpMessageHandler(() => new TimeoutHandler());
        builder.AddHttpMessageHandler(provider => new DiagnosticsHandler(Logger(provider), Options(provider, name).OnResponse));
        builder.AddResilienceHandler(SpecClientResilience.PipelineName, (pipeline, context) =>
            SpecClientResilience.Configure(pipeline, Options(context.ServiceProvider, name), Logger(context.ServiceProvider)));
        builder.AddHttpMessageHandler(provider =>
        {
            SpecClientOptions options = Options(provider, name);
            return options.UsesServiceAccount
                ? new OAuthClientCredentialsHandler(provider.GetRequiredKeyedService<OAuthTokenSource>(name), Logger(provider))
                : options.UsesDigest
                    ? new DigestAuthenticationHandler(options.Digest!.UserName!, options.Digest.Password!, Logger(provider))
                    : new PassThroughHandler();
        });
        builder.AddTypedClient(createClient);
        return builder;
    }

    /// <summary>The default client name of <typeparamref name="TClient"/>: its full type name.</summary>
    /// <typeparam name="TClient">The generated root client.</typeparam>
    public static string ClientName<TClient>() => typeof(TClient).FullName ?? typeof(TClient).Name;

    private static SpecClientOptions Options(IServiceProvider provider, string name)
        => provider.GetRequiredService<IOptionsMonitor<SpecClientOptions>>().Get(name);

    private static ILogger Logger(IServiceProvider provider)
        => (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(SpecClientLog.Category);

    /// <summary>Stands where authentication would, when none is configured.</summary>
    private sealed class PassThroughHandler : DelegatingHandler
    {
    }
}
