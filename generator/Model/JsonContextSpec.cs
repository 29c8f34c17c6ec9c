namespace SpecClient.Generator.Model;

/// <summary>The generated System.Text.Json context: one type-info property per type that is read or written.</summary>
internal sealed record JsonContextSpec(string ClassName, EquatableArray<JsonTypeSpec> Types);

/// <summary>How the JSON metadata of one type is created.</summary>
internal enum JsonTypeKind
{
    /// <summary>A built-in value handled by a converter in <c>JsonMetadataServices</c>.</summary>
    Primitive,

    /// <summary>A <c>Nullable&lt;T&gt;</c> of a value type.</summary>
    NullableValue,

    /// <summary>A generated model record.</summary>
    Object,

    /// <summary>A generated enum struct, read and written by its generated converter.</summary>
    Enum,

    /// <summary>A <c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary>A <c>Dictionary&lt;string, T&gt;</c>.</summary>
    Dictionary,
}

/// <param name="PropertyName">The context property exposing this type's <c>JsonTypeInfo</c>.</param>
/// <param name="Type">The type described.</param>
/// <param name="PrimitiveConverter">For primitives, the <c>JsonMetadataServices</c> converter property.</param>
/// <param name="ElementType">For lists and dictionaries the element (value) type; for nullable values the underlying type.</param>
/// <param name="Model">For objects, the model name to find its properties.</param>
internal sealed record JsonTypeSpec(
    string PropertyName,
    TypeRefSpec Type,
    JsonTypeKind Kind,
    string? PrimitiveConverter,
    TypeRefSpec? ElementType,
    string? Model);
