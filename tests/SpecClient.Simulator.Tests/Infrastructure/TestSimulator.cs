using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace SpecClient.Simulator.Tests.Infrastructure;

/// <summary>A simulator on a fake clock plus HttpClients that are disposed with it.</summary>
internal sealed class TestSimulator : IAsyncDisposable
{
    /// <summary>The fake "now" every test starts at (before the invite operations' sunset).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const string AtlasAccept = "application/vnd.atlas.2025-03-12+json";
    public const string AtlasContentType = "application/vnd.atlas.2023-01-01+json;charset=utf-8";

    private readonly List<HttpClient> _clients = new();

    private TestSimulator(AtlasSimulator simulator, ManualTimeProvider clock, SimulatorOptions options)
    {
        Simulator = simulator;
        Clock = clock;
        Options = options;
    }

    public AtlasSimulator Simulator { get; }

    public ManualTimeProvider Clock { get; }

    public SimulatorOptions Options { get; }

    public SimulatorState State => Simulator.State;

    public SimulatorFaults Faults => Simulator.Faults;

    public static async Task<TestSimulator> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(Start);
        var options = new SimulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        AtlasSimulator simulator = await AtlasSimulator.StartAsync(options);
        return new TestSimulator(simulator, clock, options);
    }

    /// <summary>No credentials at all.</summary>
    public HttpClient Raw() => Track(new HttpClient(new SocketsHttpHandler()) { BaseAddress = Simulator.BaseAddress });

    /// <summary>.NET's built-in digest implementation.</summary>
    public HttpClient Digest(string publicKey = SimulatorDemo.PublicKey, string privateKey = SimulatorDemo.PrivateKey)
        => Track(new HttpClient(new HttpClientHandler { Credentials = new NetworkCredential(publicKey, privateKey) }) { BaseAddress = Simulator.BaseAddress });

    /// <summary>A client that sends a Bearer token of the given service account (the owner by default).</summary>
    public async Task<HttpClient> BearerAsync(string clientId = SimulatorDemo.ClientId, string clientSecret = SimulatorDemo.ClientSecret)
    {
        string token = await TokenAsync(clientId, clientSecret);
        HttpClient client = Raw();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string clientId = SimulatorDemo.ClientId, string clientSecret = SimulatorDemo.ClientSecret)
    {
        using HttpResponseMessage response = await Raw().SendAsync(TokenRequest(clientId, clientSecret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage TokenRequest(string clientId, string clientSecret, string grantType = "client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grantType }),
        };
        request.Headers.Authorization = Basic(clientId, clientSecret);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    public static AuthenticationHeaderValue Basic(string user, string password)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>An Atlas v2 request with the versioned Accept header of the 2025-03-12 seed.</summary>
    public static HttpRequestMessage Atlas(HttpMethod method, string path, string? json = null, string? accept = AtlasAccept)
    {
        var request = new HttpRequestMessage(method, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>A Cloud Manager v1.0 request (plain application/json).</summary>
    public static HttpRequestMessage CloudManager(HttpMethod method, string path, string? json = null)
        => Atlas(method, path, json, "application/json");

    public static string OrgInvites(string orgId = SimulatorDemo.OrgId) => $"api/atlas/v2/orgs/{orgId}/invites";

    public static string OrgInvite(string invitationId, string orgId = SimulatorDemo.OrgId) => $"api/atlas/v2/orgs/{orgId}/invites/{invitationId}";

    public static string GroupInvites(string groupId = SimulatorDemo.ProductionProjectId) => $"api/atlas/v2/groups/{groupId}/invites";

    public static string GroupInvite(string invitationId, string groupId = SimulatorDemo.ProductionProjectId) => $"api/atlas/v2/groups/{groupId}/invites/{invitationId}";

    public static async Task<Reply> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using HttpResponseMessage response = await client.SendAsync(request);
            // NonValidated: the header values exactly as received (the typed API would normalize
            // "a+json;charset=utf-8" to "a+json; charset=utf-8").
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, HeaderStringValues> header in response.Headers.NonValidated)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            foreach (KeyValuePair<string, HeaderStringValues> header in response.Content.Headers.NonValidated)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            string body = await response.Content.ReadAsStringAsync();

            return new Reply(response.StatusCode, body, headers);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (HttpClient client in _clients)
        {
            client.Dispose();
        }

        await Simulator.DisposeAsync();
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}

/// <summary>A response read to the end.</summary>
internal sealed record Reply(HttpStatusCode Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json
    {
        get
        {
            using JsonDocument document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    public string? ContentType => Header("Content-Type");

    /// <summary>A response or content header (values joined with ", "), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public string ErrorCode => Json.GetProperty("errorCode").GetString()!;

    /// <summary>Asserts an ApiError: status, errorCode, the matching "error" number, reason and application/json.</summary>
    public void AssertApiError(HttpStatusCode status, string errorCode)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/json", ContentType);
        JsonElement json = Json;
        Assert.Equal((int)status, json.GetProperty("error").GetInt32());
        Assert.Equal(errorCode, json.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Array, json.GetProperty("parameters").ValueKind);
    }
}
