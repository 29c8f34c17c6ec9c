using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// The types of one spec: hands out their names and type references, and holds the records and enums declared so far.
/// Schema mapping asks it for types; it decides nothing about schemas.
/// </summary>
/// <remarks>
/// Names are stable: every <c>components/schemas</c> name is reserved, in document order, before any inline schema,
/// params class or operation is named. A client built with <c>IncludeOperations</c>, or from a spec that gained an
/// operation, therefore names every component type it shares with the full client the same way.
/// </remarks>
internal sealed class TypeRegistry
{
    // Members a record declares itself, so a record may not be named like them (CS0542).
    private static readonly HashSet<string> RecordDeclaredMembers = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct",
    };

    private readonly string _namespace;
    private readonly NameScope _typeNames;
    private readonly NameScope _metadataNames;
    private readonly Dictionary<string, TypeRefSpec> _byIdentifier = new(StringComparer.Ordinal);
    private readonly Dictionary<SpecNode, string> _reservedNames = new();
    private readonly Dictionary<string, ModelSpec> _models = new(StringComparer.Ordinal);
    private readonly List<EnumSpec> _enums = new();
    private readonly List<UnionSpec> _unions = new();

    /// <param name="typeNames">The namespace's type names (clients, params classes, models, enums).</param>
    /// <param name="metadataNames">The JSON context's member names.</param>
    public TypeRegistry(string @namespace, NameScope typeNames, NameScope metadataNames)
    {
        _namespace = @namespace;
        _typeNames = typeNames;
        _metadataNames = metadataNames;
    }

    /// <summary>The members an open enum struct declares (see the model emitter): neither the enum nor its values may take them.</summary>
    public static IReadOnlyList<string> EnumMembers { get; } = new[] { "Value", "IsKnown", "KnownValues", "ToString", "Equals", "GetHashCode", "PrintMembers", "Deconstruct" };

    public IEnumerable<ModelSpec> Models => _models.Values.OrderBy(model => model.Name, StringComparer.Ordinal);

    public IEnumerable<EnumSpec> Enums => _enums.OrderBy(e => e.Name, StringComparer.Ordinal);

    public IEnumerable<UnionSpec> Unions => _unions.OrderBy(u => u.Name, StringComparer.Ordinal);

    /// <summary>The members a union struct declares (see the model emitter): neither the union nor its variants' members may take them.</summary>
    public static IReadOnlyList<string> UnionMembers { get; } = new[] { "Unknown", "Match", "Switch", "ToString", "Equals", "GetHashCode", "PrintMembers", "Deconstruct", "EqualityContract" };

    /// <summary>Reserves the name of every component schema, in document order, before anything else is named.</summary>
    public void ReserveComponentNames(MappingNode document, ParseContext context)
    {
        if ((document["components"] as MappingNode)?["schemas"] is not MappingNode schemas)
        {
            return;
        }

        foreach (KeyValuePair<ScalarNode, SpecNode> component in schemas.Entries)
        {
            context.Step();
            if (component.Value is MappingNode node && !_reservedNames.ContainsKey(node))
            {
                _reservedNames.Add(node, _typeNames.Claim(Identifiers.ToPascalCase(component.Key.Value), ForbiddenNames(IsEnumSchema(node))));
            }
        }
    }

    /// <summary>Whether a schema becomes an enum struct (rather than a record or a built-in type).</summary>
    public static bool IsEnumSchema(MappingNode node)
        => node["enum"] is SequenceNode && (SchemaTypes(node).FirstOrDefault(type => type != "null") ?? "string") == "string";

    /// <summary>The schema's <c>type</c>, as a list (OpenAPI 3.1 allows several).</summary>
    public static List<string> SchemaTypes(MappingNode node) => node["type"] switch
    {
        ScalarNode { IsNull: false } scalar => new List<string> { scalar.Value },
        SequenceNode sequence => sequence.Items.OfType<ScalarNode>().Select(s => s.Value).ToList(),
        _ => new List<string>(),
    };

    /// <summary>Declares a record or enum for a schema: a component keeps its reserved name, an inline schema claims <paramref name="hint"/>.</summary>
    /// <remarks>
    /// Generated code names a type of the spec's namespace in a type position by its name alone. C# looks a simple name
    /// up in the current namespace before any using directive or enclosing namespace, so nothing can capture it, and the
    /// output is shorter and reads like hand-written code. Types outside the namespace stay <c>global::</c>-qualified.
    /// </remarks>
    public TypeRefSpec Declare(SpecNode schema, string hint, TypeRefKind kind)
    {
        if (!_reservedNames.TryGetValue(schema, out string? name))
        {
            name = _typeNames.Claim(hint, kind == TypeRefKind.Union ? (ICollection<string>)UnionMembers : ForbiddenNames(kind == TypeRefKind.Enum));
        }

        var type = new TypeRefSpec(kind, name, name, _metadataNames.Claim(name), IsValueType: kind is TypeRefKind.Enum or TypeRefKind.Union, Name: name);
        _byIdentifier[type.Identifier] = type;
        return type;
    }

    /// <summary>A type of the spec's namespace where an expression names it (<c>X.Default</c>): a member named X could capture a simple name there.</summary>
    public string Qualify(string name) => "global::" + _namespace + "." + name;

    /// <summary>The name reserved for a component schema, or null for an inline schema.</summary>
    public string? ReservedName(SpecNode schema) => _reservedNames.TryGetValue(schema, out string? name) ? name : null;

    public void Add(ModelSpec model) => _models[model.Name] = model;

    public void Add(EnumSpec value) => _enums.Add(value);

    public void Add(UnionSpec value) => _unions.Add(value);

    public ModelSpec? Model(TypeRefSpec type) => type.Name is string name && _models.TryGetValue(name, out ModelSpec? model) ? model : null;

    public TypeRefSpec Primitive(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => Known(TypeRefKind.Primitive, "string", "String", isValueType: false, kind),
        PrimitiveKind.Boolean => Known(TypeRefKind.Primitive, "bool", "Boolean", isValueType: true, kind),
        PrimitiveKind.Int32 => Known(TypeRefKind.Primitive, "int", "Int32", isValueType: true, kind),
        PrimitiveKind.Int64 => Known(TypeRefKind.Primitive, "long", "Int64", isValueType: true, kind),
        PrimitiveKind.Single => Known(TypeRefKind.Primitive, "float", "Single", isValueType: true, kind),
        PrimitiveKind.Double => Known(TypeRefKind.Primitive, "double", "Double", isValueType: true, kind),
        PrimitiveKind.DateTimeOffset => Known(TypeRefKind.Primitive, "global::System.DateTimeOffset", "DateTimeOffset", isValueType: true, kind),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Any JSON value.</summary>
    public TypeRefSpec Json() => Known(TypeRefKind.Json, "global::System.Text.Json.JsonElement", "JsonElement", isValueType: true, PrimitiveKind.None);

    public TypeRefSpec List(TypeRefSpec element)
        => Composite(TypeRefKind.List, "global::System.Collections.Generic.List<" + element.Identifier + ">", "List" + element.MetadataName, element);

    public TypeRefSpec Dictionary(TypeRefSpec value)
        => Composite(TypeRefKind.Dictionary, "global::System.Collections.Generic.Dictionary<string, " + value.Identifier + ">", "Dictionary" + value.MetadataName, value);

    /// <summary>The type or null. A nullable reference is the same type at run time, so it shares its metadata.</summary>
    public TypeRefSpec Nullable(TypeRefSpec type)
    {
        if (type.IsNullable)
        {
            return type;
        }

        string identifier = type.Identifier + "?";
        if (_byIdentifier.TryGetValue(identifier, out TypeRefSpec? known))
        {
            return known;
        }

        string metadata = type.IsValueType ? _metadataNames.Claim("Nullable" + type.MetadataName) : type.MetadataName;
        var nullable = new TypeRefSpec(TypeRefKind.Nullable, identifier, type.DisplayName + "?", metadata, type.IsValueType, type);
        _byIdentifier.Add(identifier, nullable);
        return nullable;
    }

    private TypeRefSpec Known(TypeRefKind kind, string identifier, string metadataName, bool isValueType, PrimitiveKind primitive)
    {
        if (!_byIdentifier.TryGetValue(identifier, out TypeRefSpec? type))
        {
            type = new TypeRefSpec(kind, identifier, DisplayNameOf(identifier), _metadataNames.Claim(metadataName), isValueType, Primitive: primitive);
            _byIdentifier.Add(identifier, type);
        }

        return type;
    }

    private TypeRefSpec Composite(TypeRefKind kind, string identifier, string metadataName, TypeRefSpec element)
    {
        if (!_byIdentifier.TryGetValue(identifier, out TypeRefSpec? type))
        {
            type = new TypeRefSpec(kind, identifier, DisplayNameOf(identifier), _metadataNames.Claim(metadataName), IsValueType: false, element);
            _byIdentifier.Add(identifier, type);
        }

        return type;
    }

    /// <summary>
    /// A binary body, sent as it is read. The runtime's own types never go through the JSON context, so they claim no
    /// metadata name (a schema named <c>Stream</c> keeps its).
    /// </summary>
    public TypeRefSpec Stream() => Runtime(TypeRefKind.Stream, "global::System.IO.Stream", "Stream");

    /// <summary>A file in a multipart form.</summary>
    public TypeRefSpec FilePart() => Runtime(TypeRefKind.FilePart, "global::SpecClient.Runtime.FilePart", "FilePart");

    /// <summary>Files in a multipart form, sent as parts of one name.</summary>
    public TypeRefSpec FilePartList()
    {
        const string Identifier = "global::System.Collections.Generic.IReadOnlyList<global::SpecClient.Runtime.FilePart>";
        if (!_byIdentifier.TryGetValue(Identifier, out TypeRefSpec? type))
        {
            type = new TypeRefSpec(TypeRefKind.List, Identifier, DisplayNameOf(Identifier), "FilePartList", IsValueType: false, FilePart());
            _byIdentifier.Add(Identifier, type);
        }

        return type;
    }

    /// <summary>A multipart form the caller builds whole.</summary>
    public TypeRefSpec MultipartBody() => Runtime(TypeRefKind.MultipartBody, "global::SpecClient.Runtime.MultipartBody", "MultipartBody");

    private TypeRefSpec Runtime(TypeRefKind kind, string identifier, string metadataName)
    {
        if (!_byIdentifier.TryGetValue(identifier, out TypeRefSpec? type))
        {
            type = new TypeRefSpec(kind, identifier, DisplayNameOf(identifier), metadataName, IsValueType: false);
            _byIdentifier.Add(identifier, type);
        }

        return type;
    }

    private static string DisplayNameOf(string identifier) => identifier.Replace("global::", string.Empty);

    private static ICollection<string> ForbiddenNames(bool isEnum) => isEnum ? (ICollection<string>)EnumMembers : RecordDeclaredMembers;
}
