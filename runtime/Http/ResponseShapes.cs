using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// What a send returns, chosen at compile time by <see cref="ApiConnection"/>'s overloads so they share one code path
/// without a delegate: the result alone, or with the response's status and headers (read while the response is alive).
/// </summary>
internal interface IResponseShape<T, TResult>
{
    static abstract TResult Create(T? value, HttpResponseMessage response);
}

internal readonly struct ResultOnly<T> : IResponseShape<T, T>
{
    // The reader never returns null for a result: a null body is an ApiException.
    public static T Create(T? value, HttpResponseMessage response) => value!;
}

internal readonly struct ResultWithResponse<T> : IResponseShape<T, ApiResponse<T>>
{
    public static ApiResponse<T> Create(T? value, HttpResponseMessage response)
        => new(value!, response.StatusCode, ResponseReader.CollectHeaders(response), ApiResponseInfo.FromResponse(response));
}

internal readonly struct NoResult : IResponseShape<object, object?>
{
    public static object? Create(object? value, HttpResponseMessage response) => null;
}

internal readonly struct NoResultWithResponse : IResponseShape<object, ApiResponse>
{
    public static ApiResponse Create(object? value, HttpResponseMessage response) => ApiResponse.From(response);
}
