using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

// Records: object schemas and their properties (allOf included), and discriminated bases with their variants.
internal sealed partial class SchemaMapper
{
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
