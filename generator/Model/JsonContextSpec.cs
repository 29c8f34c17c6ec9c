namespace SpecClient.Generator.Model;

/// <summary>The generated System.Text.Json context: one metadata property per type that is read or written.</summary>
/// <remarks>Derived from the finished model by <c>JsonContextBuilder</c>, a pure pass: nothing else decides what it holds.</remarks>
/// <param name="Identifier">The context as referred to (qualified).</param>
internal sealed record JsonContextSpec(string ClassName, string Identifier, EquatableArray<JsonTypeSpec> Types);

/// <summary>One type's metadata.</summary>
/// <param name="Type">The type; its kind says how the metadata is created.</param>
/// <param name="Properties">For records, every JSON property, the base record's first.</param>
/// <param name="Discriminator">For a polymorphic base record, its variants.</param>
/// <param name="Exposed">
/// Whether the context has a public property for it: records, enums and the types operations read or write. The rest
/// (a nullable <c>long</c>, a list inside a record) are resolved on demand without one.
/// </param>
internal sealed record JsonTypeSpec(
    TypeRefSpec Type,
    EquatableArray<PropertySpec> Properties,
    DiscriminatorSpec? Discriminator,
    bool Exposed);
