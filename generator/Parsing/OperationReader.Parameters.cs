using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

// Parameters: path, query and header, merged from the path item and the operation; and the path they fill.
internal sealed partial class OperationReader
{
    /// <summary>The operation's parameters with the component each comes from (null for one written inline).</summary>
    private IEnumerable<(MappingNode Parameter, string? Component)> MergedParameters(MappingNode pathItem, MappingNode operation)
    {
        // Operation-level parameters override path-level ones with the same name and location.
        var merged = new List<(MappingNode, string?)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SpecNode? list in new[] { pathItem["parameters"], operation["parameters"] })
        {
            if (list is not SequenceNode sequence)
            {
                continue;
            }

            foreach (SpecNode item in sequence.Items)
            {
                if (_context.Resolve(item, "the parameter is ignored", out string? reference) is not MappingNode parameter)
                {
                    continue;
                }

                string? component = reference is not null && reference.StartsWith("#/components/parameters/", StringComparison.Ordinal) ? ParseContext.LastSegment(reference) : null;
                string key = parameter.GetString("in") + "/" + parameter.GetString("name");
                if (index.TryGetValue(key, out int existing))
                {
                    merged[existing] = (parameter, component);
                }
                else
                {
                    index.Add(key, merged.Count);
                    merged.Add((parameter, component));
                }
            }
        }

