#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpecClient.Integration.Tests.Infrastructure;
using SpecClient.Runtime;
using SpecClient.Simulator;
using Xunit;
using V20230201 = SpecClient.Atlas.V20230201;
using V20250312 = SpecClient.Atlas.V20250312;

namespace SpecClient.Integration.Tests;

/// <summary><c>services.AddSpecClient</c>: IHttpClientFactory, the same chain, options validated at startup.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddSpecClientResolvesAClientThatWorks()
    {
        await using TestServer server = await TestServer.StartAsync();
        await using ServiceProvider provider = Build(server, services => services.AddSpecClient(http => new V20250312.AtlasClient(http), o => ServiceAccount(o, server)));

        provider.GetRequiredService<IStartupValidator>().Validate();
        var atlas = provider.GetRequiredService<V20250312.AtlasClient>();

        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.Equal(server.BaseAddress, atlas.Connection.BaseAddress);
        Assert.Single(server.Logs.Named("ResponseReceived"));

        // Every logger of the container (IHttpClientFactory's and Polly's included) stays clear of credentials.
        string token = await provider.GetRequiredKeyedService<OAuthTokenSource>(SpecClientServiceCollectionExtensions.ClientName<V20250312.AtlasClient>()).GetAccessTokenAsync();
        Assert.DoesNotContain(token, server.Logs.AllText);
        Assert.DoesNotContain(SimulatorDemo.ClientSecret, server.Logs.AllText);
    }

    [Fact]
    public async Task ClientsResolvedOverTimeShareOneTokenAndCanRevokeIt()
    {
        await using TestServer server = await TestServer.StartAsync();
        string name = SpecClientServiceCollectionExtensions.ClientName<V20250312.AtlasClient>();
        await using ServiceProvider provider = Build(server, services => services
            .AddSpecClient(http => new V20250312.AtlasClient(http), o => ServiceAccount(o, server))
            .SetHandlerLifetime(TimeSpan.FromSeconds(1))); // the shortest IHttpClientFactory allows

        await provider.GetRequiredService<V20250312.AtlasClient>().Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await provider.GetRequiredService<V20250312.AtlasClient>().Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId); // a new chain

        Assert.Equal(1, server.Faults.TokenRequestCount);
        await provider.GetRequiredKeyedService<OAuthTokenSource>(name).RevokeAsync();
        await provider.GetRequiredService<V20250312.AtlasClient>().Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        Assert.Equal(2, server.Faults.TokenRequestCount);
    }

    [Fact]
    public async Task ApiKeyDigestAndRetriesWorkThroughTheFactory()
    {
        await using TestServer server = await TestServer.StartAsync();
        await using ServiceProvider provider = Build(server, services => services.AddSpecClient(http => new V20250312.AtlasClient(http), o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.PublicApiKey = SimulatorDemo.PublicKey;
            o.PrivateApiKey = SimulatorDemo.PrivateKey;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        }));
        var atlas = provider.GetRequiredService<V20250312.AtlasClient>();
        await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId);
        server.Faults.FailNext(1, 503, retryAfter: TimeSpan.Zero, pathPrefix: "/api/atlas/v2/");

        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));

        Assert.Equal(4, server.Faults.RequestCount); // challenge + answer, then the 503 and its retry
        Assert.Single(server.Logs.Named("Retrying"));
    }

    [Fact]
    public async Task TwoApiVersionsLiveSideBySide()
    {
        await using TestServer server = await TestServer.StartAsync();
        await using ServiceProvider provider = Build(server, services =>
        {
            services.AddSpecClient(http => new V20250312.AtlasClient(http), o => ServiceAccount(o, server));
            services.AddSpecClient(http => new V20230201.AtlasClient(http), o => ServiceAccount(o, server));
        });

        Assert.NotEmpty(await provider.GetRequiredService<V20250312.AtlasClient>().Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.NotEmpty(await provider.GetRequiredService<V20230201.AtlasClient>().Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.Equal(2, server.Faults.TokenRequestCount); // one token source per registration
    }

    [Fact]
    public void MissingClientSecretFailsAtStartupWithAClearMessage()
    {
        var services = new ServiceCollection();
        services.AddSpecClient(http => new V20250312.AtlasClient(http), o =>
        {
            o.BaseAddress = new Uri("https://cloud.mongodb.com/");
            o.ClientId = "mdb_sa_id_someone";
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(
            $"SpecClientOptions '{SpecClientServiceCollectionExtensions.ClientName<V20250312.AtlasClient>()}': ClientSecret is missing: the service account 'mdb_sa_id_someone' needs both ClientId and ClientSecret.",
            error.Message);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<V20250312.AtlasClient>());
    }

    [Fact]
    public void RelativeBaseAddressAndOtherProblemsAreAllReported()
    {
        var services = new ServiceCollection();
        services.AddSpecClient("atlas", http => new V20250312.AtlasClient(http), o =>
        {
            o.BaseAddress = new Uri("api/atlas", UriKind.Relative);
            o.PublicApiKey = "public";
            o.PrivateApiKey = "private-key-value";
            o.ClientId = "id";
            o.ClientSecret = "secret-value";
            o.Retry.MaxRetryAttempts = 50;
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "SpecClientOptions 'atlas': BaseAddress must be an absolute http or https URL, such as https://cloud.mongodb.com/; 'api/atlas' is relative.",
                "SpecClientOptions 'atlas': set either a service account (ClientId, ClientSecret) or an API key (PublicApiKey, PrivateApiKey), not both.",
                "SpecClientOptions 'atlas': Retry.MaxRetryAttempts must be between 0 and 10; it is 50.",
                "SpecClientOptions 'atlas': Timeout (00:01:40) covers all attempts and must not be shorter than AttemptTimeout (00:05:00).",
            ],
            error.Failures);
        Assert.DoesNotContain("secret-value", error.Message);
        Assert.DoesNotContain("private-key-value", error.Message);
    }

    [Fact]
    public void WithoutDependencyInjectionTheSameValidationThrowsBeforeAnythingIsBuilt()
    {
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(
            () => SpecClientHttp.CreateHttpClient(new SpecClientOptions { PublicApiKey = "public" }));

        Assert.Equal(
            [
                "SpecClientOptions: BaseAddress is required: the API server's absolute URL, such as https://cloud.mongodb.com/.",
                "SpecClientOptions: PrivateApiKey is missing: the API key 'public' needs both PublicApiKey and PrivateApiKey.",
            ],
            error.Failures);
    }

    [Fact]
    public async Task AddSpecClientRegistersTheInterfaceThatUserCodeTakes()
    {
        await using TestServer server = await TestServer.StartAsync();
        await using ServiceProvider provider = Build(server, services => services.AddSpecClient<V20250312.IAtlasClient>(http => new V20250312.AtlasClient(http), o => ServiceAccount(o, server)));

        provider.GetRequiredService<IStartupValidator>().Validate();
        V20250312.IAtlasClient atlas = provider.GetRequiredService<V20250312.IAtlasClient>();

        Assert.IsType<V20250312.AtlasClient>(atlas);
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.Equal(server.BaseAddress, atlas.Connection.BaseAddress);
    }

    private static void ServiceAccount(SpecClientOptions options, TestServer server)
    {
        options.BaseAddress = server.BaseAddress;
        options.ClientId = SimulatorDemo.ClientId;
        options.ClientSecret = SimulatorDemo.ClientSecret;
    }

    private static ServiceProvider Build(TestServer server, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(server.Logs).SetMinimumLevel(LogLevel.Trace));
        configure(services);
        return services.BuildServiceProvider();
    }
}
