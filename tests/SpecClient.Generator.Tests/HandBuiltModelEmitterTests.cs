using SpecClient.Generator.Emitting;
using SpecClient.Generator.Model;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The emitters on models built by hand, without a spec or the parser: each case of the model prints its own code, and
/// an emitter prints the names the model gives it, never ones it works out.
/// </summary>
public sealed class HandBuiltModelEmitterTests
{
    private static readonly TypeRefSpec StringType = new(TypeRefKind.Primitive, "string", "string", "String", IsValueType: false, Primitive: PrimitiveKind.String);
    private static readonly TypeRefSpec NullableString = new(TypeRefKind.Nullable, "string?", "string?", "String", IsValueType: false, StringType);
    private static readonly TypeRefSpec Widget = new(TypeRefKind.Model, "Widget", "Widget", "Widget", IsValueType: false, Name: "Widget");
    private static readonly TypeRefSpec WidgetPage = new(TypeRefKind.Model, "WidgetPage", "WidgetPage", "WidgetPage", IsValueType: false, Name: "WidgetPage");
    private static readonly TypeRefSpec Tags = new(TypeRefKind.List, "global::System.Collections.Generic.List<string>", "System.Collections.Generic.List<string>", "ListString", IsValueType: false, StringType);

    [Fact]
    public void CursorPagesFollowTheCursorTheModelNames()
    {
        OperationSpec operation = Operation(paging: new CursorPagingSpec("ListWidgetsItemsAsync", "ListWidgetsPagesAsync", Widget, "Data", "StartingAfter", "NextCursor"));

        string clients = ClientEmitter.Emit(Api(operation));

        Assert.Contains("ListWidgetsAsync(cursor is null ? parameters : parameters with { StartingAfter = cursor }, ct), static page => page.NextCursor, cancellationToken);", clients);
        Assert.Contains("ApiPaging.ItemsAsync<WidgetPage, Widget>(ListWidgetsPagesAsync(parameters, cancellationToken), static page => page.Data, cancellationToken);", clients);
        Assert.DoesNotContain("NextPageAsync", clients);
    }

    [Fact]
    public void LinkedPagesReadTheNextLinkFromTheLinkList()
    {
        var paging = new LinkedPagingSpec("ListWidgetsItemsAsync", "ListWidgetsPagesAsync", Widget, "Results", "ListWidgetsNextPageAsync", NextLinkProperty: null, new LinkListSpec("Links", "Rel", "Href"));

        string clients = ClientEmitter.Emit(Api(Operation(paging)));

        Assert.Contains("static page => page.Links?.Find(link => link?.Rel == \"next\")?.Href, cancellationToken);", clients);
        Assert.Contains("public global::System.Threading.Tasks.Task<WidgetPage> ListWidgetsNextPageAsync(string nextPage, global::System.Threading.CancellationToken cancellationToken = default)", clients);
    }

    [Fact]
    public void NumberedPagesClearTheEnvelopeTheModelNames()
    {
        var paging = new NumberedPagingSpec("ListWidgetsItemsAsync", "ListWidgetsPagesAsync", Widget, "Results", "PageNum", TotalCountProperty: "TotalCount", ItemsPerPageProperty: null, EnvelopeProperty: "Envelope");

        string clients = ClientEmitter.Emit(Api(Operation(paging)));

        Assert.Contains("(pageNum, ct) => ListWidgetsAsync(parameters with { PageNum = pageNum, Envelope = null }, ct), static page => page.Results, static page => page.TotalCount, null, (int)(parameters.PageNum ?? 1), cancellationToken);", clients);
    }

    [Fact]
    public void StructuredQueryParametersAreWrittenInTheirStyle()
    {
        var tags = new ParameterSpec("tags", "Tags", "tags", "tags", ParameterLocation.Query, Required: false, Tags, ValueFormat.Structured, IsArray: false, null, null, Deprecated: false, null, Style: ParameterStyle.PipeDelimited, Explode: false);

        string clients = ClientEmitter.Emit(Api(Operation(paging: null, tags)));

        Assert.Contains("uri.AppendQuery(\"tags\", parameters.Tags, s_json.ListString, global::SpecClient.Runtime.ParameterStyle.PipeDelimited, false);", clients);
    }

    [Fact]
    public void DeprecatedRequiredParametersAreDocumentedAndOptionalOnesObsolete()
    {
        var required = new ParameterSpec("old", "Old", "old", "old", ParameterLocation.Query, Required: true, StringType, ValueFormat.String, IsArray: false, null, null, Deprecated: true, null);
        var optional = new ParameterSpec("older", "Older", "older", "older", ParameterLocation.Query, Required: false, NullableString, ValueFormat.String, IsArray: false, null, null, Deprecated: true, null);

        string parameters = ParamsEmitter.Emit(Api(Operation(paging: null, required, optional)));

        // A required member may not be obsolete (CS9042).
        Assert.Contains("/// <remarks>The API deprecates this parameter.</remarks>\n    public required string Old { get; init; }", parameters);
        Assert.Contains("[global::System.Obsolete(\"The API deprecates this parameter.\")]\n    public string? Older { get; init; }", parameters);
    }

