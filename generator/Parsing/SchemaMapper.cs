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
internal sealed class SchemaMapper
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

    /// <summary>
    /// An OpenAPI 3.1 <c>type</c> list (<c>[string, integer]</c>; <c>null</c> is taken out before): a union of one type
    /// per entry. An array reads its <c>items</c>; an object is any JSON object.
    /// </summary>
    private TypeRefSpec MapTypeList(MappingNode node, List<string> types, string nameHint, string schemaName)
    {
        TypeRefSpec union = _types.Declare(node, nameHint, TypeRefKind.Union);
        _mappedNodes[node] = union;
        var variants = new List<TypeRefSpec>();
        foreach (string type in types)
        {
            TypeRefSpec? variant = Primitive(node, type) is PrimitiveKind primitive ? _types.Primitive(primitive)
                : type == "array" ? _types.List(Element(Map(node["items"], ItemNameHint(nameHint))))
                : type == "object" ? _types.Dictionary(_types.Json())
                : null;
            if (variant is null)
            {
                Unsupported(DiagnosticCauses.UnknownSchemaType, node, schemaName, "has the unknown type '" + type + "'");
                variant = _types.Json();
            }

            if (!variants.Contains(variant))
            {
                variants.Add(variant);
            }
        }

        AddUnion(node, union, schemaName, variants.Select(v => (v, (string?)null)).ToList());
        return union;
    }

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

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> without a discriminator. A <c>null</c> variant makes it nullable; variants that only
    /// constrain the schema's own properties (<c>required: [a]</c>) are no types of their own. One variant left is that
    /// type; string variants that list values (enums, consts) are one open enum of all their values; anything else is a
    /// union.
    /// </summary>
    private TypeRefSpec MapVariants(MappingNode node, SequenceNode variants, string keyword, string nameHint, string schemaName, ref bool nullable)
    {
        var typed = new List<SpecNode>();
        var keys = new HashSet<object>();
        foreach (SpecNode variant in variants.Items)
        {
            SpecNode? resolved = _context.ResolveQuietly(variant);
            if (resolved is MappingNode mapping && TypeRegistry.SchemaTypes(mapping) is { Count: 1 } types && types[0] == "null")
            {
                nullable = true;
                continue;
            }

            if (resolved is MappingNode constraint && !DefinesType(constraint))
            {
                continue;
            }

            // Variants that come out the same type are one: two formats of a string, or one schema listed twice.
            if (resolved is null || keys.Add(TypeKey(resolved)))
            {
                typed.Add(variant);
            }
        }

        if (typed.Count == 0 && (node["properties"] is MappingNode || node["allOf"] is SequenceNode))
        {
            return AddModel(node, nameHint, schemaName, baseType: null, new ModelScope());
        }

        if (typed.Count == 1)
        {
            MappedType single = Map(typed[0], nameHint);
            nullable |= single.Nullable;
            return Remember(node, single.Type);
        }

        if (typed.Count == 0 || !_unions)
        {
            Unsupported(typed.Count == 0 ? DiagnosticCauses.ChoiceWithoutVariants : DiagnosticCauses.UnionWithoutUnions, node, schemaName, "uses " + keyword + " with " + typed.Count + " variants", typed.Count == 0 ? "it is generated as JsonElement" : UnionsOff);

            return Remember(node, _types.Json());
        }

        if (StringValues(typed) is List<(string Value, string? Title)> values && !TypeRegistry.EnumMembers.Contains(_types.ReservedName(node) ?? string.Empty))
        {
            return AddEnum(node, values, nameHint, ref nullable);
        }

        if (TypeRegistry.UnionMembers.Contains(_types.ReservedName(node) ?? string.Empty))
        {
            Unsupported(DiagnosticCauses.UnionNamedLikeMember, node, schemaName, "is named like a member of the union it would be");
            return Remember(node, _types.Json());
        }

        // Declared and remembered first: a variant holding this union (a tree of filters) refers to it by name.
        TypeRefSpec union = _types.Declare(node, nameHint, TypeRefKind.Union);
        _mappedNodes[node] = union;
        var mapped = new List<(TypeRefSpec Type, string? Name)>();
        int number = 0;
        foreach (SpecNode variant in typed)
        {
            number++;
            SpecNode? resolved = _context.Resolve(variant, "the variant reads as JSON", out string? reference);
            string? title = (resolved as MappingNode)?.GetString("title");
            string? name = reference is not null ? Identifiers.ToPascalCase(ParseContext.LastSegment(reference)) : title is not null ? Identifiers.ToPascalCase(title) : null;
            // An inline variant's type is named after the union and the variant's title (a $ref names its own).
            MappedType type = Map(variant, reference is null && title is not null ? union.Name + name : union.Name + "Variant" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            nullable |= type.Nullable;
            if (type.Type != union && !mapped.Any(m => m.Type == type.Type))
            {
                mapped.Add((type.Type, name));
            }
        }

        AddUnion(node, union, schemaName, mapped);
        return union;
    }

    /// <summary>Whether a variant says what its value is, rather than only constraining the enclosing schema.</summary>
    private static bool DefinesType(MappingNode variant)
        => variant.Entries.Any(entry => entry.Key.Value is "$ref" or "type" or "properties" or "items" or "enum" or "const" or "allOf" or "oneOf" or "anyOf" or "additionalProperties" or "format");

    /// <summary>What makes two variants the same type: a built-in type's name and format, else the schema itself.</summary>
    private static object TypeKey(SpecNode resolved)
        => resolved is MappingNode mapping && mapping["enum"] is null && mapping["const"] is null && TypeRegistry.SchemaTypes(mapping) is { Count: 1 } types && Primitive(mapping, types[0]) is PrimitiveKind primitive
            ? primitive
            : resolved;

    /// <summary>
    /// When every variant is a string (plain, an enum, a const), the values they list, in order and each once: such a
    /// schema is one open enum (<c>anyOf: [string, enum]</c> means "these values or others"; <c>oneOf</c> of
    /// <c>{const, title}</c> items is OpenAPI 3.1's named enum). Null when a variant is anything else or none lists values.
    /// </summary>
    private List<(string Value, string? Title)>? StringValues(List<SpecNode> variants)
    {
        var values = new List<(string Value, string? Title)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SpecNode variant in variants)
        {
            if (_context.ResolveQuietly(variant) is not MappingNode schema)
            {
                return null;
            }

            List<string> types = TypeRegistry.SchemaTypes(schema);
            types.Remove("null");
            if (types.Count > 1 || (types.Count == 1 && types[0] != "string") || schema["oneOf"] is not null || schema["anyOf"] is not null || schema["allOf"] is not null || schema["properties"] is not null)
            {
                return null;
            }

            if (schema["const"] is ScalarNode { IsNull: false } constant)
            {
                if (seen.Add(constant.Value))
                {
                    values.Add((constant.Value, schema.GetString("title")));
                }
            }
            else if (schema["enum"] is SequenceNode list)
            {
                foreach (SpecNode item in list.Items)
                {
                    if (item is ScalarNode { IsNull: false } scalar && seen.Add(scalar.Value))
                    {
                        values.Add((scalar.Value, null));
                    }
                }
            }
            else if (types.Count == 0 || schema.GetString("format") == "date-time")
            {
                // An untyped variant may be anything; a date is not an enum value.
                return null;
            }
        }

        return values.Count > 0 ? values : null;
    }

    private void AddUnion(MappingNode node, TypeRefSpec union, string schemaName, List<(TypeRefSpec Type, string? Name)> variants)
    {
        var members = NameScope.ForMembers(TypeRegistry.UnionMembers.ToArray());
        var arguments = new NameScope("unknown");
        var specs = new List<UnionVariantSpec>();

        // IsX and TryGetX may not be named like the union itself (CS0542).
        string name = union.Name!;
        var forbidden = new List<string>();
        if (name.StartsWith("Is", StringComparison.Ordinal))
        {
            forbidden.Add(name.Substring(2));
        }

        if (name.StartsWith("TryGet", StringComparison.Ordinal))
        {
            forbidden.Add(name.Substring(6));
        }

        List<string?> names = ShortNames(variants.Select(v => v.Name).ToList());
        for (int i = 0; i < variants.Count; i++)
        {
            TypeRefSpec type = variants[i].Type;
            string preferred = names[i] ?? VariantName(type);
            string member = members.Claim(preferred, forbidden);
            string argument = arguments.Claim(Identifiers.ToCamelCase(member).TrimStart('@'));
            specs.Add(new UnionVariantSpec(member, Identifiers.EscapeKeyword(argument), type));
        }

        _types.Add(new UnionSpec(name, union, ParseContext.LastSegment(schemaName), Describe(node), specs.ToEquatableArray()));
    }

    /// <summary>
    /// Variant names without the words all of them share: <c>AwsHardwareSpec</c>, <c>AzureHardwareSpec</c> → <c>Aws</c>,
    /// <c>Azure</c> (the type keeps its full name in the signatures). Left whole unless every variant is named and every
    /// short name is distinct and still starts with a letter.
    /// </summary>
    private static List<string?> ShortNames(List<string?> names)
    {
        if (names.Count < 2 || names.Any(n => n is null))
        {
            return names;
        }

        List<List<string>> words = names.Select(n => System.Text.RegularExpressions.Regex.Split(n!, "(?<=[a-z0-9])(?=[A-Z])").ToList()).ToList();
        int prefix = 0;
        while (words.All(w => w.Count > prefix + 1) && words.All(w => w[prefix] == words[0][prefix]))
        {
            prefix++;
        }

        int suffix = 0;
        while (words.All(w => w.Count > prefix + suffix + 1) && words.All(w => w[w.Count - 1 - suffix] == words[0][words[0].Count - 1 - suffix]))
        {
            suffix++;
        }

        var shortNames = words.Select(w => string.Concat(w.Skip(prefix).Take(w.Count - prefix - suffix))).ToList();
        return shortNames.All(n => n.Length > 0 && char.IsLetter(n[0])) && shortNames.Distinct(StringComparer.Ordinal).Count() == shortNames.Count
            ? shortNames.Cast<string?>().ToList()
            : names;
    }

    /// <summary>A variant's name from its type: <c>String</c>, <c>Int64</c>, <c>ListOfRole</c>, <c>DictionaryOfString</c>.</summary>
    private static string VariantName(TypeRefSpec type)
    {
        // Iterative on the element chain: names grow as deep as the lists nest, never the stack.
        var name = new System.Text.StringBuilder();
        for (TypeRefSpec? current = type; current is not null; current = current.Kind is TypeRefKind.List or TypeRefKind.Dictionary or TypeRefKind.Nullable ? current.Element : null)
        {
            name.Append(current.Kind switch
            {
                TypeRefKind.List => "ListOf",
                TypeRefKind.Dictionary => "DictionaryOf",
                TypeRefKind.Nullable => string.Empty,
                TypeRefKind.Json => "Json",
                TypeRefKind.Primitive => current.MetadataName,
                _ => current.Name,
            });
        }

        return name.ToString();
    }

    /// <summary>An open enum of values several variants list (see <see cref="StringValues"/>).</summary>
    private TypeRefSpec AddEnum(MappingNode node, List<(string Value, string? Title)> values, string nameHint, ref bool nullable)
    {
        TypeRefSpec type = _types.Declare(node, nameHint, TypeRefKind.Enum);
        _mappedNodes[node] = type;
        var members = NameScope.ForMembers(TypeRegistry.EnumMembers.Concat(new[] { type.Name!, "EqualityContract", "Known" }).ToArray());
        var specValues = new List<EnumValueSpec>();
        foreach ((string value, string? title) in values)
        {
            string member = title is not null ? Identifiers.ToPascalCase(title) : value.Length == 0 ? "Empty" : Identifiers.ToPascalCase(value);
            specValues.Add(new EnumValueSpec(members.Claim(member), value, DocText.Summarize(title is null ? value : value + ": " + title)));
        }

        _types.Add(new EnumSpec(type.Name!, type, Describe(node), specValues.ToEquatableArray()));
        return type;
    }

    private TypeRefSpec MapEnum(MappingNode node, SequenceNode values, string nameHint, ref bool nullable)
    {
        TypeRefSpec type = _types.Declare(node, nameHint, TypeRefKind.Enum);
        _mappedNodes[node] = type;

        // Clone: records may not declare it (CS8859), record structs included (googleapis.com/sql's CLONE operation type).
        var members = NameScope.ForMembers(TypeRegistry.EnumMembers.Concat(new[] { type.Name!, "EqualityContract", "Known", "Clone" }).ToArray());
        var specValues = new List<EnumValueSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SpecNode valueNode in values.Items)
        {
            if (valueNode is not ScalarNode scalar)
            {
                continue;
            }

            if (scalar.IsNull)
            {
                nullable = true;
                continue;
            }

            if (seen.Add(scalar.Value))
            {
                string member = scalar.Value.Length == 0 ? "Empty" : Identifiers.ToPascalCase(scalar.Value);
                specValues.Add(new EnumValueSpec(members.Claim(member), scalar.Value, DocText.Summarize(scalar.Value)));
            }
        }

        _types.Add(new EnumSpec(type.Name!, type, Describe(node), specValues.ToEquatableArray()));
        return type;
    }

    /// <summary>
    /// A schema whose <c>discriminator</c> picks one of its variants (<c>oneOf</c>/<c>anyOf</c> or the mapping):
    /// a base record, and a derived record per variant holding what the variant adds. The discriminator property
    /// itself is not a member: System.Text.Json reads and writes it from the variant's type.
    /// </summary>
    private TypeRefSpec MapPolymorphicBase(MappingNode node, string property, MappingNode discriminator, string nameHint, string schemaName)
    {
        if (_discriminators.SubtypeWithSeveralValues(discriminator))
        {
            // System.Text.Json registers a derived type under one discriminator value, so a subtype mapped from several
            // (Atlas DataFederationLimit: 12 names, 2 subtypes) would read as the base for all but one and write the
            // wrong value. One record with the discriminator as an ordinary property and every variant's properties
            // (optional) keeps every value, read and written as is.
            var variants = new List<MappingNode>();
            foreach ((SpecNode variant, string? _, string? _) in _discriminators.Variants(node, discriminator))
            {
                if (_context.Resolve(variant, "its properties are left out", out _) is MappingNode variantNode)
                {
                    variants.Add(variantNode);
                }
            }

            return AddModel(node, nameHint, schemaName, baseType: null, new ModelScope(), variants);
        }

        var scope = new ModelScope();
        scope.ExcludedJsonNames.Add(property);
        var derived = new List<DerivedTypeSpec>();
        TypeRefSpec type = AddModel(node, nameHint, schemaName, baseType: null, scope);
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        foreach ((SpecNode variant, string? reference, string? mappedValue) in _discriminators.Variants(node, discriminator))
        {
            if (_context.Resolve(variant, "the variant is left out", out _) is not MappingNode variantNode)
            {
                continue;
            }

            string variantName = reference is null ? type.Name + "Variant" + (derived.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : ParseContext.LastSegment(reference);
            string value = mappedValue ?? _discriminators.Constant(variantNode, property) ?? variantName;
            if (!seenValues.Add(value))
            {
                continue;
            }

            if (_mappedNodes.TryGetValue(variantNode, out TypeRefSpec? existing))
            {
                // C# has single inheritance: a variant already generated elsewhere keeps that shape.
                if (_types.Model(existing)?.Base == type)
                {
                    derived.Add(new DerivedTypeSpec(value, existing));
                }
                else
                {
                    Unsupported(DiagnosticCauses.VariantWithSecondBase, variantNode, variantName, "is already generated as another type, so it cannot also derive from " + type.Name, "that variant reads as the base record");
                }

                continue;
            }

            var variantScope = new ModelScope(scope.MemberNames.Taken, scope.ExcludedJsonNames);
            variantScope.SkippedSchemas.Add(node);
            TypeRefSpec variantType = AddModel(variantNode, Identifiers.ToPascalCase(variantName), variantName, type, variantScope);
            derived.Add(new DerivedTypeSpec(value, variantType));
        }

        _types.Add(_types.Model(type)! with { Discriminator = new DiscriminatorSpec(property, derived.ToEquatableArray()) });
        return type;
    }

    /// <param name="mergedVariants">Schemas whose properties the record also holds, all optional (see <see cref="MapPolymorphicBase"/>).</param>
    private TypeRefSpec AddModel(MappingNode node, string nameHint, string schemaName, TypeRefSpec? baseType, ModelScope scope, List<MappingNode>? mergedVariants = null)
    {
        // Declared and remembered before the properties are mapped, so recursive schemas end here.
        TypeRefSpec type = _types.Declare(node, nameHint, TypeRefKind.Model);
        string name = type.Name!;
        _mappedNodes[node] = type;

        var properties = new List<PropertySpec>();
        IEnumerable<(string JsonName, SpecNode Schema, bool Required)> collected = CollectProperties(node, new HashSet<SpecNode>(scope.SkippedSchemas));
        foreach (MappingNode variant in mergedVariants ?? new List<MappingNode>())
        {
            // The variants' allOf back-references to this schema are skipped: its properties come first, once.
            collected = collected.Concat(CollectProperties(variant, new HashSet<SpecNode> { node }).Select(p => (p.JsonName, p.Schema, Required: false)));
        }

        foreach ((string jsonName, SpecNode propertySchema, bool required) in collected)
        {
            if (!scope.ExcludedJsonNames.Add(jsonName))
            {
                continue;
            }

            string preferred = Identifiers.ToPascalCase(jsonName);
            if (preferred == name)
            {
                // A member may not share its enclosing type's name (CS0542).
                preferred += "Value";
            }

            // Forbidden too: a name taken in turn (a property toString becomes ToString2 in a record named ToString2).
            string propertyName = scope.MemberNames.Claim(preferred, new[] { name });
            MappedType mapped = Map(propertySchema, name + Identifiers.ToPascalCase(jsonName));
            MappingNode? propertyNode = _context.ResolveQuietly(propertySchema) as MappingNode;
            bool readOnly = Flag(propertySchema, propertyNode, "readOnly");
            bool writeOnly = Flag(propertySchema, propertyNode, "writeOnly");

            // OpenAPI: `required` binds requests only for a readOnly property, responses only for a writeOnly one. So
            // a readOnly property is never a C# required member (callers building a request leave it out), and a
            // writeOnly property is not required when reading (servers never send it).
            bool requiredMember = required && !readOnly;
            properties.Add(new PropertySpec(
                jsonName,
                Identifiers.EscapeKeyword(propertyName),
                Declared(mapped, optional: !requiredMember),
                Required: requiredMember,
                RequiredWhenReading: required && !writeOnly,
                ReadOnly: readOnly,
                WriteOnly: writeOnly,
                Deprecated: Flag(propertySchema, propertyNode, "deprecated"),
                Description: DescribeMember(propertySchema, propertyNode)));
        }

        _types.Add(new ModelSpec(name, type, ParseContext.LastSegment(schemaName), Describe(node), node.GetBoolean("deprecated"), baseType, null, properties.ToEquatableArray()));
        return type;
    }

    /// <summary>
    /// A property's documentation: a <c>description</c> beside its <c>$ref</c> (OpenAPI 3.1 allows it; 3.0 specs write
    /// it anyway) says what this member is, so it wins over the referenced schema's, which says what the type is.
    /// </summary>
    private static string? DescribeMember(SpecNode schema, MappingNode? resolved)
        => (schema is MappingNode written && written != resolved ? DocText.Of(written, "description") ?? DocText.Of(written, "summary") : null)
            ?? (resolved is null ? null : Describe(resolved));

    /// <summary>A boolean keyword beside a property's <c>$ref</c> (OpenAPI 3.1) or in the schema it names.</summary>
    private static bool Flag(SpecNode schema, MappingNode? resolved, string key)
        => (schema as MappingNode)?.GetBoolean(key) == true || resolved?.GetBoolean(key) == true;

    /// <summary>The properties of a schema and of everything it <c>allOf</c>-includes, in document order.</summary>
    private IEnumerable<(string JsonName, SpecNode Schema, bool Required)> CollectProperties(MappingNode node, HashSet<SpecNode> visiting)
    {
        if (!visiting.Add(node))
        {
            yield break;
        }

        _context.EnterRecursion();

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (node["required"] is SequenceNode requiredList)
        {
            foreach (SpecNode item in requiredList.Items)
            {
                if (item is ScalarNode scalar)
                {
                    required.Add(scalar.Value);
                }
            }
        }

        if (node["allOf"] is SequenceNode allOf)
        {
            foreach (SpecNode part in allOf.Items)
            {
                if (_context.Resolve(part, "its properties are left out", out _) is MappingNode partNode)
                {
                    foreach ((string JsonName, SpecNode Schema, bool Required) inherited in CollectProperties(partNode, visiting))
                    {
                        yield return (inherited.JsonName, inherited.Schema, inherited.Required || required.Contains(inherited.JsonName));
                    }
                }
            }
        }

        if (node["properties"] is MappingNode properties)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> property in properties.Entries)
            {
                yield return (property.Key.Value, property.Value, required.Contains(property.Key.Value));
            }
        }
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

    /// <summary>Member names and JSON names already used by a record (and its base), and schemas whose properties it inherits.</summary>
    private sealed class ModelScope
    {
        public ModelScope()
            : this(ReservedMemberNames, Array.Empty<string>())
        {
        }

        public ModelScope(IEnumerable<string> takenMembers, IEnumerable<string> excludedJsonNames)
        {
            MemberNames = new NameScope(takenMembers.ToArray());
            ExcludedJsonNames = new HashSet<string>(excludedJsonNames, StringComparer.Ordinal);
        }

        public NameScope MemberNames { get; }

        public HashSet<string> ExcludedJsonNames { get; }

        public List<SpecNode> SkippedSchemas { get; } = new();
    }
}
