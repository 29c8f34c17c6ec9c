using Microsoft.CodeAnalysis;

namespace SpecClient.Generator.Diagnostics;

/// <summary>
/// Every diagnostic SpecClient reports. Ids are stable (SCG0001…): once shipped, an id never changes meaning.
/// Errors stop a whole spec; warnings drop or degrade one piece and the rest still generates. A problem that can
/// repeat per schema, path or operation is reported at each place as info (SCG0003, SCG0005…) and summed up once
/// per spec and cause as a warning whose id is the place's plus 1000 (SCG1003, SCG1005…; see DiagnosticSummaries).
/// docs/diagnostics.md explains each id and its fix.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SpecClient";

    public static readonly DiagnosticDescriptor InvalidDocument = new(
        "SCG0001",
        "The spec is not a valid YAML or JSON document",
        "'{0}' is not a valid YAML or JSON document: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi3 = new(
        "SCG0002",
        "The spec is not an OpenAPI 3.x document",
        "'{0}' is not an OpenAPI 3.x document: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "SCG0003",
        "A $ref cannot be resolved",
        "The reference '{0}' cannot be resolved; {1}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "SCG0004",
        "Two operations share an operationId",
        "The operationId '{0}' is already used by another operation; '{1}' is generated as '{2}'",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "SCG0005",
        "A schema uses a construct SpecClient does not support",
        "The schema '{0}' {1}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSpecOption = new(
        "SCG0006",
        "An OpenApiSpec metadata value is invalid",
        "The OpenApiSpec metadata {0} '{1}' is invalid: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedParameter = new(
        "SCG0007",
        "A parameter cannot be sent by SpecClient",
        "The parameter '{0}' of operation '{1}' {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOperation = new(
        "SCG0008",
        "An operation is malformed and is skipped",
        "The operation '{0}' is skipped: {1}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoMediaTypeForApiVersion = new(
        "SCG0009",
        "No versioned media type is available for the requested API version",
        "The operation '{0}' offers no media type dated on or before ApiVersion {1}; '{2}' is used",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "SCG0010",
        "SpecClient failed unexpectedly",
        "SpecClient could not generate code for '{0}': {1}. Please report this with the spec.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidPattern = new(
        "SCG0011",
        "A pattern cannot be checked with a .NET regular expression",
        "The pattern '{0}' of '{1}' is not checked: {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SwaggerNotSupported = new(
        "SCG0012",
        "Swagger 2.0 is not supported",
        "'{0}' is a Swagger 2.0 document, which SpecClient does not read. Convert it to OpenAPI 3 first, for example with 'npx swagger2openapi {0} -o openapi.yaml' or the Swagger Editor's 'Convert to OpenAPI 3'.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedResponse = new(
        "SCG0013",
        "A response body cannot be read by SpecClient",
        "The {0} response of operation '{1}' is '{2}', which SpecClient does not read; the method returns no result",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FilterMatchesNothing = new(
        "SCG0014",
        "An operation filter matches no operation",
        "The {0} pattern '{1}' matches no operation of the spec",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicatePathSignature = new(
        "SCG0015",
        "Two paths differ only in their parameter names",
        "The path '{0}' has the same shape as '{1}': a server cannot tell them apart",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecTooComplex = new(
        "SCG0016",
        "The spec is too complex to read safely",
        "'{0}' is not generated: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateNamespace = new(
        "SCG0017",
        "Two OpenApiSpec items generate into one namespace",
        "'{0}' is not generated: '{1}' already generates into the namespace '{2}'{3}. Give each <OpenApiSpec> its own Namespace.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor YamlRepaired = new(
        "SCG0018",
        "The YAML was repaired to read it as other YAML tools do",
        "'{0}': the YAML was repaired to read it as other YAML tools do: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UndeclaredPathParameter = new(
        "SCG0019",
        "A path parameter is used but not declared",
        "The path '{0}' of operation '{1}' uses the parameter '{2}', which the operation does not declare; it is generated as a required string",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WebhooksNotGenerated = new(
        "SCG0020",
        "Webhooks are not generated",
        "'{1}' declares webhooks ({0}), which are not generated: a client calls the API; webhooks are requests the API sends",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    // One warning per spec and cause for the problems above that can repeat; each place stays an info diagnostic.
    private const string SummaryMessage = "{0} of '{1}': {2} ({3}). {4} Info {5} marks each in the spec.";

    public static readonly DiagnosticDescriptor UnresolvedReferenceSummary = new(
        "SCG1003",
        "References of the spec cannot be resolved",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOperationIdSummary = new(
        "SCG1004",
        "Operations of the spec share operationIds",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSchemaSummary = new(
        "SCG1005",
        "Schemas of the spec use constructs SpecClient does not support",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedParameterSummary = new(
        "SCG1007",
        "Parameters of the spec cannot be sent by SpecClient",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOperationSummary = new(
        "SCG1008",
        "Operations of the spec are malformed and skipped",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoMediaTypeForApiVersionSummary = new(
        "SCG1009",
        "Operations of the spec offer no media type for the requested API version",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidPatternSummary = new(
        "SCG1011",
        "Patterns of the spec cannot be checked with .NET regular expressions",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicatePathSignatureSummary = new(
        "SCG1015",
        "Paths of the spec differ only in their parameter names",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);


    public static readonly DiagnosticDescriptor UndeclaredPathParameterSummary = new(
        "SCG1019",
        "Operations of the spec use path parameters they do not declare",
        SummaryMessage,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> s_byId = new()
    {
        [InvalidDocument.Id] = InvalidDocument,
        [NotOpenApi3.Id] = NotOpenApi3,
        [UnresolvedReference.Id] = UnresolvedReference,
        [DuplicateOperationId.Id] = DuplicateOperationId,
        [UnsupportedSchema.Id] = UnsupportedSchema,
        [InvalidSpecOption.Id] = InvalidSpecOption,
        [UnsupportedParameter.Id] = UnsupportedParameter,
        [InvalidOperation.Id] = InvalidOperation,
        [NoMediaTypeForApiVersion.Id] = NoMediaTypeForApiVersion,
        [GeneratorFailure.Id] = GeneratorFailure,
        [InvalidPattern.Id] = InvalidPattern,
        [SwaggerNotSupported.Id] = SwaggerNotSupported,
        [UnsupportedResponse.Id] = UnsupportedResponse,
        [FilterMatchesNothing.Id] = FilterMatchesNothing,
        [DuplicatePathSignature.Id] = DuplicatePathSignature,
        [SpecTooComplex.Id] = SpecTooComplex,
        [DuplicateNamespace.Id] = DuplicateNamespace,
        [YamlRepaired.Id] = YamlRepaired,
        [UndeclaredPathParameter.Id] = UndeclaredPathParameter,
        [WebhooksNotGenerated.Id] = WebhooksNotGenerated,
        [UnresolvedReferenceSummary.Id] = UnresolvedReferenceSummary,
        [DuplicateOperationIdSummary.Id] = DuplicateOperationIdSummary,
        [UnsupportedSchemaSummary.Id] = UnsupportedSchemaSummary,
        [UnsupportedParameterSummary.Id] = UnsupportedParameterSummary,
        [InvalidOperationSummary.Id] = InvalidOperationSummary,
        [NoMediaTypeForApiVersionSummary.Id] = NoMediaTypeForApiVersionSummary,
        [InvalidPatternSummary.Id] = InvalidPatternSummary,
        [DuplicatePathSignatureSummary.Id] = DuplicatePathSignatureSummary,
        [UndeclaredPathParameterSummary.Id] = UndeclaredPathParameterSummary,
    };

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}
