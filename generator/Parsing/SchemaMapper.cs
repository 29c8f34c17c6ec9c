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
/// operation are mapped, so unused schemas generate nothing. Also registers every type the JSON context needs.
/// </summary>
internal sealed class SchemaMapper
{
    private static readonly TypeRefSpec StringType = new("string", IsValueType: false);
    private static readonly TypeRefSpec JsonElementType = new("global::System.Text.Json.JsonElement", IsValueType: true);

    // Members every record declares or inherits: a property may not take them (Clone: CS8859).
    private static readonly string[] ReservedMemberNames =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "GetType", "MemberwiseClone", "Finalize", "Deconstruct", "Clone", "ReferenceEquals",
    };

    // Members a record declares itself, so a record may not be named like them (CS0542).
    private static readonly HashSet<string> RecordDeclaredMembers = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct",
    };

    // Members every enum struct declares (see ModelEmitter.EmitEnum), likewise.
    private static readonly string[] EnumMembers = { "Value", "IsKnown", "KnownValues", "JsonConverter", "ToString", "Equals", "GetHashCode" };
    private static readonly HashSet<string> EnumDeclaredMembers = new(EnumMembers, StringComparer.Ordinal);

    private readonly ParseContext _context;
    private readonly string _namespace;
    private readonly NameScope _typeNames;
    private readonly NameScope _typeInfoNames;

    // Keyed by the schema node, so a component reached through several $refs maps once.
    private readonly Dictionary<SpecNode, TypeRefSpec> _mappedNodes = new();
    private readonly Dictionary<string, ModelSpec> _models = new(StringComparer.Ordinal);
    private readonly List<EnumSpec> _enums = new();
    private readonly Dictionary<string, JsonTypeSpec> _jsonTypes = new(StringComparer.Ordinal);

    /// <summary>How deeply schemas may nest inside one another before the rest is generated as JsonElement.</summary>
    private const int MaxSchemaDepth = 200;

    // Schemas being mapped right now: meeting one again before it is registered is a cycle with no type to stop it.
    private readonly HashSet<SpecNode> _inProgress = new();
    private int _depth;

    // Variant schema → its polymorphic base (a component with a discriminator), so a variant reached before its
    // base is still generated as a derived record. Filled on first use.
    private Dictionary<SpecNode, (MappingNode Base, string Name)>? _variantBases;

    public SchemaMapper(ParseContext context, string @namespace, NameScope typeNames, NameScope typeInfoNames)
    {
        _context = context;
        _namespace = @namespace;
        _typeNames = typeNames;
        _typeInfoNames = typeInfoNames;
    }

    public IEnumerable<ModelSpec> Models => _models.Values;

    public IEnumerable<EnumSpec> Enums => _enums;

    public IEnumerable<JsonTypeSpec> JsonTypes => _jsonTypes.Values;

    /// <summary>A mapped type and whether the schema allows <c>null</c>.</summary>
    public readonly record struct MappedType(TypeRefSpec Type, bool Nullable);

    /// <summary>Maps a schema (inline or <c>$ref</c>) and registers the type with the JSON context.</summary>
    /// <param name="nameHint">The name an inline object or enum gets (PascalCase, not yet claimed).</param>
    public MappedType Map(SpecNode? schema, string nameHint)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (schema is null)
        {
            return new MappedType(RegisterJsonElement(), Nullable: false);
        }

        SpecNode? resolved = _context.Resolve(schema, "it is generated as JsonElement", out string? reference);
        if (resolved is null)
        {
            return new MappedType(RegisterJsonElement(), Nullable: false);
        }

        if (reference is not null)
        {
            nameHint = Identifiers.ToPascalCase(ParseContext.LastSegment(reference));
        }

        if (resolved is not MappingNode node)
        {
            // `{}`-like schemas written as `true`, or garbage: anything goes.
            return new MappedType(RegisterJsonElement(), Nullable: false);
        }

        bool nullable = node.GetBoolean("nullable") || TypeNames(node).Contains("null");
        if (_mappedNodes.TryGetValue(node, out TypeRefSpec? known))
        {
            return new MappedType(known, nullable);
        }

        // The guard comes before anything that can recurse (the variant's base below included): two schemas that
        // name each other as variants, or any other loop, must end here and never overflow the compiler's stack.
        string schemaName = reference ?? nameHint;
        if (_depth >= MaxSchemaDepth || !_inProgress.Add(node))
        {
            Unsupported(node, schemaName, _depth >= MaxSchemaDepth ? "nests deeper than " + MaxSchemaDepth + " levels" : "refers to itself without an object in between");
            return new MappedType(RegisterJsonElement(), nullable);
        }

        _depth++;
        try
        {
            _context.EnterRecursion();
            if (VariantBases().TryGetValue(node, out (MappingNode Base, string Name) owner) && !_mappedNodes.ContainsKey(owner.Base) && !_inProgress.Contains(owner.Base))
            {
                // Mapping the base maps this variant as one of its derived records (this node stays in progress, so
                // a base that is in turn a variant of this one does not bounce back here).
                Map(owner.Base, Identifiers.ToPascalCase(owner.Name));
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

    /// <summary>The element type of a list this mapper produced, or null for any other type.</summary>
    public TypeRefSpec? ListElement(TypeRefSpec type)
        => _jsonTypes.TryGetValue(type.FullName, out JsonTypeSpec? spec) && spec.Kind == JsonTypeKind.List ? spec.ElementType : null;

    public bool IsEnum(string fullName)
        => _jsonTypes.TryGetValue(fullName, out JsonTypeSpec? spec) && spec.Kind == JsonTypeKind.Enum;

    /// <summary>The JSON context property for a type as declared (a nullable value type has its own).</summary>
    public string TypeInfoPropertyFor(TypeRefSpec type, bool nullable)
        => nullable && type.IsValueType ? RegisterNullable(type) : _jsonTypes[type.FullName].PropertyName;

    private TypeRefSpec MapNode(MappingNode node, string nameHint, string schemaName, ref bool nullable)
    {
        List<string> types = TypeNames(node);
        types.Remove("null");
        if (node["const"] is ScalarNode)
        {
            // A const is a one-value enum; its declared type (or string) is what travels.
            types = types.Count == 0 ? new List<string> { "string" } : types;
        }

        if (node["enum"] is SequenceNode enumValues && (types.Count == 0 || types[0] == "string"))
        {
            return MapEnum(node, enumValues, nameHint, ref nullable);
        }

        if (types.Count > 1)
        {
            Unsupported(node, schemaName, "has several types (" + string.Join(", ", types) + ")");
            return Remember(node, JsonElementType);
        }

        string? type = types.Count == 1 ? types[0] : null;
        switch (type)
        {
            case "string":
                return Remember(node, MapString(node.GetString("format")));
            case "integer":
                return Remember(node, node.GetString("format") == "int32" ? Primitive("int", "Int32", "Int32Converter") : Primitive("long", "Int64", "Int64Converter"));
            case "number":
                return Remember(node, node.GetString("format") == "float" ? Primitive("float", "Single", "SingleConverter") : Primitive("double", "Double", "DoubleConverter"));
            case "boolean":
                return Remember(node, Primitive("bool", "Boolean", "BooleanConverter"));
            case "array":
                return MapArray(node, nameHint);
            case "object":
            case null:
                return MapObjectLike(node, nameHint, schemaName, ref nullable);
            default:
                Unsupported(node, schemaName, "has the unknown type '" + type + "'");
                return Remember(node, JsonElementType);
        }
    }

    private TypeRefSpec MapObjectLike(MappingNode node, string nameHint, string schemaName, ref bool nullable)
    {
        if (Discriminator(node) is (string property, MappingNode discriminator))
        {
            return MapPolymorphicBase(node, property, discriminator, nameHint, schemaName);
        }

        if (node["oneOf"] is SequenceNode oneOf)
        {
            return MapSingleVariant(node, oneOf, "oneOf", nameHint, schemaName, ref nullable);
        }

        if (node["anyOf"] is SequenceNode anyOf)
        {
            return MapSingleVariant(node, anyOf, "anyOf", nameHint, schemaName, ref nullable);
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
            return MapModel(node, nameHint, schemaName);
        }

        SpecNode? additional = node["additionalProperties"];
        if (additional is MappingNode additionalSchema && additionalSchema.Entries.Count > 0)
        {
            MappedType value = Map(additionalSchema, nameHint + "Value");
            return Remember(node, Collection("global::System.Collections.Generic.Dictionary<string, {0}>", "Dictionary", JsonTypeKind.Dictionary, value));
        }

        // A free-form object, or a schema with no type at all: any JSON value.
        return Remember(node, RegisterJsonElement());
    }

    private TypeRefSpec MapSingleVariant(MappingNode node, SequenceNode variants, string keyword, string nameHint, string schemaName, ref bool nullable)
    {
        var nonNull = new List<SpecNode>();
        foreach (SpecNode variant in variants.Items)
        {
            SpecNode? resolved = _context.ResolveQuietly(variant);
            if (resolved is MappingNode mapping && TypeNames(mapping) is { Count: 1 } types && types[0] == "null")
            {
                nullable = true;
                continue;
            }

            nonNull.Add(variant);
        }

        if (nonNull.Count == 1)
        {
            MappedType single = Map(nonNull[0], nameHint);
            nullable |= single.Nullable;
            return Remember(node, single.Type);
        }

        Unsupported(node, schemaName, "uses " + keyword + " with " + nonNull.Count + " variants");
        return Remember(node, RegisterJsonElement());
    }

    private TypeRefSpec MapArray(MappingNode node, string nameHint)
    {
        MappedType item = Map(node["items"], ItemNameHint(nameHint));
        TypeRefSpec list = Collection("global::System.Collections.Generic.List<{0}>", "List", JsonTypeKind.List, item);
        return Remember(node, list);
    }

    private TypeRefSpec Collection(string format, string prefix, JsonTypeKind kind, MappedType element)
    {
        string elementName = element.Nullable ? element.Type.Nullable : element.Type.FullName;
        var type = new TypeRefSpec(string.Format(format, elementName), IsValueType: false);
        if (!_jsonTypes.ContainsKey(type.FullName))
        {
            string elementInfo = TypeInfoPropertyFor(element.Type, element.Nullable);
            _jsonTypes.Add(type.FullName, new JsonTypeSpec(_typeInfoNames.Claim(prefix + elementInfo), type, kind, null, new TypeRefSpec(elementName, element.Type.IsValueType && !element.Nullable), elementInfo));
        }

        return type;
    }

    private TypeRefSpec MapString(string? format) => format switch
    {
        "date-time" => Primitive("global::System.DateTimeOffset", "DateTimeOffset", "DateTimeOffsetConverter"),
        _ => Primitive("string", "String", "StringConverter"),
    };

    private TypeRefSpec MapEnum(MappingNode node, SequenceNode values, string nameHint, ref bool nullable)
    {
        string name = _typeNames.Claim(nameHint, EnumDeclaredMembers);
        var type = new TypeRefSpec(Qualify(name), IsValueType: true);
        _mappedNodes[node] = type;

        var members = NameScope.ForMembers(EnumMembers.Concat(new[] { name, "EqualityContract", "Known" }).ToArray());
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

        _enums.Add(new EnumSpec(name, Describe(node), specValues.ToEquatableArray()));
        _jsonTypes.Add(type.FullName, new JsonTypeSpec(_typeInfoNames.Claim(name), type, JsonTypeKind.Enum, null, null, name));
        return type;
    }

    private TypeRefSpec MapModel(MappingNode node, string nameHint, string schemaName)
        => AddModel(node, nameHint, schemaName, baseModel: null, discriminator: null, new ModelScope());

    /// <summary>
    /// A schema whose <c>discriminator</c> picks one of its variants (<c>oneOf</c>/<c>anyOf</c> or the mapping):
    /// a base record, and a derived record per variant holding what the variant adds. The discriminator property
    /// itself is not a member: System.Text.Json reads and writes it from the variant's type.
    /// </summary>
    private TypeRefSpec MapPolymorphicBase(MappingNode node, string property, MappingNode discriminator, string nameHint, string schemaName)
    {
        if (SubtypeWithSeveralValues(discriminator))
        {
            // System.Text.Json registers a derived type under one discriminator value, so a subtype mapped from several
            // (Atlas DataFederationLimit: 12 names, 2 subtypes) would read as the base for all but one and write the
            // wrong value. One record with the discriminator as an ordinary property and every variant's properties
            // (optional) keeps every value, read and written as is.
            var variants = new List<MappingNode>();
            foreach ((SpecNode variant, string? _, string? _) in Variants(node, discriminator))
            {
                if (_context.Resolve(variant, "its properties are left out", out _) is MappingNode variantNode)
                {
                    variants.Add(variantNode);
                }
            }

            return AddModel(node, nameHint, schemaName, baseModel: null, discriminator: null, new ModelScope(), variants);
        }

        var scope = new ModelScope();
        scope.ExcludedJsonNames.Add(property);
        var derived = new List<DerivedTypeSpec>();
        TypeRefSpec type = AddModel(node, nameHint, schemaName, baseModel: null, discriminator: null, scope);
        string baseName = ModelName(type);
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        foreach ((SpecNode variant, string? reference, string? mappedValue) in Variants(node, discriminator))
        {
            if (_context.Resolve(variant, "the variant is left out", out _) is not MappingNode variantNode)
            {
                continue;
            }

            string variantName = reference is null ? baseName + "Variant" + (derived.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : ParseContext.LastSegment(reference);
            string value = mappedValue ?? DiscriminatorConstant(variantNode, property) ?? variantName;
            if (!seenValues.Add(value))
            {
                continue;
            }

            if (_mappedNodes.TryGetValue(variantNode, out TypeRefSpec? existing))
            {
                // C# has single inheritance: a variant already generated elsewhere keeps that shape.
                if (_models.TryGetValue(ModelName(existing), out ModelSpec? existingModel) && existingModel.BaseModel == baseName)
                {
                    derived.Add(new DerivedTypeSpec(value, existing.FullName));
                }
                else
                {
                    Unsupported(variantNode, variantName, "is already generated as another type, so it cannot also derive from " + baseName, "that variant reads as the base record");
                }

                continue;
            }

            var variantScope = new ModelScope(scope.MemberNames.Taken, scope.ExcludedJsonNames);
            variantScope.SkippedSchemas.Add(node);
            TypeRefSpec variantType = AddModel(variantNode, Identifiers.ToPascalCase(variantName), variantName, baseName, null, variantScope);
            derived.Add(new DerivedTypeSpec(value, variantType.FullName));
        }

        _models[baseName] = _models[baseName] with { Discriminator = new DiscriminatorSpec(property, derived.ToEquatableArray()) };
        return type;
    }

    /// <param name="mergedVariants">Schemas whose properties the record also holds, all optional (see <see cref="MapPolymorphicBase"/>).</param>
    private TypeRefSpec AddModel(MappingNode node, string nameHint, string schemaName, string? baseModel, DiscriminatorSpec? discriminator, ModelScope scope, List<MappingNode>? mergedVariants = null)
    {
        string name = _typeNames.Claim(nameHint, RecordDeclaredMembers);
        var type = new TypeRefSpec(Qualify(name), IsValueType: false);

        // Registered before the properties are mapped, so recursive schemas end here.
        _mappedNodes[node] = type;
        _jsonTypes.Add(type.FullName, new JsonTypeSpec(_typeInfoNames.Claim(name), type, JsonTypeKind.Object, null, null, name));

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

            string propertyName = scope.MemberNames.Claim(preferred);
            MappedType mapped = Map(propertySchema, name + Identifiers.ToPascalCase(jsonName));
            MappingNode? propertyNode = _context.ResolveQuietly(propertySchema) as MappingNode;
            bool readOnly = Flag(propertySchema, propertyNode, "readOnly");
            bool writeOnly = Flag(propertySchema, propertyNode, "writeOnly");

            // OpenAPI: `required` binds requests only for a readOnly property, responses only for a writeOnly one. So
            // a readOnly property is never a C# required member (callers building a request leave it out), and a
            // writeOnly property is not required when reading (servers never send it).
            bool requiredMember = required && !readOnly;
            bool isNullable = mapped.Nullable || !requiredMember;
            properties.Add(new PropertySpec(
                jsonName,
                Identifiers.EscapeKeyword(propertyName),
                mapped.Type,
                Required: requiredMember,
                RequiredWhenReading: required && !writeOnly,
                Nullable: isNullable,
                ReadOnly: readOnly,
                WriteOnly: writeOnly,
                Deprecated: propertyNode?.GetBoolean("deprecated") ?? false,
                Description: propertyNode is null ? null : Describe(propertyNode),
                TypeInfoProperty: TypeInfoPropertyFor(mapped.Type, isNullable)));
        }

        _models.Add(name, new ModelSpec(name, ParseContext.LastSegment(schemaName), Describe(node), node.GetBoolean("deprecated"), baseModel, discriminator, properties.ToEquatableArray()));
        return type;
    }

    /// <summary>A boolean keyword beside a property's <c>$ref</c> (OpenAPI 3.1) or in the schema it names.</summary>
    private static bool Flag(SpecNode schema, MappingNode? resolved, string key)
        => (schema as MappingNode)?.GetBoolean(key) == true || resolved?.GetBoolean(key) == true;

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

    /// <summary>The discriminator property and node of a polymorphic schema: one with a discriminator and variants to choose from.</summary>
    private static (string Property, MappingNode Discriminator)? Discriminator(MappingNode node)
        => node["discriminator"] is MappingNode discriminator
            && discriminator.GetString("propertyName") is string property
            && (node["oneOf"] is SequenceNode || node["anyOf"] is SequenceNode || discriminator["mapping"] is MappingNode)
            ? (property, discriminator)
            : null;

    /// <summary>The variants of a polymorphic schema: its oneOf/anyOf entries, then mapping targets not listed there.</summary>
    private IEnumerable<(SpecNode Variant, string? Reference, string? MappedValue)> Variants(MappingNode node, MappingNode discriminator)
    {
        var valueByTarget = new Dictionary<SpecNode, string>();
        var mappingTargets = new List<(SpecNode Node, string Reference, string Value)>();
        if (discriminator["mapping"] is MappingNode mapping)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> entry in mapping.Entries)
            {
                if (entry.Value is ScalarNode { IsNull: false } target)
                {
                    string pointer = MappingPointer(target.Value);
                    if (_context.FindByPointer(pointer) is SpecNode targetNode && !valueByTarget.ContainsKey(targetNode))
                    {
                        valueByTarget[targetNode] = entry.Key.Value;
                        mappingTargets.Add((targetNode, pointer, entry.Key.Value));
                    }
                }
            }
        }

        var listed = new HashSet<SpecNode>();
        foreach (SpecNode? list in new[] { node["oneOf"], node["anyOf"] })
        {
            if (list is not SequenceNode variants)
            {
                continue;
            }

            foreach (SpecNode variant in variants.Items)
            {
                string? reference = (variant as MappingNode)?.GetString("$ref");
                SpecNode? target = reference is null ? variant : _context.FindByPointer(reference);
                if (target is not null && listed.Add(target))
                {
                    yield return (variant, reference, valueByTarget.TryGetValue(target, out string? value) ? value : null);
                }
            }
        }

        foreach ((SpecNode targetNode, string reference, string value) in mappingTargets)
        {
            if (listed.Add(targetNode))
            {
                yield return (targetNode, reference, value);
            }
        }
    }

    /// <summary>Whether the discriminator's mapping names one subtype for several values.</summary>
    private bool SubtypeWithSeveralValues(MappingNode discriminator)
    {
        if (discriminator["mapping"] is not MappingNode mapping)
        {
            return false;
        }

        var targets = new HashSet<SpecNode>();
        foreach (KeyValuePair<ScalarNode, SpecNode> entry in mapping.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } target && _context.FindByPointer(MappingPointer(target.Value)) is SpecNode targetNode && !targets.Add(targetNode))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A mapping value is a pointer or a bare schema name.</summary>
    private static string MappingPointer(string target) => target.StartsWith("#", StringComparison.Ordinal) ? target : "#/components/schemas/" + target;

    /// <summary>A variant's fixed discriminator value: a one-value enum or a const on its discriminator property.</summary>
    private MappingNode? PropertySchema(MappingNode node, string property)
        => (node["properties"] as MappingNode)?[property] is SpecNode schema ? _context.ResolveQuietly(schema) as MappingNode : null;

    private string? DiscriminatorConstant(MappingNode variant, string property)
    {
        MappingNode? schema = PropertySchema(variant, property);
        if (schema?["const"] is ScalarNode constant)
        {
            return constant.Value;
        }

        return schema?["enum"] is SequenceNode { Items.Count: 1 } values && values.Items[0] is ScalarNode single ? single.Value : null;
    }

    private Dictionary<SpecNode, (MappingNode Base, string Name)> VariantBases()
    {
        if (_variantBases is not null)
        {
            return _variantBases;
        }

        _variantBases = new Dictionary<SpecNode, (MappingNode, string)>();
        if ((_context.Document["components"] as MappingNode)?["schemas"] is MappingNode schemas)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> component in schemas.Entries)
            {
                if (component.Value is MappingNode baseNode && Discriminator(baseNode) is (string _, MappingNode discriminator))
                {
                    foreach ((SpecNode variant, string? _, string? _) in Variants(baseNode, discriminator))
                    {
                        SpecNode? target = variant is MappingNode { } m && m.GetString("$ref") is string r ? _context.FindByPointer(r) : variant;
                        if (target is not null && target != baseNode && !_variantBases.ContainsKey(target))
                        {
                            _variantBases[target] = (baseNode, component.Key.Value);
                        }
                    }
                }
            }
        }

        return _variantBases;
    }

    private static string ModelName(TypeRefSpec type) => type.FullName.Substring(type.FullName.LastIndexOf('.') + 1);

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

    /// <summary>A built-in type: every one but string is a value type.</summary>
    private TypeRefSpec Primitive(string fullName, string infoName, string converter)
    {
        var type = fullName == "string" ? StringType : new TypeRefSpec(fullName, IsValueType: true);
        if (!_jsonTypes.ContainsKey(type.FullName))
        {
            _jsonTypes.Add(type.FullName, new JsonTypeSpec(_typeInfoNames.Claim(infoName), type, JsonTypeKind.Primitive, converter, null, null));
        }

        return type;
    }

    private TypeRefSpec RegisterJsonElement() => Primitive(JsonElementType.FullName, "JsonElement", "JsonElementConverter");

    private string RegisterNullable(TypeRefSpec valueType)
    {
        string key = valueType.Nullable;
        if (!_jsonTypes.TryGetValue(key, out JsonTypeSpec? spec))
        {
            string underlying = _jsonTypes[valueType.FullName].PropertyName;
            spec = new JsonTypeSpec(_typeInfoNames.Claim("Nullable" + underlying), new TypeRefSpec(key, IsValueType: true), JsonTypeKind.NullableValue, null, valueType, underlying);
            _jsonTypes.Add(key, spec);
        }

        return spec.PropertyName;
    }

    private TypeRefSpec Remember(MappingNode node, TypeRefSpec type)
    {
        if (type.FullName == JsonElementType.FullName)
        {
            RegisterJsonElement();
        }

        _mappedNodes[node] = type;
        return type;
    }

    private void Unsupported(MappingNode node, string schemaName, string what, string consequence = "it is generated as JsonElement")
        => _context.Report(DiagnosticDescriptors.UnsupportedSchema, node, ParseContext.LastSegment(schemaName), what + "; " + consequence);

    private string Qualify(string typeName) => "global::" + _namespace + "." + typeName;

    private static List<string> TypeNames(MappingNode node) => node["type"] switch
    {
        ScalarNode { IsNull: false } scalar => new List<string> { scalar.Value },
        SequenceNode sequence => sequence.Items.OfType<ScalarNode>().Select(s => s.Value).ToList(),
        _ => new List<string>(),
    };

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
