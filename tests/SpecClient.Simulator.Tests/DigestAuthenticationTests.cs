using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class DigestAuthenticationTests
{
    private const string ListPath = "/api/atlas/v2/orgs/" + SimulatorDemo.OrgId + "/invites";

    [Fact]
    public async Task UnauthenticatedRequestGetsTheExactDigestChallenge()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        reply.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        string challenge = reply.Header("WWW-Authenticate")!;
        Match match = DigestComputer.ChallengePattern.Match(challenge);
        Assert.True(match.Success, challenge);
        Assert.Equal("false", match.Groups["stale"].Value);
        Assert.Equal(1, sim.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task EveryChallengeCarriesANewNonce()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        string first = await NonceAsync(sim);
        string second = await NonceAsync(sim);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task BuiltInHttpClientDigestAuthenticates()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(4, reply.Json.GetArrayLength());
        Assert.Equal(1, sim.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task BuiltInHttpClientDigestSendsBodiesToo()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(
            sim.Digest(),
            TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites() + "?pretty=false", """{"username":"digest.post@example.com","roles":["ORG_MEMBER"]}"""));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(SimulatorDemo.PublicKey, reply.Json.GetProperty("inviterUsername").GetString());
    }

    [Fact]
    public async Task WrongPrivateKeyAnswers401WithAFreshChallenge()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Digest(SimulatorDemo.PublicKey, "not-the-private-key"), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));

        reply.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Matches(DigestComputer.ChallengePattern, reply.Header("WWW-Authenticate")!);

        // .NET answered the first challenge and got a second one.
        Assert.Equal(2, sim.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task WrongUserAndWrongPasswordAreIndistinguishable()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string uri = ListPath;

        string nonce1 = await NonceAsync(sim);
        Reply wrongPassword = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, "wrong", "GET", uri, nonce1, 1), uri);
        string nonce2 = await NonceAsync(sim);
        Reply wrongUser = await SendDigestAsync(sim, DigestComputer.Authorization("no-such-key", SimulatorDemo.PrivateKey, "GET", uri, nonce2, 1), uri);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongUser.Status);
        Assert.Equal(wrongPassword.Body, wrongUser.Body);
        Assert.DoesNotContain("password", wrongPassword.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no-such-key", wrongUser.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncreasingNonceCountsOnOneNonceSucceed()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string nonce = await NonceAsync(sim);

        Reply first = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 1), ListPath);
        Reply second = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 2, "c2"), ListPath);
        Reply skipped = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 7, "c3"), ListPath);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.OK, skipped.Status);
    }

    [Fact]
    public async Task ReplayedNonceCountIsRejectedWithANewChallenge()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string nonce = await NonceAsync(sim);
        string header = DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 1);

        Reply first = await SendDigestAsync(sim, header, ListPath);
        Reply replay = await SendDigestAsync(sim, header, ListPath);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        replay.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Match challenge = DigestComputer.ChallengePattern.Match(replay.Header("WWW-Authenticate")!);
        Assert.True(challenge.Success);
        Assert.Equal("false", challenge.Groups["stale"].Value);
        Assert.NotEqual(nonce, DigestComputer.ParseChallenge(replay.Header("WWW-Authenticate")!)["nonce"]);
    }

    [Fact]
    public async Task DecreasingNonceCountIsRejected()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string nonce = await NonceAsync(sim);

        Reply five = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 5), ListPath);
        Reply three = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 3, "other"), ListPath);

        Assert.Equal(HttpStatusCode.OK, five.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, three.Status);
    }

    [Fact]
    public async Task ExpiredNonceAnswersStaleTrueAndANewNonceWorks()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.NonceLifetime = TimeSpan.FromMinutes(5));
        string nonce = await NonceAsync(sim);
        sim.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Reply stale = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 1), ListPath);

        Assert.Equal(HttpStatusCode.Unauthorized, stale.Status);
        string challenge = stale.Header("WWW-Authenticate")!;
        Match match = DigestComputer.ChallengePattern.Match(challenge);
        Assert.True(match.Success, challenge);
        Assert.Equal("true", match.Groups["stale"].Value);

        string fresh = DigestComputer.ParseChallenge(challenge)["nonce"];
        Reply retried = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, fresh, 1), ListPath);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
    }

    [Fact]
    public async Task NonceYoungerThanTheLifetimeIsNotStale()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.NonceLifetime = TimeSpan.FromMinutes(5));
        string nonce = await NonceAsync(sim);
        sim.Clock.Advance(TimeSpan.FromMinutes(4));

        Reply reply = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce, 1), ListPath);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task ExpiredNonceWithAWrongKeyIsNotStale()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string nonce = await NonceAsync(sim);
        sim.Clock.Advance(TimeSpan.FromHours(1));

        Reply reply = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, "wrong", "GET", ListPath, nonce, 1), ListPath);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.EndsWith("stale=false", reply.Header("WWW-Authenticate")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestUriMustIncludeTheQueryString()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string target = ListPath + "?pretty=true";

        string nonce1 = await NonceAsync(sim);
        Reply withQuery = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", target, nonce1, 1), target);
        string nonce2 = await NonceAsync(sim);
        Reply withoutQuery = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", ListPath, nonce2, 1), target);

        Assert.Equal(HttpStatusCode.OK, withQuery.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutQuery.Status);
    }

    [Fact]
    public async Task DigestResponseCoversTheMethod()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string target = "/" + TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId);
        string nonce = await NonceAsync(sim);

        // Hash computed for GET, sent with DELETE.
        Reply reply = await SendDigestAsync(sim, DigestComputer.Authorization(SimulatorDemo.PublicKey, SimulatorDemo.PrivateKey, "GET", target, nonce, 1), target, HttpMethod.Delete);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.NotNull(sim.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
    }

    [Fact]
    public async Task DigestWithoutQopIsRefused()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        string nonce = await NonceAsync(sim);
        string header = $"Digest username=\"{SimulatorDemo.PublicKey}\", realm=\"MMS Public API\", nonce=\"{nonce}\", uri=\"{ListPath}\", response=\"00000000000000000000000000000000\"";

        Reply reply = await SendDigestAsync(sim, header, ListPath);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Matches(DigestComputer.ChallengePattern, reply.Header("WWW-Authenticate")!);
    }

    private static async Task<string> NonceAsync(TestSimulator sim)
    {
        Reply challenge = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvites()));
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.Status);
        Dictionary<string, string> parameters = DigestComputer.ParseChallenge(challenge.Header("WWW-Authenticate")!);
        return parameters["nonce"];
    }

    private static Task<Reply> SendDigestAsync(TestSimulator sim, string authorization, string target, HttpMethod? method = null)
    {
        HttpRequestMessage request = TestSimulator.Atlas(method ?? HttpMethod.Get, target.TrimStart('/'));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return TestSimulator.SendAsync(sim.Raw(), request);
    }
}
