namespace SpecClient.Generator.Model;

/// <summary>A schema generated as a <c>partial record</c> with one property per schema property.</summary>
/// <param name="Name">The declared name.</param>
/// <param name="Type">The record as a type.</param>
/// <param name="Base">For a variant of a polymorphic schema, the base record it derives from.</param>
/// <param name="Discriminator">For a polymorphic base, how JSON picks the variant; the base is then not sealed.</param>
/// <param name="Properties">The properties this record declares (a variant inherits the base's).</param>
internal sealed record ModelSpec(
    string Name,
    TypeRefSpec Type,
    string SchemaName,
    string? Description,
    bool Deprecated,
    TypeRefSpec? Base,
    DiscriminatorSpec? Discriminator,
    EquatableArray<PropertySpec> Properties,
    ErrorFieldsSpec? ErrorFields = null);

/// <summary>
/// For a schema some operation's error responses use: the JSON names of its fields holding the machine-readable code
/// and the human-readable detail (either may be null), as <c>Conventions/ErrorFieldsConvention</c> recognised them.
/// </summary>
internal sealed record ErrorFieldsSpec(string? CodeField, string? DetailField);

/// <summary>The property naming the variant, and the variant for each value.</summary>
internal sealed record DiscriminatorSpec(string PropertyName, EquatableArray<DerivedTypeSpec> DerivedTypes);

internal sealed record DerivedTypeSpec(string Value, TypeRefSpec Type);

/// <summary>One model property.</summary>
/// <param name="PropertyName">The C# property name (a keyword escaped with <c>@</c>).</param>
/// <param name="Type">The declared type: nullable when the property is optional, <c>readOnly</c> or <c>nullable: true</c>.</param>
/// <param name="Required">A C# <c>required</c> member: the schema requires it in requests (not <c>readOnly</c>).</param>
/// <param name="RequiredWhenReading">The schema requires it in responses (not <c>writeOnly</c>): strict reading fails without it, unions pick variants by it.</param>
internal sealed record PropertySpec(
    string JsonName,
    string PropertyName,
    TypeRefSpec Type,
    bool Required,
    bool RequiredWhenReading,
    bool ReadOnly,
    bool WriteOnly,
    bool Deprecated,
    string? Description);

/// <summary>
/// A string enum generated as a struct wrapping its value, so values the server adds later
/// are kept instead of failing deserialization.
/// </summary>
internal sealed record EnumSpec(
    string Name,
    TypeRefSpec Type,
    string? Description,
    EquatableArray<EnumValueSpec> Values);

/// <param name="Summary">The member's documentation: the value itself, or words for a value that shows nothing.</param>
internal sealed record EnumValueSpec(string MemberName, string Value, string Summary);

/// <summary>
/// An untagged <c>oneOf</c>/<c>anyOf</c> (or an OpenAPI 3.1 <c>type</c> list) generated as a struct holding one of its
/// variants, or the JSON none of them reads.
/// </summary>
/// <param name="Variants">The variants in the spec's order: the order reading tries them in among equals.</param>
internal sealed record UnionSpec(
    string Name,
    TypeRefSpec Type,
    string SchemaName,
    string? Description,
    EquatableArray<UnionVariantSpec> Variants);

/// <summary>One variant of a union.</summary>
/// <param name="MemberName">What its members are named after: <c>Is{MemberName}</c>, <c>TryGet{MemberName}</c>.</param>
/// <param name="ArgumentName">Its parameter in <c>Match</c> and <c>Switch</c> (camelCase, a keyword escaped).</param>
/// <param name="Type">The variant's type (never nullable).</param>
internal sealed record UnionVariantSpec(string MemberName, string ArgumentName, TypeRefSpec Type);