    [Fact]
    public void UnionDocumentationShowsTheDisplayNameTheModelGives()
    {
        // The display name is the parser's: the emitter prints it, and never derives one from the identifier.
        TypeRefSpec union = new(TypeRefKind.Union, "Choice", "Choice", "Choice", IsValueType: true, Name: "Choice");
        var spec = Api(Operation(paging: null)) with
        {
            Unions = new[] { new UnionSpec("Choice", union, "Choice", null, new[] { new UnionVariantSpec("Text", "text", StringType), new UnionVariantSpec("Tags", "tags", Tags with { DisplayName = "list of tags" }) }.ToEquatableArray()) }.ToEquatableArray(),
        };

        string models = ModelEmitter.Emit(spec);

        Assert.Contains("<remarks>One of <c>string</c>, <c>list of tags</c>;", models);
    }

    [Fact]
    public void PatternsArePrintedOnceAndCheckedThroughTheFieldTheModelNames()
    {
        var validation = new ValidationSpec("^([a-f0-9]{24})$", null, null, null, null, PatternCharacters: "0123456789abcdef", PatternMinLength: 24, PatternMaxLength: 24, PatternField: "global::Consumer.Widgets.WidgetsClientPatterns.Pattern1");
        var owner = new ParameterSpec("ownerId", "OwnerId", "ownerId", "ownerId", ParameterLocation.Query, Required: true, StringType, ValueFormat.String, IsArray: false, null, null, Deprecated: false, validation);
        var code = new ParameterSpec("code", "Code", "code", "code", ParameterLocation.Query, Required: false, NullableString, ValueFormat.String, IsArray: false, null, null, Deprecated: false, new ValidationSpec("^[A-Z]+-\\d+$", null, null, null, null, PatternField: "global::Consumer.Widgets.WidgetsClientPatterns.Pattern2"));
        var patterns = new ParameterPatternsSpec("WidgetsClientPatterns", new[]
        {
            new ParameterPatternSpec("Pattern1", "^([a-f0-9]{24})$", "0123456789abcdef"),
            new ParameterPatternSpec("Pattern2", "^[A-Z]+-\\d+$", Characters: null),
        }.ToEquatableArray());

        string parameters = ParamsEmitter.Emit(Api(Operation(paging: null, owner, code)) with { ParameterPatterns = patterns });

        Assert.Contains("ParameterGuard.Pattern(OwnerId, global::Consumer.Widgets.WidgetsClientPatterns.Pattern1, 24, 24, \"^([a-f0-9]{24})$\", \"ownerId\");", parameters);
        Assert.Contains("ParameterGuard.Pattern(Code, global::Consumer.Widgets.WidgetsClientPatterns.Pattern2, \"code\");", parameters);
        Assert.Contains("internal static class WidgetsClientPatterns\n{\n    /// <summary>Matches ^([a-f0-9]{24})$.</summary>\n", parameters);
        Assert.Contains("    internal static readonly global::System.Buffers.SearchValues<char> Pattern1 = global::System.Buffers.SearchValues.Create(\"0123456789abcdef\");\n", parameters);
        Assert.Contains("    internal static readonly global::System.Text.RegularExpressions.Regex Pattern2 = global::SpecClient.Runtime.ParameterGuard.CreatePattern(\"^[A-Z]+-\\\\d+$\");\n", parameters);
        Assert.DoesNotContain("private static readonly", parameters);
    }

    private static OperationSpec Operation(PagingSpec? paging, params ParameterSpec[] parameters)
        => new(
            "listWidgets",
            "ListWidgetsAsync",
            "ListWidgetsParams",
            "s_listWidgetsOperation",
            "get",
            "/widgets",
            new[] { new PathSegmentSpec("widgets", null, ValueFormat.String) }.ToEquatableArray(),
            Summary: null,
            Description: null,
            ObsoleteMessage: null,
            "application/json",
            parameters.ToEquatableArray(),
            Body: null,
            WidgetPage,
            ErrorType: null,
            paging,
            EnvelopePropertyName: null,
            EquatableArray<ErrorResponseSpec>.Empty);

    private static ApiSpec Api(OperationSpec operation)
        => new(
            "widgets.yaml",
            "widgets.yaml",
            "Consumer.Widgets",
            new RootClientSpec("WidgetsClient", "IWidgetsClient", "Widgets", null, null, null, "https://widgets.example/", string.Empty, new[] { operation }.ToEquatableArray()),
            EquatableArray<ClientSpec>.Empty,
            EquatableArray<ModelSpec>.Empty,
            EquatableArray<EnumSpec>.Empty,
            EquatableArray<UnionSpec>.Empty,
            new JsonContextSpec("WidgetsJsonContext", "global::Consumer.Widgets.WidgetsJsonContext", EquatableArray<JsonTypeSpec>.Empty),
            ErrorCodes: null,
            new ParameterPatternsSpec("WidgetsClientPatterns", EquatableArray<ParameterPatternSpec>.Empty));
}
