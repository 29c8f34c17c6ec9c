using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Maps OpenAPI schemas to C# types: generated records for objects, enum structs for string enums,
/// <c>List&lt;T&gt;</c>/<c>Dictionary&lt;string, T&gt;</c> for arrays and maps, built-in types for the rest,
/// and <c>JsonElement</c> (with a warning) for what cannot be represented. Only schemas reached from an
/// operation are mapped, so unused schemas generate nothing. Types come from the <see cref="TypeRegistry"/>;
/// the JSON context is derived later from the finished model.
/// </summary>
internal sealed partial class SchemaMapper
{
    // Members every record declares or inherits: a property may not take them (Clone: CS8859).
    private static readonly string[] ReservedMemberNames =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "GetType", "MemberwiseClone", "Finalize", "Deconstruct", "Clone", "ReferenceEquals",
    };

    /// <summary>What becomes of a schema a union would type when unions are off.</summary>
    private const string UnionsOff = "it is generated as JsonElement (Unions=\"true\" on the OpenApiSpec item types it)";

    /// <summary>How deeply schemas may nest inside one another before the rest is generated as JsonElement.</summary>
    private const int MaxSchemaDepth = 200;

    private readonly ParseContext _context;
    private readonly TypeRegistry _types;
    private readonly Discriminators _discriminators;

    // Whether untagged oneOf/anyOf and type lists become unions (and string variants one open enum), see SpecFileOptions.Unions.
    private readonly bool _unions;

    // Keyed by the schema node, so a component reached through several $refs maps once.
    private readonly Dictionary<SpecNode, TypeRefSpec> _mappedNodes = new();

    // Schemas being mapped right now: meeting one again before it is registered is a cycle with no type to stop it.
    private readonly HashSet<SpecNode> _inProgress = new();
    private int _depth;

    public SchemaMapper(ParseContext context, TypeRegistry types, bool unions = false)
    {
        _context = context;
        _types = types;
        _unions = unions;
        _discriminators = new Discriminators(context);
    }

    /// <summary>A mapped type and whether the schema allows <c>null</c>.</summary>
    public readonly record struct MappedType(TypeRefSpec Type, bool Nullable);

    /// <summary>Maps a schema (inline or <c>$ref</c>).</summary>
    /// <param name="nameHint">The name an inline object or enum gets (PascalCase, not yet claimed).</param>
    public MappedType Map(SpecNode? schema, string nameHint)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (schema is null)
        {
            return new MappedType(_types.Json(), Nullable: false);
        }

        SpecNode? resolved = _context.Resolve(schema, "it is generated as JsonElement", out string? reference);
        if (resolved is null)
        {
            return new MappedType(_types.Json(), Nullable: false);
        }

        if (reference is not null)
        {
            nameHint = Identifiers.ToPascalCase(ParseContext.LastSegment(reference));
        }

        if (resolved is not MappingNode node)
        {
            // `{}`-like schemas written as `true`, or garbage: anything goes.
            return new MappedType(_types.Json(), Nullable: false);
        }

        // `nullable: true` beside a `$ref` (common in 3.0 specs, though 3.0 ignores siblings) means what it says.
        bool nullable = node.GetBoolean("nullable") || TypeRegistry.SchemaTypes(node).Contains("null")
            || (reference is not null && schema is MappingNode referring && referring.GetBoolean("nullable"));
        if (_mappedNodes.TryGetValue(node, out TypeRefSpec? known))
        {
            return new MappedType(known, nullable);
        }

        // The guard comes before anything that can recurse (the variant's base below included): two schemas that
        // name each other as variants, or any other loop, must end here and never overflow the compiler's stack.
        string schemaName = reference ?? nameHint;
        if (_depth >= MaxSchemaDepth || !_inProgress.Add(node))
        {
            Unsupported(DiagnosticCauses.SchemaLoop, node, schemaName, _depth >= MaxSchemaDepth ? "nests deeper than " + MaxSchemaDepth + " levels" : "refers to itself without an object in between");
            return new MappedType(_types.Json(), nullable);
        }

        _depth++;
        try
        {
            _context.EnterRecursion();
            if (_discriminators.BaseOf(node) is (MappingNode variantBase, string baseName) && !_mappedNodes.ContainsKey(variantBase) && !_inProgress.Contains(variantBase))
            {
                // Mapping the base maps this variant as one of its derived records (this node stays in progress, so
                // a base that is in turn a variant of this one does not bounce back here).
                Map(variantBase, Identifiers.ToPascalCase(baseName));
                if (_mappedNodes.TryGetValue(node, out known))
                {
                    return new MappedType(known, nullable);
                }
            }

            TypeRefSpec type = MapNode(node, nameHint, schemaName, ref nullable);
            return new MappedType(type, nullable);
        }
        finally
        {
            _depth--;
            _inProgress.Remove(node);
        }
    }

    /// <summary>The type a member or argument is declared with: nullable when the schema allows null or the value may be absent.</summary>
    public TypeRefSpec Declared(MappedType mapped, bool optional) => mapped.Nullable || optional ? _types.Nullable(mapped.Type) : mapped.Type;

    private TypeRefSpec MapNode(MappingNode node, string nameHint, string schemaName, ref bool nullable)
    {
        List<string> types = TypeRegistry.SchemaTypes(node);
        types.Remove("null");
        if (node["const"] is ScalarNode)
        {
            // A const is a one-value enum; its declared type (or string) is what travels.
            types = types.Count == 0 ? new List<string> { "string" } : types;
        }

        if (node["enum"] is SequenceNode enumValues && TypeRegistry.IsEnumSchema(node))
        {
            return MapEnum(node, enumValues, nameHint, ref nullable);
        }

        if (types.Count > 1 && !_unions)
        {
            Unsupported(DiagnosticCauses.UnionWithoutUnions, node, schemaName, "has several types (" + string.Join(", ", types) + ")", UnionsOff);
            return Remember(node, _types.Json());
        }

        if (types.Count > 1)
        {
            return MapTypeList(node, types, nameHint, schemaName);
        }

        string? type = types.Count == 1 ? types[0] : null;
        if (Primitive(node, type) is PrimitiveKind primitive)
        {
            return Remember(node, _types.Primitive(primitive));
        }

        switch (type)
        {
            case "array":
                return Remember(node, _types.List(Element(Map(node["items"], ItemNameHint(nameHint)))));
            case "object":
            case null:
                return MapObjectLike(node, nameHint, schemaName, ref nullable);
            default:
                Unsupported(DiagnosticCauses.UnknownSchemaType, node, schemaName, "has the unknown type '" + type + "'");
                return Remember(node, _types.Json());
        }
    }

    /// <summary>The built-in type of a schema of <paramref name="type"/> (its format decides the width), if it is one.</summary>
    private static PrimitiveKind? Primitive(MappingNode node, string? type) => type switch
    {
        "string" => node.GetString("format") == "date-time" ? PrimitiveKind.DateTimeOffset : PrimitiveKind.String,
        "integer" => node.GetString("format") == "int32" ? PrimitiveKind.Int32 : PrimitiveKind.Int64,
        "number" => node.GetString("format") == "float" ? PrimitiveKind.Single : PrimitiveKind.Double,
        "boolean" => PrimitiveKind.Boolean,
        _ => null,
    };

    /// <summary>A list element or dictionary value: nullable when the items allow null.</summary>
    private TypeRefSpec Element(MappedType item) => item.Nullable ? _types.Nullable(item.Type) : item.Type;

    private TypeRefSpec MapObjectLike(MappingNode node, string nameHint, string schemaName, ref bool nullable)
    {
        if (Discriminators.Of(node) is (string property, MappingNode discriminator))
        {
            return MapPolymorphicBase(node, property, discriminator, nameHint, schemaName);
        }

        if (node["oneOf"] is SequenceNode oneOf)
        {
            return MapVariants(node, oneOf, "oneOf", nameHint, schemaName, ref nullable);
        }

        if (node["anyOf"] is SequenceNode anyOf)
        {
            return MapVariants(node, anyOf, "anyOf", nameHint, schemaName, ref nullable);
        }

        if (node["allOf"] is SequenceNode allOf && node["properties"] is null && allOf.Items.Count == 1)
        {
            // `allOf: [$ref]` is how specs attach a description to a reference: it is that type.
            MappedType single = Map(allOf.Items[0], nameHint);
            nullable |= single.Nullable;
            return Remember(node, single.Type);
        }

        if (node["properties"] is MappingNode || node["allOf"] is SequenceNode)
        {
            return AddModel(node, nameHint, schemaName, baseType: null, new ModelScope());
        }

        SpecNode? additional = node["additionalProperties"];
        if (additional is MappingNode additionalSchema && additionalSchema.Entries.Count > 0)
        {
            return Remember(node, _types.Dictionary(Element(Map(additionalSchema, nameHint + "Value"))));
        }

        // A free-form object, or a schema with no type at all: any JSON value.
        return Remember(node, _types.Json());
    }

    private TypeRefSpec Remember(MappingNode node, TypeRefSpec type)
    {
        _mappedNodes[node] = type;
        return type;
    }

    private void Unsupported(DiagnosticCause cause, MappingNode node, string schemaName, string what, string consequence = "it is generated as JsonElement")
        => _context.Report(cause, node, ParseContext.LastSegment(schemaName), what + "; " + consequence);

    /// <summary>A name for an array's items: <c>Roles</c> → <c>Role</c>, <c>Policies</c> → <c>Policy</c>, else <c>…Item</c>.</summary>
    private static string ItemNameHint(string arrayName)
    {
        if (arrayName.EndsWith("ies", StringComparison.Ordinal) && arrayName.Length > 4)
        {
            return arrayName.Substring(0, arrayName.Length - 3) + "y";
        }

        if (arrayName.EndsWith("s", StringComparison.Ordinal) && !arrayName.EndsWith("ss", StringComparison.Ordinal) && arrayName.Length > 3)
        {
            return arrayName.Substring(0, arrayName.Length - 1);
        }

        return arrayName + "Item";
    }

    public static string? Describe(MappingNode node) => DocText.Of(node, "description") ?? DocText.Of(node, "title");
}
