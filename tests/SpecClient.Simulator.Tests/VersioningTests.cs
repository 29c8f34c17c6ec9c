using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

using SpecClient.Testing;

namespace SpecClient.Simulator.Tests;

public sealed class VersioningTests
{
    private const string Exact406Body = """{"detail":"Invalid accept header or version date.","error":406,"errorCode":"INVALID_VERSION_DATE","parameters":[],"reason":"Not Acceptable"}""";

    [Fact]
    public async Task MissingAcceptHeaderAnswers406InvalidVersionDate()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites(), accept: null));

        Assert.Equal(HttpStatusCode.NotAcceptable, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(Exact406Body, reply.Body);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/vnd.atlas.2022-12-31+json")]
    [InlineData("application/vnd.atlas.2023-13-01+json")]
    [InlineData("application/vnd.atlas.latest+json")]
    [InlineData("application/json, text/plain")]
    public async Task UnversionedOrTooEarlyAcceptAnswersExact406Body(string accept)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites(), accept: accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, reply.Status);
        Assert.Equal(Exact406Body, reply.Body);
    }

    [Theory]
    [InlineData("application/vnd.atlas.2023-01-01+json")]
    [InlineData("application/vnd.atlas.2023-02-01+json")]
    [InlineData("application/vnd.atlas.2023-11-15+json")]
    [InlineData("application/vnd.atlas.2024-05-30+json")]
    [InlineData("application/vnd.atlas.2025-03-12+json")]
    [InlineData("application/vnd.atlas.2099-01-01+json")]
    public async Task EveryDateFrom2023_01_01ResolvesToTheSingleResourceVersion(string accept)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites(), accept: accept));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(TestSimulator.AtlasContentType, reply.ContentType);
    }

    [Theory]
    [InlineData("application/json, application/vnd.atlas.2024-05-30+json")]
    [InlineData("application/vnd.atlas.2022-01-01+json, application/vnd.atlas.2023-11-15+json;q=0.5")]
    [InlineData("application/vnd.atlas.2025-03-12+json;charset=utf-8")]
    public async Task AcceptWithSeveralValuesOrParametersFindsTheVersion(string accept)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites(), accept: accept));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(TestSimulator.AtlasContentType, reply.ContentType);
    }

    [Fact]
    public async Task InviteOperationsSendDeprecationAndSunsetHttpDates()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        Reply org = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Reply group = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites()));

        Assert.Equal("Wed, 12 Mar 2025 00:00:00 GMT", org.Header("Deprecation"));
        Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", org.Header("Sunset"));
        Assert.Equal("Wed, 15 Nov 2023 00:00:00 GMT", group.Header("Deprecation"));
        Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", group.Header("Sunset"));
    }

    [Fact]
    public async Task SunsetHeaderIsTheDateTheBundledFragmentsState()
    {
        // One sunset story: the x-sunset of every operation in every bundled Atlas fragment is what the simulator serves.
        string specs = Path.Combine(RepositoryRoot.Path, "specs");
        string[] sunsets = Directory.EnumerateFiles(specs, "atlas-v2-*.invites.yaml")
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("x-sunset:", StringComparison.Ordinal))
            .Select(line => line["x-sunset:".Length..].Trim().Trim('"'))
            .ToArray();
        Assert.Equal(48, sunsets.Length);  // 4 fragments × 12 operations
        DateTimeOffset stated = DateTimeOffset.ParseExact(Assert.Single(sunsets.Distinct()), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        Reply org = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvites() + "/66c0d1e2f3a4b5c6d7e8f001"));
        Reply group = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.GroupInvites()));

        Assert.Equal(stated.ToString("r", CultureInfo.InvariantCulture), org.Header("Sunset"));
        Assert.Equal(stated.ToString("r", CultureInfo.InvariantCulture), group.Header("Sunset"));
    }
    [Fact]
    public async Task SunsetVersionAnswers410VersionGoneWhenEnforced()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.EnforceSunset = true);
        HttpClient client = await sim.BearerAsync();
        Reply before = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        sim.Clock.Advance(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero) - sim.Clock.GetUtcNow());
        client = await sim.BearerAsync();
        Reply after = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, before.Status);
        after.AssertApiError(HttpStatusCode.Gone, "VERSION_GONE");
    }

    [Fact]
    public async Task RequestBodyMayUseTheVersionedMediaType()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        HttpRequestMessage request = TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites());
        request.Content = new StringContent("""{"username":"versioned@example.com","roles":["ORG_MEMBER"]}""");
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/vnd.atlas.2023-01-01+json");

        Reply reply = await TestSimulator.SendAsync(client, request);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("versioned@example.com", reply.Json.GetProperty("username").GetString());
    }

    [Fact]
    public async Task NonJsonRequestBodyAnswers415()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();
        HttpRequestMessage request = TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites());
        request.Content = new StringContent("username=x@example.com", System.Text.Encoding.UTF8, "text/plain");

        Reply reply = await TestSimulator.SendAsync(client, request);

        reply.AssertApiError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }
}
