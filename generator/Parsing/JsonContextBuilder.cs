using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Derives the JSON context from the finished model, a pure pass: every record, enum and union, every type an operation
/// reads or writes, and every type those contain. Nothing else decides what the context holds.
/// </summary>
internal static class JsonContextBuilder
{
    public static JsonContextSpec Build(string className, string identifier, IReadOnlyList<ModelSpec> models, IReadOnlyList<EnumSpec> enums, IReadOnlyList<UnionSpec> unions, IEnumerable<OperationSpec> operations)
    {
        var modelsByType = models.ToDictionary(model => model.Type.Identifier, StringComparer.Ordinal);
        var types = new Dictionary<string, JsonTypeSpec>(StringComparer.Ordinal);

        var exposed = new HashSet<string>(StringComparer.Ordinal);
        void Visit(TypeRefSpec? type, bool expose)
        {
            if (expose && type is not null)
            {
                exposed.Add(type.Underlying.MetadataName);
            }

            // Iterative on the element chain: a List<List<…>> nests as deep as the spec does, never the stack.
            for (TypeRefSpec? current = type; current is not null; current = current.Element)
            {
                if (current.IsNullable && !current.IsValueType)
                {
                    // A nullable reference is its type at run time: it shares that type's metadata.
                    continue;
                }

                if (types.ContainsKey(current.MetadataName))
                {
                    return;
                }

                types.Add(current.MetadataName, Describe(current, modelsByType));
            }
        }

        foreach (ModelSpec model in models)
        {
            Visit(model.Type, expose: true);
            foreach (PropertySpec property in model.Properties)
            {
                Visit(property.Type, expose: false);
            }
        }

        foreach (EnumSpec value in enums)
        {
            Visit(value.Type, expose: true);
        }

        foreach (UnionSpec union in unions)
        {
            // The union's converter reads and writes each variant through the context.
            Visit(union.Type, expose: true);
            foreach (UnionVariantSpec variant in union.Variants)
            {
                Visit(variant.Type, expose: false);
            }
        }

        foreach (OperationSpec operation in operations)
        {
            if (operation.Body is { Encoding: BodyEncoding.Json or BodyEncoding.Form } body)
            {
                Visit(body.Type.Underlying, expose: true);
            }

            // Multipart values and structured query parameters are written from their JSON form.
            foreach (MultipartPartSpec part in operation.Body?.Parts ?? EquatableArray<MultipartPartSpec>.Empty)
            {
                if (!part.IsFile)
                {
                    Visit(part.Type.Underlying, expose: true);
                }
            }

            foreach (ParameterSpec parameter in operation.Parameters)
            {
                if (parameter.Format == ValueFormat.Structured)
                {
                    Visit(parameter.Type.Underlying, expose: true);
                }
            }

            Visit(operation.ResultType, expose: true);
            Visit(operation.EventStreamVariant?.ResultType, expose: true);
            Visit(operation.ErrorType, expose: true);
        }

        return new JsonContextSpec(
            className,
            identifier,
            types.Values.Select(type => type with { Exposed = exposed.Contains(type.Type.MetadataName) }).OrderBy(type => type.Type.MetadataName, StringComparer.Ordinal).ToEquatableArray());
    }

    private static JsonTypeSpec Describe(TypeRefSpec type, Dictionary<string, ModelSpec> models)
    {
        if (type.Kind != TypeRefKind.Model || !models.TryGetValue(type.Identifier, out ModelSpec? model))
        {
            return new JsonTypeSpec(type, EquatableArray<PropertySpec>.Empty, null, Exposed: false);
        }

        // A record's JSON properties: its base's first, then its own.
        var chain = new List<ModelSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (ModelSpec? current = model; current is not null && seen.Add(current.Type.Identifier); current = current.Base is TypeRefSpec baseType && models.TryGetValue(baseType.Identifier, out ModelSpec? baseModel) ? baseModel : null)
        {
            chain.Insert(0, current);
        }

        return new JsonTypeSpec(type, chain.SelectMany(m => m.Properties).ToEquatableArray(), model.Discriminator, Exposed: false);
    }
}
