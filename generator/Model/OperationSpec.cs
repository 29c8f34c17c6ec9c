namespace SpecClient.Generator.Model;

/// <summary>One HTTP operation: its C# method, its params class and how to build and send the request.</summary>
/// <param name="ParamsClassName">The params class, as declared and as referred to (a type of the spec's namespace is named by its simple name).</param>
/// <param name="DescriptorField">The client's static field describing the operation (operationId, method, path template) to the runtime's telemetry.</param>
/// <param name="ResultType">The success body's type; null when the success response has none. For <see cref="ResultBodyKind.Events"/>, the type of each event's data; null for text.</param>
/// <param name="ErrorType">The error body's type the exception carries (the one most error responses share); null for none.</param>
/// <param name="EventStreamVariant">For an operation that answers JSON or <c>text/event-stream</c>, the streaming method beside the JSON one (<c>XStreamAsync</c>): the same operation and params class, its own Accept.</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string ParamsClassName,
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
    ResultBodyKind ResultKind = ResultBodyKind.Json,
    OperationSpec? EventStreamVariant = null);

/// <summary>How the success body is handed to the caller.</summary>
internal enum ResultBodyKind
{
    /// <summary>Read as JSON into <see cref="OperationSpec.ResultType"/> (none when that is null).</summary>
    Json,

    /// <summary>A <c>text/*</c> body, read whole into a string.</summary>
    Text,

    /// <summary>Any other body (binary, CSV, archives, XML…): an unbuffered stream the caller disposes.</summary>
    Stream,

    /// <summary><c>text/event-stream</c>: server-sent events read as they arrive, each one's data as <see cref="OperationSpec.ResultType"/>.</summary>
    Events,
}

/// <summary>
/// A list operation answered in pages: generated with methods that read every page, yielding items
/// (<see cref="ItemsMethodName"/>) or whole pages (<see cref="PagesMethodName"/>). One of
/// <see cref="NumberedPagingSpec"/>, <see cref="CursorPagingSpec"/> or <see cref="LinkedPagingSpec"/>, each holding only
/// what its kind of page needs.
/// </summary>
/// <param name="ItemType">The type of one item.</param>
/// <param name="ItemsProperty">The page's list of items (<c>Results</c>); null when the page is the list itself.</param>
internal abstract record PagingSpec(string ItemsMethodName, string PagesMethodName, TypeRefSpec ItemType, string? ItemsProperty);

/// <summary>Numbered pages (<c>pageNum</c>), read from the first asked for until one is empty, short or the last counted.</summary>
/// <param name="PageNumProperty">The params property holding the page number.</param>
/// <param name="TotalCountProperty">The page's total count of items, when it has one.</param>
/// <param name="ItemsPerPageProperty">The params property asking for a page size, when there is one.</param>
/// <param name="EnvelopeProperty">The params property asking for an envelope: page requests leave it out.</param>
internal sealed record NumberedPagingSpec(
    string ItemsMethodName,
    string PagesMethodName,
    TypeRefSpec ItemType,
    string? ItemsProperty,
    string PageNumProperty,
    string? TotalCountProperty,
    string? ItemsPerPageProperty,
    string? EnvelopeProperty)
    : PagingSpec(ItemsMethodName, PagesMethodName, ItemType, ItemsProperty);

/// <summary>Pages chained by a cursor: each page names the next one, which goes into a params property.</summary>
/// <param name="CursorProperty">The params property the next page's cursor goes into.</param>
/// <param name="NextCursorProperty">The page's property naming the next page (null or empty on the last).</param>
internal sealed record CursorPagingSpec(
    string ItemsMethodName,
    string PagesMethodName,
    TypeRefSpec ItemType,
    string ItemsProperty,
    string CursorProperty,
    string NextCursorProperty)
    : PagingSpec(ItemsMethodName, PagesMethodName, ItemType, ItemsProperty);

/// <summary>Pages chained by links: each page holds the next page's link, read with <see cref="NextPageMethodName"/>.</summary>
/// <param name="NextPageMethodName">The client method reading the page a link names.</param>
/// <param name="NextLinkProperty">The page's property holding the next page's link; null when <paramref name="Links"/> holds it.</param>
/// <param name="Links">The page's list of links, the next page's being the one with <c>rel: next</c>; null when <paramref name="NextLinkProperty"/> holds it.</param>
internal sealed record LinkedPagingSpec(
    string ItemsMethodName,
    string PagesMethodName,
    TypeRefSpec ItemType,
    string ItemsProperty,
    string NextPageMethodName,
    string? NextLinkProperty,
    LinkListSpec? Links)
    : PagingSpec(ItemsMethodName, PagesMethodName, ItemType, ItemsProperty);

/// <summary>A page's list of links (<c>links: [{rel, href}]</c>).</summary>
/// <param name="Property">The page's property holding the list.</param>
/// <param name="RelProperty">The link's <c>rel</c> property.</param>
/// <param name="HrefProperty">The link's <c>href</c> property.</param>
internal sealed record LinkListSpec(string Property, string RelProperty, string HrefProperty);

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
internal sealed record FieldEncodingSpec(string Name, ParameterStyle Style, bool Explode);

/// <summary>
/// How a structured value (an object, a list) is written into a query or form, as OpenAPI's <c>style</c> says; the
/// members are named like the runtime's <c>ParameterStyle</c>.
/// </summary>
internal enum ParameterStyle
{
    /// <summary><c>form</c>: repeated keys when exploded, else comma-separated.</summary>
    Form,

    /// <summary><c>spaceDelimited</c>: values joined by spaces.</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c>: values joined by <c>|</c>.</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c>: <c>name[key]=value</c>.</summary>
    DeepObject,
}

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
/// <param name="Style">For a <see cref="ValueFormat.Structured"/> parameter, how it is written.</param>
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
    ParameterStyle Style = ParameterStyle.Form,
    bool Explode = true);

/// <summary>The constraints checked before a request is sent.</summary>
/// <param name="PatternCharacters">
/// When <paramref name="Pattern"/> is one character class repeated (<c>^([a-f0-9]{24})$</c>), its characters, so the
/// check is a length test and a character scan instead of a regular expression; otherwise null.
/// </param>
/// <param name="PatternField">The qualified static field holding the compiled pattern (or its characters).</param>
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
