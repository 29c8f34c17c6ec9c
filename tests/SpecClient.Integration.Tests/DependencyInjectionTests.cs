#pragma warning disable CS0618 // The invite operations are deprecated by the API; they are still what is tested.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
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
            o.Digest = new DigestCredential(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey);
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
    public async Task DigestCredentialsBoundFromConfigurationAuthenticateCalls()
    {
        await using TestServer server = await TestServer.StartAsync();
        IConfiguration configuration = Configuration(new()
        {
            ["Atlas:BaseAddress"] = server.BaseAddress.ToString(),
            ["Atlas:Digest:UserName"] = SimulatorDemo.PublicKey,
            ["Atlas:Digest:Password"] = SimulatorDemo.PrivateKey,
            ["Atlas:Retry:MaxRetryAttempts"] = "0",
        });
        await using ServiceProvider provider = Build(server, services => services.AddSpecClient(http => new V20250312.AtlasClient(http), o => configuration.GetSection("Atlas").Bind(o)));

        provider.GetRequiredService<IStartupValidator>().Validate();
        SpecClientOptions options = provider.GetRequiredService<IOptionsMonitor<SpecClientOptions>>().Get(SpecClientServiceCollectionExtensions.ClientName<V20250312.AtlasClient>());
        var atlas = provider.GetRequiredService<V20250312.AtlasClient>();

        Assert.True(options.UsesDigest);
        Assert.Equal(0, options.Retry.MaxRetryAttempts);
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.NotEmpty(await atlas.Organizations.ListOrgInvitesAsync(SimulatorDemo.OrgId));
        Assert.Equal(3, server.Faults.RequestCount); // challenge + answer, then one round trip on the same nonce
        Assert.Equal(1, server.Faults.DigestChallengeCount);
        Assert.DoesNotContain(SimulatorDemo.PrivateKey, server.Logs.AllText);
    }

    [Fact]
    public async Task HalfADigestCredentialFromConfigurationFailsBeforeAnyRequest()
    {
        await using TestServer server = await TestServer.StartAsync();
        IConfiguration configuration = Configuration(new()
        {
            ["Atlas:BaseAddress"] = server.BaseAddress.ToString(),
            ["Atlas:Digest:Password"] = "private-key-value",
        });
        await using ServiceProvider provider = Build(server, services => services.AddSpecClient("atlas", http => new V20250312.AtlasClient(http), o => configuration.GetSection("Atlas").Bind(o)));

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<V20250312.AtlasClient>());

        Assert.Equal(
            ["SpecClientOptions 'atlas': Digest.UserName is missing: a Digest.Password is set, but Digest authentication needs both Digest.UserName and Digest.Password."],
            error.Failures);
        Assert.DoesNotContain("private-key-value", error.Message);
        Assert.Equal(0, server.Faults.RequestCount);
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
            o.Digest = new DigestCredential("public", "private-key-value");
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
                "SpecClientOptions 'atlas': set either a service account (ClientId, ClientSecret) or Digest credentials (Digest.UserName, Digest.Password), not both.",
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
            () => SpecClientHttp.CreateHttpClient(new SpecClientOptions { Digest = new DigestCredential { UserName = "public" } }));

        Assert.Equal(
            [
                "SpecClientOptions: BaseAddress is required: the API server's absolute URL, such as https://cloud.mongodb.com/.",
                "SpecClientOptions: Digest.Password is missing: the Digest user name 'public' needs both Digest.UserName and Digest.Password.",
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

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Build(TestServer server, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(server.Logs).SetMinimumLevel(LogLevel.Trace));
        configure(services);
        return services.BuildServiceProvider();
    }
}
