using static SpecClient.Generator.Diagnostics.DiagnosticDescriptors;

namespace SpecClient.Generator.Diagnostics;

/// <summary>
/// The causes of the diagnostics that can repeat across one spec, each with the fix its summary warning gives. A
/// reader reports the cause it found (<c>ParseContext.Report(DiagnosticCause, …)</c>); a repeatable id reported
/// with a plain descriptor belongs to that id's default cause (<see cref="DefaultFor"/>).
/// </summary>
internal static class DiagnosticCauses
{
    private const string SpecOwnerOnly = "Nothing to change in the project; if the spec is yours, ";

    public static readonly DiagnosticCause ReferenceToNothing = new(
        UnresolvedReference,
        "SCG0003.nothing",
        "$refs to nothing in the document; what they name is JsonElement or left out",
        "Correct each $ref or add the component it names (if the spec is not yours, tell its owner).");

    public static readonly DiagnosticCause ReferenceToOtherFile = new(
        UnresolvedReference,
        "SCG0003.file",
        "$refs to other files or URLs, which are not followed; what they name is JsonElement or left out",
        "Bundle the spec into one file (for example 'npx @redocly/cli bundle spec.yaml -o bundled.yaml') and list that file as the <OpenApiSpec>.");

    public static readonly DiagnosticCause ReferenceLoop = new(
        UnresolvedReference,
        "SCG0003.loop",
        "$ref chains that loop or run longer than 64 references; what they name is JsonElement or left out",
        SpecOwnerOnly + "point each $ref at the schema itself.");

    public static readonly DiagnosticCause SharedOperationId = new(
        DuplicateOperationId,
        "SCG0004",
        "operations sharing an operationId with an earlier one, generated with a number (Search2Async)",
        "The numbered methods work as they are; ExcludeOperations can leave them out. If the spec is yours, give each operation its own operationId.");

    public static readonly DiagnosticCause UnionWithoutUnions = new(
        UnsupportedSchema,
        "SCG0005.union",
        "oneOf/anyOf of several variants without a discriminator, or several types, generated as JsonElement",
        "Set Unions=\"true\" on the <OpenApiSpec> item to generate a union struct for each.");

    public static readonly DiagnosticCause VariantWithSecondBase = new(
        UnsupportedSchema,
        "SCG0005.base",
        "discriminator variants already generated under another base record (C# has one base class), read as their base",
        SpecOwnerOnly + "give each variant one base; the JSON still reads, as the base record.");

    public static readonly DiagnosticCause SchemaLoop = new(
        UnsupportedSchema,
        "SCG0005.loop",
        "schemas that contain themselves without an object in between, or nest deeper than 200 levels, generated as JsonElement",
        SpecOwnerOnly + "put an object between the schema and itself.");

    public static readonly DiagnosticCause UnknownSchemaType = new(
        UnsupportedSchema,
        "SCG0005.type",
        "schemas with a type OpenAPI does not define, generated as JsonElement",
        SpecOwnerOnly + "use string, number, integer, boolean, array, object or null.");

    public static readonly DiagnosticCause ChoiceWithoutVariants = new(
        UnsupportedSchema,
        "SCG0005.empty",
        "oneOf/anyOf without any variant to type, generated as JsonElement",
        SpecOwnerOnly + "list the variants, or drop the empty oneOf/anyOf.");

    public static readonly DiagnosticCause UnionNamedLikeMember = new(
        UnsupportedSchema,
        "SCG0005.name",
        "unions named like a member every union has (Match, Switch, Unknown…), generated as JsonElement",
        SpecOwnerOnly + "rename the schema.");

    public static readonly DiagnosticCause UnsendableParameter = new(
        UnsupportedParameter,
        "SCG0007",
        "parameters SpecClient cannot send (cookies, values no URL or header can carry), left out, or their operation skipped when required",
        "Send them from a DelegatingHandler on the client's HttpClient; call an operation skipped for a required one with HttpClient directly.");

    public static readonly DiagnosticCause MalformedOperation = new(
        InvalidOperation,
        "SCG0008",
        "malformed operations (a parameter without name or in, a path template with an unclosed or empty {}), skipped",
        "The other operations generate; ExcludeOperations leaves these out (an excluded operation reports nothing). If the spec is yours, correct them.");

    public static readonly DiagnosticCause NoMediaTypeForVersion = new(
        NoMediaTypeForApiVersion,
        "SCG0009",
        "operations offering no media type dated on or before ApiVersion, sent with their oldest",
        "Set ApiVersion on the <OpenApiSpec> item to a version these operations have, or leave it out to use the newest.");

    public static readonly DiagnosticCause UncheckedPattern = new(
        InvalidPattern,
        "SCG0011",
        "patterns that are not valid .NET regular expressions, or longer than 4,096 characters, not checked before sending",
        SpecOwnerOnly + "write them in the syntax .NET and ECMAScript share; the server still checks the values.");

    public static readonly DiagnosticCause SameShapePath = new(
        DuplicatePathSignature,
        "SCG0015",
        "paths differing from another only in their parameter names, which a server cannot tell apart",
        "Both are generated; if the spec is yours, merge each pair into one path.");


    public static readonly DiagnosticCause UndeclaredParameter = new(
        UndeclaredPathParameter,
        "SCG0019",
        "operations using path parameters they do not declare, generated as required strings",
        SpecOwnerOnly + "declare each path parameter (in: path, required: true).");

    /// <summary>The cause a repeatable id has when reported without one; null for ids that do not repeat.</summary>
    public static DiagnosticCause? DefaultFor(string id) => id switch
    {
        "SCG0003" => ReferenceToNothing,
        "SCG0004" => SharedOperationId,
        "SCG0005" => UnionWithoutUnions,
        "SCG0007" => UnsendableParameter,
        "SCG0008" => MalformedOperation,
        "SCG0009" => NoMediaTypeForVersion,
        "SCG0011" => UncheckedPattern,
        "SCG0015" => SameShapePath,
        "SCG0019" => UndeclaredParameter,
        _ => null,
    };

    /// <summary>Every cause, for looking one up by its key.</summary>
    public static readonly DiagnosticCause[] All =
    {
        ReferenceToNothing, ReferenceToOtherFile, ReferenceLoop, SharedOperationId, UnionWithoutUnions, VariantWithSecondBase,
        SchemaLoop, UnknownSchemaType, ChoiceWithoutVariants, UnionNamedLikeMember, UnsendableParameter, MalformedOperation,
        NoMediaTypeForVersion, UncheckedPattern, SameShapePath, UndeclaredParameter,
    };
}
