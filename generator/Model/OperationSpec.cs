namespace SpecClient.Generator.Model;

/// <summary>One HTTP operation: its C# method, its params class and how to build and send the request.</summary>
/// <param name="ParamsClassName">The params class as declared.</param>
/// <param name="DescriptorField">The client's static field describing the operation (operationId, method, path template) to the runtime's telemetry.</param>
/// <param name="ParamsType">The params class as referred to (qualified).</param>
/// <param name="ResultType">The success body's type; null when the success response has none.</param>
/// <param name="ErrorType">The error body's type the exception carries (the one most error responses share); null for none.</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string ParamsClassName,
    string ParamsType,
    string DescriptorField,
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
    TypeRefSpec? ErrorType,
    PagingSpec? Paging,
    string? EnvelopePropertyName,
    EquatableArray<ErrorResponseSpec> ErrorResponses,
    ResultBodyKind ResultKind = ResultBodyKind.Json);

/// <summary>How the success body is handed to the caller.</summary>
internal enum ResultBodyKind
{
    /// <summary>Read as JSON into <see cref="OperationSpec.ResultType"/> (none when that is null).</summary>
    Json,

    /// <summary>A <c>text/*</c> body, read whole into a string.</summary>
    Text,

    /// <summary>Any other body (binary, CSV, archives, XML…): an unbuffered stream the caller disposes.</summary>
    Stream,
}

/// <summary>
/// A list operation answered in pages, numbered (<c>pageNum</c>) or chained by a cursor (the page names the next one):
/// generated with methods that read every page, yielding items (<see cref="ItemsMethodName"/>) or whole pages
/// (<see cref="PagesMethodName"/>).
/// </summary>
/// <param name="PageNumProperty">For numbered pages, the params property holding the page number; null for cursor pages.</param>
/// <param name="CursorProperty">For cursor pages, the params property the next page's cursor goes into.</param>
/// <param name="NextCursorProperty">For cursor pages, the page's property naming the next page (null or empty on the last).</param>
/// <param name="NextPageMethodName">For linked pages, the client method reading the page a link names.</param>
/// <param name="NextLinkProperty">For linked pages, the page's property holding the next page's link.</param>
/// <param name="LinksProperty">For linked pages, the page's list of links, the next page's being the one with <c>rel: next</c>.</param>
/// <param name="LinkRelProperty">The link's <c>rel</c> property.</param>
/// <param name="LinkHrefProperty">The link's <c>href</c> property.</param>
/// <param name="ItemsProperty">The page's list of items (<c>Results</c>); null when the page is the list itself.</param>
/// <param name="TotalCountProperty">The page's total count of items, when it has one.</param>
/// <param name="ItemsPerPageProperty">The params property asking for a page size, when there is one.</param>
/// <param name="EnvelopeProperty">The params property asking for an envelope: page requests leave it out.</param>
internal sealed record PagingSpec(
    string ItemsMethodName,
    string PagesMethodName,
    TypeRefSpec ItemType,
    string? ItemsProperty,
    string? TotalCountProperty,
    string? PageNumProperty,
    string? ItemsPerPageProperty,
    string? EnvelopeProperty,
    string? CursorProperty = null,
    string? NextCursorProperty = null,
    string? NextPageMethodName = null,
    string? NextLinkProperty = null,
    string? LinksProperty = null,
    string? LinkRelProperty = null,
    string? LinkHrefProperty = null);

/// <summary>An error status an operation lists (<c>404</c>, <c>4XX</c>, <c>default</c>) and the error codes its examples show.</summary>
internal sealed record ErrorResponseSpec(string Status, EquatableArray<string> Codes);

/// <summary>A piece of the request path: literal text, or a path parameter's value (escaped at run time).</summary>
/// <param name="UrlSafe">The value is validated to hold only unreserved URI characters, so it needs no escaping.</param>
/// <param name="MetadataName">For a <see cref="ValueFormat.Structured"/> value (a list), its JSON metadata: written comma-separated.</param>
internal sealed record PathSegmentSpec(string? Literal, string? ParameterPropertyName, ValueFormat Format, bool UrlSafe = false, string? MetadataName = null);

