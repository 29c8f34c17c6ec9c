using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>The error's code and detail come from the fields its schema names (<see cref="IApiError"/>), not from fixed names.</summary>
public class ErrorFieldsTests
{
    [Fact]
    public async Task CodeAndDetailAreReadFromTheFieldsTheErrorTypeNames()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, """{"code":"NO_PET","message":"No pet is called rex.","errorCode":"IGNORED"}""", "application/json");

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => SendAsync(stub));

        Assert.Equal("NO_PET", error.ErrorCode);
        Assert.Equal("No pet is called rex.", error.Detail);
        Assert.Equal(new PetProblem { Code = "NO_PET", Message = "No pet is called rex." }, error.Error);
        Assert.Equal("GET /pets/rex failed: 404 Not Found, NO_PET: No pet is called rex.", error.Message);
    }

    [Fact]
    public async Task CodeIsReadEvenWhenTheRestOfTheBodyDoesNotDecode()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.Conflict, """{"code":"TAKEN","message":"Already there.","status":"not a number"}""", "application/json");

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => SendAsync(stub));

        Assert.Null(error.Error);
        Assert.Equal(("TAKEN", "Already there."), (error.ErrorCode, error.Detail));
    }

    [Fact]
    public async Task AtlasNamesMeanNothingToAnotherSchema()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.BadRequest, """{"errorCode":"INVALID","detail":"Bad."}""", "application/json");

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => SendAsync(stub));

        Assert.Null(error.ErrorCode);
        Assert.Null(error.Detail);
        Assert.NotNull(error.Error);
    }

    private static Task SendAsync(StubHandler stub)
    {
        var connection = new ApiConnection(Http(stub), new Uri("https://pets.example/"));
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, "pets/rex", "application/json");
        return connection.SendAsync(request, PetProblemJsonContext.Default.PetProblem, CancellationToken.None);
    }
}

/// <summary>An error schema that names its fields <c>code</c> and <c>message</c>, as a generated record would declare them.</summary>
public sealed record PetProblem : IApiError
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public int? Status { get; set; }

    string? IApiError.ErrorCodeField => "code";

    string? IApiError.DetailField => "message";
}

[JsonSerializable(typeof(PetProblem))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class PetProblemJsonContext : JsonSerializerContext
{
}
