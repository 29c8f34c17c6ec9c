namespace SpecClient.Generator.Model;

/// <summary>One HTTP operation: its C# method, its params class and how to build and send the request.</summary>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string ParamsClassName,
    string HttpMethod,
    string PathTemplate,
    EquatableArray<PathSegmentSpec> PathSegments,
    string? Summary,
    string? Description,
    string? ObsoleteMessage,
    string AcceptMediaType,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    TypeRefSpec? ResultType,
    string? ResultTypeInfoProperty,
    string? ErrorTypeInfoProperty,
    string? EnvelopePropertyName,
    EquatableArray<ErrorResponseSpec> ErrorResponses);

/// <summary>An error status an operation lists (<c>404</c>, <c>4XX</c>, <c>default</c>) and the error codes its examples show.</summary>
internal sealed record ErrorResponseSpec(string Status, EquatableArray<string> Codes);

/// <summary>A piece of the request path: literal text, or a path parameter's value (escaped at run time).</summary>
/// <param name="UrlSafe">The value is validated to hold only unreserved URI characters, so it needs no escaping.</param>
internal sealed record PathSegmentSpec(string? Literal, string? ParameterPropertyName, ValueFormat Format, bool UrlSafe = false);

/// <summary>The request body: the params class's <c>Body</c> property and the media type sent with it.</summary>
internal sealed record RequestBodySpec(
    string PropertyName,
    TypeRefSpec Type,
    string TypeInfoProperty,
    string MediaType,
    bool Required,
    string? Description);

/// <summary>Where a parameter goes in the request.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>How a parameter value becomes text in a URL or header.</summary>
internal enum ValueFormat
{
    /// <summary>A <see cref="string"/>, sent as is.</summary>
    String,

    /// <summary><c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary>An integral number, invariant culture.</summary>
    Integer,

    /// <summary>A floating-point number, invariant culture, round-trippable.</summary>
    Number,

    /// <summary>An ISO 8601 timestamp.</summary>
    DateTime,

    /// <summary>A string-valued enum struct: its <c>Value</c>.</summary>
    EnumValue,
}

/// <summary>One path, query or header parameter as a property of the params class.</summary>
internal sealed record ParameterSpec(
    string Name,
    string PropertyName,
    string ArgumentName,
    ParameterLocation Location,
    bool Required,
    TypeRefSpec Type,
    ValueFormat Format,
    bool IsArray,
    string? Description,
    string? DefaultValue,
    bool Deprecated,
    ValidationSpec? Validation);

/// <summary>The constraints checked before a request is sent.</summary>
/// <param name="PatternCharacters">
/// When <paramref name="Pattern"/> is one character class repeated (<c>^([a-f0-9]{24})$</c>), its characters, so the
/// check is a length test and a character scan instead of a regular expression; otherwise null.
/// </param>
internal sealed record ValidationSpec(
    string? Pattern,
    int? MinLength,
    int? MaxLength,
    string? Minimum,
    string? Maximum,
    string? PatternCharacters = null,
    int PatternMinLength = 0,
    int? PatternMaxLength = null);
