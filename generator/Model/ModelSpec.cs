namespace SpecClient.Generator.Model;

/// <summary>A schema generated as a <c>partial record</c> with one property per schema property.</summary>
/// <param name="BaseModel">For a variant of a polymorphic schema, the base model it derives from.</param>
/// <param name="Discriminator">For a polymorphic base, how JSON picks the variant; the base is then not sealed.</param>
/// <param name="Properties">The properties this record declares (a variant inherits the base's).</param>
internal sealed record ModelSpec(
    string Name,
    string SchemaName,
    string? Description,
    bool Deprecated,
    string? BaseModel,
    DiscriminatorSpec? Discriminator,
    EquatableArray<PropertySpec> Properties);

/// <summary>The property naming the variant, and the variant for each value.</summary>
internal sealed record DiscriminatorSpec(string PropertyName, EquatableArray<DerivedTypeSpec> DerivedTypes);

internal sealed record DerivedTypeSpec(string Value, string TypeFullName);

/// <summary>One model property.</summary>
/// <param name="Required">A C# <c>required</c> member: the schema requires it in requests (not <c>readOnly</c>).</param>
/// <param name="RequiredWhenReading">Reading JSON fails without it: the schema requires it in responses (not <c>writeOnly</c>).</param>
/// <param name="Nullable">The C# type carries <c>?</c> (optional, <c>readOnly</c>, or <c>nullable: true</c>).</param>
internal sealed record PropertySpec(
    string JsonName,
    string PropertyName,
    TypeRefSpec Type,
    bool Required,
    bool RequiredWhenReading,
    bool Nullable,
    bool ReadOnly,
    bool WriteOnly,
    bool Deprecated,
    string? Description,
    string TypeInfoProperty);

/// <summary>
/// A string enum generated as a struct wrapping its value, so values the server adds later
/// are kept instead of failing deserialization.
/// </summary>
internal sealed record EnumSpec(
    string Name,
    string? Description,
    EquatableArray<EnumValueSpec> Values);

/// <param name="Summary">The member's documentation: the value itself, or words for a value that shows nothing.</param>
internal sealed record EnumValueSpec(string MemberName, string Value, string Summary);
