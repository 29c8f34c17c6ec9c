using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// A spec as Microsoft.OpenApi (an independent reader) sees it: its operations with their merged parameters, and
/// schema helpers. YAML is converted to JSON first (<see cref="YamlToJson"/>); Microsoft.OpenApi reads the JSON.
/// </summary>
internal sealed class OpenApiOracle
{
    private OpenApiOracle(OpenApiDocument document, IReadOnlyList<OpenApiError> errors, OpenApiSpecVersion version)
    {
        Document = document;
        Errors = errors;
        Version = version;
    }

    public OpenApiDocument Document { get; }

    /// <summary>What Microsoft.OpenApi reported as errors while reading and validating (each with a JSON pointer).</summary>
    public IReadOnlyList<OpenApiError> Errors { get; }

    /// <summary>The OpenAPI (or Swagger) version Microsoft.OpenApi read the document as.</summary>
    public OpenApiSpecVersion Version { get; }

    public static OpenApiOracle Read(SpecInput spec)
    {
        string json = spec.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? spec.Text : YamlToJson.Convert(spec.Text);
        ReadResult result = OpenApiDocument.Parse(json, "json");
        OpenApiDocument document = result.Document ?? throw new InvalidOperationException(
            "Microsoft.OpenApi could not read " + spec.Path + ": " + string.Join("; ", result.Diagnostic?.Errors.Select(e => e.ToString()) ?? Array.Empty<string>()));
        return new OpenApiOracle(document, result.Diagnostic?.Errors.ToList() ?? new List<OpenApiError>(), result.Diagnostic?.SpecificationVersion ?? OpenApiSpecVersion.OpenApi3_0);
    }

    /// <summary>Every operation of every path, in document order.</summary>
    public IEnumerable<OracleOperation> Operations()
    {
        foreach ((string path, IOpenApiPathItem pathItem) in Document.Paths ?? new OpenApiPaths())
        {
            if (pathItem.Operations is null)
            {
                continue;
            }

            foreach ((System.Net.Http.HttpMethod method, OpenApiOperation operation) in pathItem.Operations)
            {
                yield return new OracleOperation(path, method.Method.ToLowerInvariant(), operation, MergedParameters(pathItem, operation));
            }
        }
    }

    /// <summary>Path-item parameters overridden by operation parameters of the same name and location (OpenAPI 3).</summary>
    private static List<IOpenApiParameter> MergedParameters(IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var merged = new List<IOpenApiParameter>();
        foreach (IList<IOpenApiParameter>? list in new[] { pathItem.Parameters, operation.Parameters })
        {
            foreach (IOpenApiParameter parameter in list ?? new List<IOpenApiParameter>())
            {
                int existing = merged.FindIndex(p => p.Name == parameter.Name && p.In == parameter.In);
                if (existing >= 0)
                {
                    merged[existing] = parameter;
                }
                else
                {
                    merged.Add(parameter);
                }
            }
        }

        return merged;
    }

    /// <summary>The component a schema refers to, or null for an inline schema.</summary>
    public static string? ComponentName(IOpenApiSchema? schema)
        => schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;

    /// <summary>A reference's target (null when it cannot be resolved); an inline schema itself.</summary>
    public static IOpenApiSchema? Target(IOpenApiSchema? schema)
        => schema is OpenApiSchemaReference reference ? reference.Target : schema;

    /// <summary>The schema's types other than null.</summary>
    public static JsonSchemaType NonNullTypes(IOpenApiSchema schema) => (schema.Type ?? 0) & ~JsonSchemaType.Null;

    public static bool IsStringEnum(IOpenApiSchema schema)
        => schema.Enum is { Count: > 0 } && NonNullTypes(schema) is 0 or JsonSchemaType.String;

    public static bool HasSeveralTypes(IOpenApiSchema schema)
    {
        int types = (int)NonNullTypes(schema);
        return types != 0 && (types & (types - 1)) != 0;
    }

    /// <summary>A discriminator that picks among variants (oneOf/anyOf, or a mapping).</summary>
    public static bool IsPolymorphic(IOpenApiSchema schema)
        => schema.Discriminator?.PropertyName is not null
        && (schema.OneOf is not null || schema.AnyOf is not null || schema.Discriminator.Mapping is { Count: > 0 });

    /// <summary>oneOf/anyOf entries that are not <c>type: 'null'</c> (OpenAPI 3.1's way to say nullable).</summary>
    public static List<IOpenApiSchema> NonNullVariants(IList<IOpenApiSchema> variants)
        => variants.Where(v => Target(v) is not { } t || t.Type != JsonSchemaType.Null).ToList();

    /// <summary>
    /// Documented constructs that become JsonElement with warning SCG0005: several types, or oneOf/anyOf with several
    /// variants and no discriminator.
    /// </summary>
    public static bool IsDegraded(IOpenApiSchema schema)
    {
        if (IsStringEnum(schema))
        {
            return false;
        }

        if (HasSeveralTypes(schema))
        {
            return true;
        }

        if (IsPolymorphic(schema) || (NonNullTypes(schema) is not (0 or JsonSchemaType.Object)))
        {
            return false;
        }

        IList<IOpenApiSchema>? variants = schema.OneOf ?? schema.AnyOf;
        return variants is not null && NonNullVariants(variants).Count != 1;
    }

