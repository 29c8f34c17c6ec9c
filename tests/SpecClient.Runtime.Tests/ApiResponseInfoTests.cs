using System;
using System.Net;
using System.Net.Http;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>Reading rate-limit and deprecation headers; every one may be missing or in another form.</summary>
public class ApiResponseInfoTests
{
    [Fact]
    public void MissingHeadersAreNull()
    {
        ApiResponseInfo info = ApiResponseInfo.FromResponse(Response());

        Assert.Null(info.RateLimitLimit);
        Assert.Null(info.RateLimitRemaining);
        Assert.Null(info.RetryAfter);
        Assert.Null(info.Deprecation);
        Assert.False(info.IsDeprecated);
        Assert.Null(info.Sunset);
        Assert.Equal(HttpMethod.Delete, info.Method);
        Assert.Equal("/api/atlas/v2/orgs/1/invites/2", info.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void AtlasHeadersAreRead()
    {
        ApiResponseInfo info = ApiResponseInfo.FromResponse(Response(
            ("RateLimit-Limit", "100"),
            ("RateLimit-Remaining", "0"),
            ("Retry-After", "7"),
            ("Deprecation", "Wed, 12 Mar 2025 00:00:00 GMT"),
            ("Sunset", "Thu, 01 Jul 2027 00:00:00 GMT")));

        Assert.Equal(100, info.RateLimitLimit);
        Assert.Equal(0, info.RateLimitRemaining);
        Assert.Equal(TimeSpan.FromSeconds(7), info.RetryAfter);
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero), info.Deprecation);
        Assert.True(info.IsDeprecated);
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero), info.Sunset);
        Assert.Equal("DELETE /api/atlas/v2/orgs/1/invites/2 → 200, RateLimit-Remaining 0/100, Retry-After 7 s, deprecated since 2025-03-12, sunset 2027-07-01", info.ToString());
    }

    [Fact]
    public void OtherFormsAreReadToo()
    {
        ApiResponseInfo info = ApiResponseInfo.FromResponse(Response(
            ("RateLimit-Limit", "100, 100;w=60"),
            ("RateLimit-Remaining", " 42 "),
            ("Date", "Sun, 01 Mar 2026 12:00:00 GMT"),
            ("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT"),
            ("Deprecation", "@1688169599")));

        Assert.Equal(100, info.RateLimitLimit);
        Assert.Equal(42, info.RateLimitRemaining);
        Assert.Equal(TimeSpan.FromSeconds(30), info.RetryAfter);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1688169599), info.Deprecation);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void DeprecationWithoutADateSetsOnlyTheFlag(string value, bool deprecated)
    {
        ApiResponseInfo info = ApiResponseInfo.FromResponse(Response(("Deprecation", value)));

        Assert.Equal(deprecated, info.IsDeprecated);
        Assert.Null(info.Deprecation);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("@99999999999999999")]
    public void GarbageIsIgnored(string value)
    {
        ApiResponseInfo info = ApiResponseInfo.FromResponse(Response(("Retry-After", value), ("Sunset", value), ("RateLimit-Remaining", value)));

        Assert.Null(info.RetryAfter);
        Assert.Null(info.Sunset);
        Assert.Null(info.RateLimitRemaining);
    }

    [Fact]
    public void ApiExceptionCarriesTheSameInfo()
    {
        var exception = new ApiException(
            "m",
            HttpMethod.Get,
            new Uri("https://cloud.mongodb.com/api/atlas/v2/orgs"),
            HttpStatusCode.TooManyRequests,
            new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["retry-after"] = ["3"],
                ["RateLimit-Remaining"] = ["0"],
            },
            rawBody: null,
            error: null,
            errorCode: "RATE_LIMITED_TOKEN_BUCKET",
            detail: null);

        Assert.Equal(TimeSpan.FromSeconds(3), exception.ResponseInfo.RetryAfter);
        Assert.Equal(0, exception.ResponseInfo.RateLimitRemaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.ResponseInfo.StatusCode);
    }

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Delete, "https://cloud.mongodb.com/api/atlas/v2/orgs/1/invites/2"),
        };
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
