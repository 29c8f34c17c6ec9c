using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>Reading digest challenges and computing answers (RFC 7616 §3.9.1's test vectors).</summary>
public class DigestChallengeTests
{
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void AnswerMatchesTheRfcExample(string algorithm, string expected)
    {
        DigestChallenge challenge = Read($"Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"{Nonce}\", opaque=\"{Opaque}\"")!;

        string header = challenge.CreateAuthorization("Mufasa", "Circle of Life", HttpMethod.Get, "/dir/index.html", Cnonce);

        Assert.Equal(
            $"username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"{Nonce}\", uri=\"/dir/index.html\", algorithm={algorithm}, "
            + $"response=\"{expected}\", qop=auth, nc=00000001, cnonce=\"{Cnonce}\", opaque=\"{Opaque}\"",
            header);
    }

    [Fact]
    public void AtlasChallengeIsReadAndEachAnswerTakesTheNextNonceCount()
    {
        DigestChallenge challenge = Read("Digest realm=\"MMS Public API\", domain=\"\", nonce=\"abc\", algorithm=MD5, qop=\"auth\", stale=false")!;

        string first = challenge.CreateAuthorization("key", "secret", HttpMethod.Get, "/api/atlas/v2/orgs?pretty=true");
        string second = challenge.CreateAuthorization("key", "secret", HttpMethod.Get, "/api/atlas/v2/orgs?pretty=true");

        Assert.Equal("MMS Public API", challenge.Realm);
        Assert.Null(challenge.Opaque);
        Assert.Contains("nc=00000001", first);
        Assert.Contains("nc=00000002", second);
        Assert.Contains("uri=\"/api/atlas/v2/orgs?pretty=true\"", first);
        Assert.NotEqual(Value(first, "cnonce"), Value(second, "cnonce"));
        Assert.DoesNotContain("secret", first);
        Assert.Equal(2, challenge.NonceCount);
    }

    [Theory]
    [InlineData("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")]
    [InlineData("Digest realm=\"testrealm@host.com\", domain=\"\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", algorithm=MD5, op=\"auth\", stale=false, opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")]
    public void ChallengeWithoutQopIsAnsweredTheRfc2069Way(string header)
    {
        // RFC 2069 (and Cloud Manager's documented challenge, whose "op" is no qop): response = MD5(HA1:nonce:HA2), and
        // the answer carries no qop, nc or cnonce — what curl and .NET's HttpClient send.
        DigestChallenge challenge = Read(header)!;

        string answer = challenge.CreateAuthorization("Mufasa", "Circle Of Life", HttpMethod.Get, "/dir/index.html", "unused");

        string ha1 = Md5("Mufasa:testrealm@host.com:Circle Of Life");
        string ha2 = Md5("GET:/dir/index.html");
        Assert.False(challenge.QopAuth);
        Assert.Equal(
            "username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
            + $"algorithm=MD5, response=\"{Md5($"{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:{ha2}")}\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            answer);
        Assert.Equal("670fd8c2df070c60b045671b8b24ff02", Value(answer, "response"));  // computed independently (Python hashlib)
    }

    [Fact]
    public async System.Threading.Tasks.Task HandlerAnswersAChallengeWithoutQop()
    {
        // A server in the style of Cloud Manager's documented challenge: it accepts only the RFC 2069 answer.
        const string Challenge = "Digest realm=\"MMS Public API\", domain=\"\", nonce=\"n2069\", algorithm=MD5, op=\"auth\", stale=false";
        string expected = Md5($"{Md5("key:MMS Public API:secret")}:n2069:{Md5("GET:/api/public/v1.0/orgs")}");
        var server = new Infrastructure.RoutingHandler((request, _) =>
        {
            string? authorization = request.Headers.Authorization?.Parameter;
            bool valid = authorization is not null && Value(authorization, "response") == expected && !authorization.Contains("qop", System.StringComparison.Ordinal);
            var response = new HttpResponseMessage(valid ? HttpStatusCode.OK : HttpStatusCode.Unauthorized);
            if (!valid)
            {
                response.Headers.TryAddWithoutValidation("WWW-Authenticate", Challenge);
            }

            return System.Threading.Tasks.Task.FromResult(response);
        });
        using var http = new HttpClient(new DigestAuthenticationHandler("key", "secret", server)) { BaseAddress = new System.Uri("https://cloud.mongodb.com/") };

        using HttpResponseMessage first = await http.GetAsync("api/public/v1.0/orgs");
        using HttpResponseMessage second = await http.GetAsync("api/public/v1.0/orgs");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(3, server.Requests.Count);  // one challenge, then the nonce is reused
    }

    [Fact]
    public void StaleFlagIsRead()
    {
        Read("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", stale=true", out bool stale, out _);

        Assert.True(stale);
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"", "not qop=auth")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess", "without qop")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-512-256", "algorithm SHA-512-256")]
    [InlineData("Digest realm=\"r\", qop=\"auth\"", "no realm or nonce")]
    public void ChallengesThatCannotBeAnsweredSayWhy(string header, string reason)
    {
        Assert.Null(Read(header, out _, out string? unsupported));
        Assert.Contains(reason, unsupported);
    }

    [Fact]
    public void OtherSchemesAreNoDigestChallenge()
    {
        Assert.Null(Read("Bearer realm=\"MMS Public API\", error=\"invalid_token\"", out _, out string? unsupported));
        Assert.Null(unsupported);
    }

    [Fact]
    public void SessionVariantHashesTheNonceAndCnonceIntoHa1()
    {
        DigestChallenge plain = Read("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=MD5")!;
        DigestChallenge session = Read("Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=MD5-sess")!;

        string a = plain.CreateAuthorization("u", "p", HttpMethod.Get, "/", "c");
        string b = session.CreateAuthorization("u", "p", HttpMethod.Get, "/", "c");

        Assert.True(session.Session);
        Assert.Contains("algorithm=MD5-sess", b);
        Assert.NotEqual(Value(a, "response"), Value(b, "response"));
    }

    [Fact]
    public void ParametersKeepCommasAndEscapesInsideQuotes()
    {
        Dictionary<string, string>? parameters = DigestChallenge.ParseParameters("realm=\"a, \\\"b\\\"\", qop=\"auth,auth-int\", stale=TRUE,nonce=x");

        Assert.NotNull(parameters);
        Assert.Equal("a, \"b\"", parameters["realm"]);
        Assert.Equal("auth,auth-int", parameters["QOP"]);
        Assert.Equal("TRUE", parameters["stale"]);
        Assert.Equal("x", parameters["nonce"]);
        Assert.Null(DigestChallenge.ParseParameters("realm=\"unclosed"));
    }

    [Fact]
    public void QuotesInTheUserNameAreEscaped()
    {
        DigestChallenge challenge = Read("Digest realm=\"r\", nonce=\"n\", qop=\"auth\"")!;

        Assert.Contains("username=\"a\\\"b\"", challenge.CreateAuthorization("a\"b", "p", HttpMethod.Get, "/", "c"));
    }

    private static DigestChallenge? Read(string header) => Read(header, out _, out _);

    private static DigestChallenge? Read(string header, out bool stale, out string? unsupported)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", header);
        return DigestChallenge.TryRead(response, out stale, out unsupported);
    }

    private static string Md5(string text)
        => System.Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string Value(string header, string name)
        => DigestChallenge.ParseParameters(header)![name];
}
