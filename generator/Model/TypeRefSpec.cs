namespace SpecClient.Generator.Model;

/// <summary>What a <see cref="TypeRefSpec"/> stands for: decides how it is read, written, validated and described.</summary>
internal enum TypeRefKind
{
    /// <summary>A built-in value (<see cref="PrimitiveKind"/> says which).</summary>
    Primitive,

    /// <summary>A generated open enum struct.</summary>
    Enum,

    /// <summary>A generated record.</summary>
    Model,

    /// <summary>A <c>List&lt;T&gt;</c> of <see cref="TypeRefSpec.Element"/>.</summary>
    List,

    /// <summary>A <c>Dictionary&lt;string, T&gt;</c> of <see cref="TypeRefSpec.Element"/>.</summary>
    Dictionary,

    /// <summary>Any JSON value (<c>JsonElement</c>): free-form schemas and those SpecClient cannot type.</summary>
    Json,

    /// <summary><see cref="TypeRefSpec.Element"/> or null: <c>T?</c>.</summary>
    Nullable,

    /// <summary>A generated union struct holding one of several types (an untagged <c>oneOf</c>/<c>anyOf</c>, a 3.1 type list).</summary>
    Union,

    /// <summary>A <c>System.IO.Stream</c>: a binary body sent as it is read (never JSON).</summary>
    Stream,

    /// <summary>The runtime's <c>FilePart</c>: a file in a multipart form (never JSON).</summary>
    FilePart,

    /// <summary>The runtime's <c>MultipartBody</c>: a multipart form the caller builds whole (never JSON).</summary>
    MultipartBody,
}

/// <summary>The built-in types a schema maps to.</summary>
internal enum PrimitiveKind
{
    None,
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    DateTimeOffset,
}

/// <summary>
/// A C# type as data: its kind, its finished identifier (<c>global::</c>-qualified, nullable marker included), the name of
/// its JSON metadata property, and its parts. The parser builds every one; emitters print <see cref="Identifier"/> and
/// <see cref="MetadataName"/> as they are and decide by <see cref="Kind"/>, never by reading a name.
/// </summary>
/// <param name="Identifier">The type as C# spells it: <c>string</c>, <c>Invite</c>, <c>long?</c>, <c>global::System.Collections.Generic.List&lt;Role&gt;</c>.</param>
/// <param name="DisplayName">The type as documentation shows it, without <c>global::</c>: <c>System.Collections.Generic.List&lt;Role&gt;</c>.</param>
/// <param name="MetadataName">The JSON context property holding this type's metadata (a nullable reference shares its type's).</param>
/// <param name="IsValueType">Whether the type is a struct (so its nullable form is <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="Element">A list's element, a dictionary's value, or a nullable's underlying type.</param>
/// <param name="Primitive">For <see cref="TypeRefKind.Primitive"/>, which one.</param>
/// <param name="Name">For models, enums and unions, the declared (unqualified) name.</param>
internal sealed record TypeRefSpec(
    TypeRefKind Kind,
    string Identifier,
    string DisplayName,
    string MetadataName,
    bool IsValueType,
    TypeRefSpec? Element = null,
    PrimitiveKind Primitive = PrimitiveKind.None,
    string? Name = null)
{
    /// <summary>The type without its nullable marker.</summary>
    public TypeRefSpec Underlying => Kind == TypeRefKind.Nullable ? Element! : this;

    public bool IsNullable => Kind == TypeRefKind.Nullable;
}