    /// <summary>
    /// The schema a wrapper stands for: <c>allOf</c> with one part and no properties (a described reference), or
    /// <c>oneOf</c>/<c>anyOf</c> with one non-null variant; <paramref name="component"/> becomes the last component
    /// passed through (an inline wrapper's content is named after it).
    /// </summary>
    public static IOpenApiSchema? Unwrap(IOpenApiSchema? schema, ref string? component)
    {
        for (int guard = 0; guard < 100 && schema is not null; guard++)
        {
            component = ComponentName(schema) ?? component;
            IOpenApiSchema? target = Target(schema);
            if (target is null || IsStringEnum(target) || IsPolymorphic(target) || HasSeveralTypes(target) || NonNullTypes(target) is not (0 or JsonSchemaType.Object))
            {
                return target;
            }

            IList<IOpenApiSchema>? variants = target.OneOf ?? target.AnyOf;
            if (variants is not null)
            {
                List<IOpenApiSchema> nonNull = NonNullVariants(variants);
                if (nonNull.Count != 1)
                {
                    return target;
                }

                schema = nonNull[0];
                continue;
            }

            if (target.AllOf is { Count: 1 } && target.Properties is null or { Count: 0 })
            {
                schema = target.AllOf[0];
                continue;
            }

            return target;
        }

        return schema is null ? null : Target(schema);
    }

    /// <summary>Whether a (resolved, unwrapped) schema becomes a record: properties, allOf parts, or a discriminator.</summary>
    public static bool IsRecordShaped(IOpenApiSchema schema)
        => !IsStringEnum(schema)
        && !HasSeveralTypes(schema)
        && NonNullTypes(schema) is 0 or JsonSchemaType.Object
        && (IsPolymorphic(schema) || ((schema.OneOf ?? schema.AnyOf) is null && (schema.Properties is not null || schema.AllOf is not null)));

    /// <summary>The properties of a schema and of everything it allOf-includes (by JSON name, first one wins).</summary>
    public static Dictionary<string, IOpenApiSchema> AllProperties(IOpenApiSchema schema)
    {
        var result = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        Collect(schema, result, new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance));
        return result;

        static void Collect(IOpenApiSchema? schema, Dictionary<string, IOpenApiSchema> into, HashSet<IOpenApiSchema> visiting)
        {
            IOpenApiSchema? target = Target(schema);
            if (target is null || !visiting.Add(target))
            {
                return;
            }

            foreach (IOpenApiSchema part in target.AllOf ?? new List<IOpenApiSchema>())
            {
                Collect(part, into, visiting);
            }

            foreach ((string name, IOpenApiSchema property) in target.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                into.TryAdd(name, property);
            }
        }
    }

    /// <summary>
    /// Whether the discriminator's mapping names one variant for several values: SpecClient then generates one record
    /// holding the discriminator as a property and every variant's properties (docs/architecture.md, "What each OpenAPI construct becomes").
    /// </summary>
    public static bool MapsSeveralValuesToOneVariant(IOpenApiSchema schema)
        => schema.Discriminator?.Mapping is { } mapping && mapping.Values.GroupBy(target => target.Reference.Id).Any(group => group.Count() > 1);

    /// <summary>The properties of such a record: the schema's own, then each variant's not already there.</summary>
    public Dictionary<string, IOpenApiSchema> PropertiesWithVariants(IOpenApiSchema schema)
    {
        Dictionary<string, IOpenApiSchema> properties = AllProperties(schema);
        foreach (IOpenApiSchema variant in Variants(schema))
        {
            if (Target(variant) is IOpenApiSchema variantTarget)
            {
                foreach ((string name, IOpenApiSchema property) in AllProperties(variantTarget))
                {
                    properties.TryAdd(name, property);
                }
            }
        }

        return properties;
    }

    /// <summary>The variants of a polymorphic schema: oneOf/anyOf entries, then mapping targets not listed there.</summary>
    public IEnumerable<IOpenApiSchema> Variants(IOpenApiSchema schema)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (IOpenApiSchema variant in (schema.OneOf ?? new List<IOpenApiSchema>()).Concat(schema.AnyOf ?? new List<IOpenApiSchema>()))
        {
            if (ComponentName(variant) is not string name || seen.Add(name))
            {
                yield return variant;
            }
        }

        foreach ((string _, OpenApiSchemaReference target) in schema.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            if (seen.Add(target.Reference.Id ?? string.Empty))
            {
                yield return target;
            }
        }
    }
}

/// <summary>One operation as Microsoft.OpenApi reads it, with its effective parameters.</summary>
internal sealed record OracleOperation(string Path, string Method, OpenApiOperation Operation, IReadOnlyList<IOpenApiParameter> Parameters)
{
    public string Key => Method.ToUpperInvariant() + " " + Path;
}