/// <summary>The request body: the params class's <c>Body</c> property and the media type sent with it.</summary>
/// <param name="Type">The property's declared type: nullable when the body is optional.</param>
/// <param name="Encoding">How the body is written.</param>
/// <param name="FieldEncodings">For a form, the fields the spec's <c>encoding</c> gives a style other than the default.</param>
/// <param name="Parts">
/// For a multipart form whose schema lists its properties, one params class property per part (and no <c>Body</c>);
/// empty for a form the caller builds as a whole.
/// </param>
internal sealed record RequestBodySpec(
    string PropertyName,
    TypeRefSpec Type,
    string MediaType,
    bool Required,
    string? Description,
    BodyEncoding Encoding = BodyEncoding.Json,
    EquatableArray<FieldEncodingSpec> FieldEncodings = default,
    EquatableArray<MultipartPartSpec> Parts = default);

/// <summary>How a request body is written.</summary>
internal enum BodyEncoding
{
    /// <summary>JSON, from the body's metadata.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>, from the body's JSON form (fields by style).</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: files and values as parts.</summary>
    Multipart,

    /// <summary>Bytes from a stream, sent as they are read.</summary>
    Binary,

    /// <summary>A string (<c>text/plain</c>, XML…).</summary>
    Text,
}

/// <summary>A form field's serialization as the spec's <c>encoding</c> gives it.</summary>
/// <param name="Style">The runtime's <c>ParameterStyle</c> member: Form, SpaceDelimited, PipeDelimited or DeepObject.</param>
internal sealed record FieldEncodingSpec(string Name, string Style, bool Explode);

/// <summary>One part of a multipart form, a property of the params class.</summary>
/// <param name="IsFile">A file part (<c>FilePart</c>, or a list of them when <paramref name="Type"/> is a list); otherwise a value.</param>
/// <param name="ContentType">For a value part, the media type of a non-text value (JSON unless the spec's <c>encoding</c> says otherwise).</param>
/// <param name="ArgumentDescription">The shorthand overload's words for the part: the description's first sentence.</param>
internal sealed record MultipartPartSpec(
    string Name,
    string PropertyName,
    string ArgumentName,
    string DocArgumentName,
    TypeRefSpec Type,
    bool IsFile,
    bool Required,
    string ContentType,
    string? Description,
    string? ArgumentDescription = null);

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

    /// <summary>
    /// An object, or a list sent in a style other than repeated keys: written from its JSON form by the runtime, as
    /// <see cref="ParameterSpec.Style"/> and <see cref="ParameterSpec.Explode"/> say.
    /// </summary>
    Structured,
}

/// <summary>One path, query or header parameter as a property of the params class.</summary>
/// <param name="Type">The property's declared type: nullable when the parameter is optional.</param>
/// <param name="ArgumentName">The shorthand overload's argument (a keyword escaped with <c>@</c>).</param>
/// <param name="DocArgumentName">The argument as documentation names it (no <c>@</c>).</param>
/// <param name="ArgumentDescription">The shorthand overload's words for the argument: the description's first sentence (the params class has it all).</param>
/// <param name="DocReference">The member whose documentation this parameter shares (a parameter component met before), or null.</param>
/// <param name="Style">For a <see cref="ValueFormat.Structured"/> parameter, the runtime's <c>ParameterStyle</c> member.</param>
/// <param name="Explode">For a <see cref="ValueFormat.Structured"/> parameter, whether each value or property is its own key.</param>
internal sealed record ParameterSpec(
    string Name,
    string PropertyName,
    string ArgumentName,
    string DocArgumentName,
    ParameterLocation Location,
    bool Required,
    TypeRefSpec Type,
    ValueFormat Format,
    bool IsArray,
    string? Description,
    string? DefaultValue,
    bool Deprecated,
    ValidationSpec? Validation,
    string? DocReference = null,
    string? ArgumentDescription = null,
    string Style = "Form",
    bool Explode = true);

/// <summary>The constraints checked before a request is sent.</summary>
/// <param name="PatternCharacters">
/// When <paramref name="Pattern"/> is one character class repeated (<c>^([a-f0-9]{24})$</c>), its characters, so the
/// check is a length test and a character scan instead of a regular expression; otherwise null.
/// </param>
/// <param name="PatternField">The params class's static field holding the compiled pattern (or its characters).</param>
/// <param name="ExclusiveMinimum">The value must be greater than <paramref name="Minimum"/>, not equal to it.</param>
/// <param name="ExclusiveMaximum">The value must be less than <paramref name="Maximum"/>, not equal to it.</param>
internal sealed record ValidationSpec(
    string? Pattern,
    int? MinLength,
    int? MaxLength,
    string? Minimum,
    string? Maximum,
    string? PatternCharacters = null,
    int PatternMinLength = 0,
    int? PatternMaxLength = null,
    string? PatternField = null,
    bool ExclusiveMinimum = false,
    bool ExclusiveMaximum = false);
