using System;
using System.Net.Http;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>The connection's base address rules and request creation.</summary>
public class ApiConnectionTests
{
    [Theory]
    [InlineData("api/atlas/v2/")]
    [InlineData("/api/atlas/v2/")]
    public void RelativeBaseAddressIsRejected(string relative)
    {
        using var http = new HttpClient();

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new ApiConnection(http, new Uri(relative, UriKind.Relative)));

        Assert.Equal("baseAddress", exception.ParamName);
        Assert.Contains(relative, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://cloud.mongodb.com/")]
    [InlineData("file:///tmp/atlas")]
    [InlineData("ws://cloud.mongodb.com/")]
    public void NonHttpBaseAddressIsRejected(string address)
    {
        using var http = new HttpClient();

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new ApiConnection(http, new Uri(address)));

        Assert.Equal("baseAddress", exception.ParamName);
    }

    [Fact]
    public void NullArgumentsAreRejectedByName()
    {
        using var http = new HttpClient();

        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new ApiConnection(null!, new Uri("https://cloud.mongodb.com/"))).ParamName);
        Assert.Equal("baseAddress", Assert.Throws<ArgumentNullException>(() => new ApiConnection(http, null!)).ParamName);
    }

    [Fact]
    public void RelativeBaseAddressIsRejectedThroughTheGeneratedClient()
    {
        using var http = new HttpClient();

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new SpecClient.Atlas.V20250312.AtlasClient(http, new Uri("/atlas", UriKind.Relative)));

        Assert.Equal("baseAddress", exception.ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("https://gateway.local/mongodb", "https://gateway.local/mongodb/")]
    [InlineData("https://gateway.local/mongodb/", "https://gateway.local/mongodb/")]
    public void BaseAddressAlwaysEndsWithSlash(string given, string expected)
    {
        using var http = new HttpClient();

        var connection = new ApiConnection(http, new Uri(given));

        Assert.Equal(expected, connection.BaseAddress.AbsoluteUri);
        Assert.Same(http, connection.HttpClient);
    }

    [Fact]
    public void CreateRequestResolvesUnderBaseAndSetsAccept()
    {
        using var http = new HttpClient();
        var connection = new ApiConnection(http, new Uri("https://gateway.local/mongodb"));

        using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, "api/atlas/v2/orgs/x/invites?pretty=true", TestData.AtlasMediaType);

        Assert.Equal("https://gateway.local/mongodb/api/atlas/v2/orgs/x/invites?pretty=true", request.RequestUri!.AbsoluteUri);
        Assert.Equal(TestData.AtlasMediaType, Assert.Single(request.Headers.GetValues("Accept")));
        Assert.Null(request.Content);
    }
}
