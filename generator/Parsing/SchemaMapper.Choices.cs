using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

// Choices: enums, OpenAPI 3.1 type lists, and oneOf/anyOf without a discriminator (one type, one open enum, or a union).
internal sealed partial class SchemaMapper
{
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
            return AddEnum(node, values, nameHint);
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

    /// <summary>An enum schema: its values, in order and each once; a <c>null</c> among them makes it nullable.</summary>
    private TypeRefSpec MapEnum(MappingNode node, SequenceNode values, string nameHint, ref bool nullable)
    {
        var listed = new List<(string Value, string? Title)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SpecNode valueNode in values.Items)
        {
            if (valueNode is ScalarNode { IsNull: true })
            {
                nullable = true;
            }
            else if (valueNode is ScalarNode scalar && seen.Add(scalar.Value))
            {
                listed.Add((scalar.Value, null));
            }
        }

        return AddEnum(node, listed, nameHint);
    }

    /// <summary>An open enum of values (an enum schema's, or those several variants list: see <see cref="StringValues"/>), a title naming its member.</summary>
    private TypeRefSpec AddEnum(MappingNode node, List<(string Value, string? Title)> values, string nameHint)
    {
        TypeRefSpec type = _types.Declare(node, nameHint, TypeRefKind.Enum);
        _mappedNodes[node] = type;

        // Clone: records may not declare it (CS8859), record structs included (googleapis.com/sql's CLONE operation type).
        var members = NameScope.ForMembers(TypeRegistry.EnumMembers.Concat(new[] { type.Name!, "EqualityContract", "Known", "Clone" }).ToArray());
        var specValues = new List<EnumValueSpec>();
        foreach ((string value, string? title) in values)
        {
            string member = title is not null ? Identifiers.ToPascalCase(title) : value.Length == 0 ? "Empty" : Identifiers.ToPascalCase(value);
            specValues.Add(new EnumValueSpec(members.Claim(member), value, DocText.Summarize(title is null ? value : value + ": " + title)));
        }

        _types.Add(new EnumSpec(type.Name!, type, Describe(node), specValues.ToEquatableArray()));
        return type;
    }
}