        return merged;
    }

    private ParameterSpec? ReadParameter(string operationId, string hint, MappingNode node, NameScope propertyNames, NameScope argumentNames, out bool skipOperation)
    {
        skipOperation = false;
        string? name = node.GetString("name");
        string? location = node.GetString("in");
        bool required = node.GetBoolean("required") || location == "path";
        if (name is null || location is null)
        {
            _context.Report(DiagnosticDescriptors.InvalidOperation, node, operationId, "a parameter has no 'name' or no 'in'");
            skipOperation = true;
            return null;
        }

        ParameterLocation? where = location switch
        {
            "path" => ParameterLocation.Path,
            "query" => ParameterLocation.Query,
            "header" => ParameterLocation.Header,
            _ => null,
        };
        if (where is null)
        {
            return Unsupported(node, name, operationId, "is sent in '" + location + "', which SpecClient does not support", required, out skipOperation);
        }

        if (where == ParameterLocation.Header && IsReservedHeader(name))
        {
            // OpenAPI says Accept, Content-Type and Authorization parameters are ignored: the client sets them.
            return null;
        }

        SpecNode? schemaNode = node["schema"];
        if (schemaNode is null && node["content"] is MappingNode content && content.Entries.Count > 0 && content.Entries[0].Value is MappingNode media)
        {
            schemaNode = media["schema"];
        }

        // An id or a slug (oneOf/anyOf of scalars) in a path or header is text whichever it is.
        SchemaMapper.MappedType mapped = where != ParameterLocation.Query && IsScalarChoice(schemaNode)
            ? new SchemaMapper.MappedType(_types.Primitive(PrimitiveKind.String), false)
            : _schemas.Map(schemaNode, hint);
        bool isArray = mapped.Type.Kind == TypeRefKind.List;
        ValueFormat? format = FormatOf(isArray ? mapped.Type.Element!.Underlying : mapped.Type);
        ParameterStyle style = ParameterStyle.Form;
        bool explode = true;
        if (where == ParameterLocation.Query && QueryStyle(node) is (ParameterStyle queryStyle, bool queryExplode)
            && (format is null || (isArray && (queryStyle != ParameterStyle.Form || !queryExplode))))
        {
            // Objects, and lists in another style than repeated keys, are written from their JSON form by the runtime.
            format = ValueFormat.Structured;
            isArray = false;
            style = queryStyle;
            explode = queryExplode;
        }

        if (isArray && format is not null && where == ParameterLocation.Path)
        {
            // A list in a path is its values comma-separated (style simple), written from its JSON form.
            format = ValueFormat.Structured;
            isArray = false;
        }

        if (format is null)
        {
            return Unsupported(node, name, operationId, "has a type that cannot be written into a URL or header", required, out skipOperation);
        }

        MappingNode? schema = _context.ResolveQuietly(schemaNode) as MappingNode;
        string preferred = Identifiers.ToPascalCase(name);
        string propertyName = propertyNames.Claim(preferred);
        ValidationSpec? validation = isArray ? null : ReadValidation(schema, operationId + "." + name);
        if (validation?.Pattern is not null && format is ValueFormat.String or ValueFormat.EnumValue)
        {
            validation = validation with { PatternField = _patterns.Reference(validation) };
        }

        string? description = DocText.Of(node, "description") ?? (schema is null ? null : SchemaMapper.Describe(schema));
        string argumentName = argumentNames.Claim(Identifiers.ToCamelCase(name).TrimStart('@'));
        return new ParameterSpec(
            name,
            propertyName,
            Identifiers.EscapeKeyword(argumentName),
            argumentName,
            where.Value,
            required,
            required ? mapped.Type : _types.Nullable(mapped.Type),
            format.Value,
            isArray,
            description,
            schema?["default"] is ScalarNode { IsNull: false } defaultValue ? defaultValue.Value : null,
            node.GetBoolean("deprecated"),
            validation,
            ArgumentDescription: description is null ? null : DocText.FirstSentence(description),
            Style: style,
            Explode: explode);
    }

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> whose every variant is a string, number, integer or boolean (looked up to a small depth).</summary>
    private bool IsScalarChoice(SpecNode? schemaNode, int depth = 0)
    {
        if (depth > 8 || _context.ResolveQuietly(schemaNode) is not MappingNode schema
            || (schema["oneOf"] ?? schema["anyOf"]) is not SequenceNode { Items.Count: > 0 } variants)
        {
            return false;
        }

        if (_scalarChoices.TryGetValue(schema, out bool known))
        {
            return known;
        }

        // Not a choice of scalars while it is being looked at: a choice that contains itself is no scalar.
        _scalarChoices[schema] = false;
        bool result = variants.Items.All(variant => IsScalarType(variant) || IsScalarChoice(variant, depth + 1));
        _scalarChoices[schema] = result;
        return result;
    }

    private bool IsScalarType(SpecNode variant)
        => _context.ResolveQuietly(variant) is MappingNode schema && schema.GetString("type") is "string" or "integer" or "number" or "boolean";

    /// <summary>A query parameter's (or form field's) <c>style</c> and <c>explode</c>; null for a style a query cannot have.</summary>
    private static (ParameterStyle Style, bool Explode)? QueryStyle(MappingNode parameter)
    {
        ParameterStyle? style = (parameter.GetString("style") ?? "form") switch
        {
            "form" => ParameterStyle.Form,
            "spaceDelimited" => ParameterStyle.SpaceDelimited,
            "pipeDelimited" => ParameterStyle.PipeDelimited,
            "deepObject" => ParameterStyle.DeepObject,
            _ => null,
        };
        if (style is null)
        {
            return null;
        }

        // OpenAPI: explode defaults to true for form, false for the others (deepObject is exploded by nature).
        bool explode = parameter["explode"] is ScalarNode ? parameter.GetBoolean("explode") : style is ParameterStyle.Form or ParameterStyle.DeepObject;
        return (style.Value, explode);
    }

    private ParameterSpec? Unsupported(MappingNode node, string name, string operationId, string why, bool required, out bool skipOperation)
    {
        skipOperation = required;
        _context.Report(DiagnosticDescriptors.UnsupportedParameter, node, name, operationId, why + (required ? "; the operation is skipped" : "; it is left out"));
        return null;
    }

    private EquatableArray<PathSegmentSpec>? ReadPathSegments(
        string operationId, string path, List<ParameterSpec> parameters, List<string?> components, MappingNode operation, NameScope propertyNames, NameScope argumentNames)
    {
        var segments = new List<PathSegmentSpec>();
        string relative = _pathPrefix + path.TrimStart('/');
        int position = 0;
        while (position < relative.Length)
        {
            int open = relative.IndexOf('{', position);
            if (open < 0)
            {
                segments.Add(new PathSegmentSpec(relative.Substring(position), null, ValueFormat.String));
                break;
            }

            int close = relative.IndexOf('}', open);
            if (close < 0)
            {
                _context.Report(DiagnosticDescriptors.InvalidOperation, operation, operationId, "the path '" + path + "' has an unclosed '{'");
                return null;
            }

            if (open > position)
            {
                segments.Add(new PathSegmentSpec(relative.Substring(position, open - position), null, ValueFormat.String));
            }

            string name = relative.Substring(open + 1, close - open - 1);
            ParameterSpec? parameter = parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.Name == name);
            if (parameter is null && name.Length == 0)
            {
                _context.Report(DiagnosticDescriptors.InvalidOperation, operation, operationId, "the path '" + path + "' has an empty '{}'");
                return null;
            }

            if (parameter is null)
            {
                // A path the spec forgot to declare a parameter of still has one value there: a required string.
                _context.Report(DiagnosticDescriptors.UndeclaredPathParameter, operation, path, operationId, name);
                string argumentName = argumentNames.Claim(Identifiers.ToCamelCase(name).TrimStart('@'));
                parameter = new ParameterSpec(
                    name,
                    propertyNames.Claim(Identifiers.ToPascalCase(name)),
                    Identifiers.EscapeKeyword(argumentName),
                    argumentName,
                    ParameterLocation.Path,
                    Required: true,
                    _types.Primitive(PrimitiveKind.String),
                    ValueFormat.String,
                    IsArray: false,
                    Description: null,
                    DefaultValue: null,
                    Deprecated: false,
                    Validation: null);
                parameters.Add(parameter);
                components.Add(null);
            }

            segments.Add(new PathSegmentSpec(null, parameter.PropertyName, parameter.Format, IsUrlSafe(parameter),
                parameter.Format == ValueFormat.Structured ? parameter.Type.Underlying.MetadataName : null));
            position = close + 1;
        }

        return segments.ToEquatableArray();
    }

    /// <summary>How a value of the type is written into a URL or header; null for types that cannot be.</summary>
    private static ValueFormat? FormatOf(TypeRefSpec type) => type.Kind switch
    {
        TypeRefKind.Enum => ValueFormat.EnumValue,
        TypeRefKind.Primitive => type.Primitive switch
        {
            PrimitiveKind.String => ValueFormat.String,
            PrimitiveKind.Boolean => ValueFormat.Boolean,
            PrimitiveKind.Int32 or PrimitiveKind.Int64 => ValueFormat.Integer,
            PrimitiveKind.Single or PrimitiveKind.Double => ValueFormat.Number,
            PrimitiveKind.DateTimeOffset => ValueFormat.DateTime,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// A string checked against a pattern of unreserved URI characters only (RFC 3986: letters, digits, -._~), so it is
    /// sent unescaped. A value "." or ".." would be a dot segment: the runtime refuses those on this path as on the other.
    /// </summary>
    private static bool IsUrlSafe(ParameterSpec parameter)
        => parameter.Format == ValueFormat.String
        && parameter.Required
        && parameter.Validation?.PatternCharacters is string characters
        && characters.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~');

    private static bool IsReservedHeader(string name)
        => name.Equals("Accept", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
}
