using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using SpecClient.Generator.Conventions;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Reads one operation of a path item into an <see cref="OperationSpec"/>: its parameters (with validation),
/// body, result and error types, the media type it sends, and its deprecation. A malformed operation is
/// reported and skipped (<see langword="null"/>), never thrown.
/// </summary>
internal sealed class OperationReader
{
    /// <summary>The longest non-simple <c>pattern</c> checked with a regular expression.</summary>
    public const int MaxPatternLength = 4096;

    private readonly ParseContext _context;
    private readonly SchemaMapper _schemas;
    private readonly TypeRegistry _types;
    private readonly ErrorCodeHarvester _errorCodes;
    private readonly PagingConventions _paging;
    private readonly NameScope _typeNames;
    private readonly NameScope _methodNames;
    private readonly string? _apiVersion;
    private readonly string _pathPrefix;
    private readonly IReadOnlyList<string> _documentVersionedMediaTypes;

    // Parameter component → the params class property documenting it in full.
    private readonly Dictionary<string, string> _componentDocs = new(StringComparer.Ordinal);

    // Whether a schema is a choice of scalars, by schema: variants shared between choices (and parameters sharing a
    // component) are looked at once, so a spec nesting wide choices cannot make the walk exponential.
    private readonly Dictionary<SpecNode, bool> _scalarChoices = new();

    public OperationReader(
        ParseContext context,
        SchemaMapper schemas,
        TypeRegistry types,
        ErrorCodeHarvester errorCodes,
        NameScope typeNames,
        NameScope methodNames,
        string? apiVersion,
        string pathPrefix,
        IReadOnlyList<string> documentVersionedMediaTypes)
    {
        _context = context;
        _schemas = schemas;
        _types = types;
        _errorCodes = errorCodes;
        _typeNames = typeNames;
        _methodNames = methodNames;
        _paging = new PagingConventions(types, methodNames);
        _apiVersion = apiVersion;
        _pathPrefix = pathPrefix;
        _documentVersionedMediaTypes = documentVersionedMediaTypes;
    }

    /// <param name="operationId">The spec's operationId (or one derived from the method and path).</param>
    /// <param name="name">What the generated names start from: the operationId, numbered when another operation has it too.</param>
    /// <param name="path">The path template.</param>
    /// <param name="httpMethod">The method, lower-case.</param>
    /// <param name="operation">The operation object.</param>
    /// <param name="pathItem">The path item holding it (its parameters apply too).</param>
    public OperationSpec? Read(string operationId, string name, string path, string httpMethod, MappingNode operation, MappingNode pathItem)
    {
        string baseName = Identifiers.ToPascalCase(name);
        var parameters = new List<ParameterSpec>();
        var components = new List<string?>();
        // The params class is named after the operation (claimed once the operation is read): no property may take it.
        // A params class is a record (page requests copy it `with` another page number): no property may take its members.
        var propertyNames = NameScope.ForMembers("Body", "Validate", "EqualityContract", "PrintMembers", "Deconstruct", "Clone", baseName + "Params");

        // The shorthand overload's own arguments: a parameter named body or cancellationToken must not take them.
        var argumentNames = new NameScope("body", "cancellationToken");
        foreach ((MappingNode parameterNode, string? component) in MergedParameters(pathItem, operation))
        {
            // A shared parameter's inline schema is named after the parameter component, whichever operation meets it first.
            string hint = component is null ? baseName + Identifiers.ToPascalCase(parameterNode.GetString("name") ?? string.Empty) : Identifiers.ToPascalCase(component);
            ParameterSpec? parameter = ReadParameter(operationId, hint, parameterNode, propertyNames, argumentNames, out bool skipOperation);
            if (skipOperation)
            {
                return null;
            }

            if (parameter is not null)
            {
                parameters.Add(parameter);
                components.Add(component);
            }
        }

        EquatableArray<PathSegmentSpec>? segments = ReadPathSegments(operationId, path, parameters, components, operation, propertyNames, argumentNames);
        if (segments is null)
        {
            return null;
        }

        if (!TryReadBody(operationId, baseName, operation, propertyNames, argumentNames, out RequestBodySpec? body))
        {
            return null;
        }

        MappingNode? responses = operation["responses"] as MappingNode;
        (TypeRefSpec? resultType, string? acceptMediaType, ResultBodyKind resultKind) = ReadSuccess(operationId, baseName, responses, operation, pathItem);
        TypeRefSpec? errorType = ReadErrors(baseName, responses, out EquatableArray<ErrorResponseSpec> errorResponses);
        ParameterSpec? envelope = EnvelopeConvention.Find(parameters);

        string paramsClassName = _typeNames.Claim(baseName + "Params");
        string methodName = _methodNames.Claim(baseName + "Async");
        ShareComponentDocs(parameters, components, TypeRegistry.Reference(paramsClassName));
        return new OperationSpec(
            operationId,
            methodName,
            paramsClassName,
            TypeRegistry.Reference(paramsClassName),

            // Method names are unique in the spec, and fields named after them cannot meet a PascalCase member.
            "s_" + char.ToLowerInvariant(methodName[0]) + methodName.Substring(1) + "Operation",
            HttpMethodName(httpMethod),
            path,
            segments.Value,
            DocText.Of(operation, "summary"),
            DocText.Of(operation, "description"),
            DeprecationWording.ObsoleteMessage(operation),
            acceptMediaType ?? MediaTypes.Json,
            parameters.ToEquatableArray(),
            body,
            resultType,
            errorType,
            _paging.Read(baseName, parameters, resultType, envelope),
            envelope?.PropertyName,
            errorResponses,
            resultKind);
    }

    /// <summary>
    /// A parameter component (<c>groupId</c>, <c>envelope</c>) is documented in full where it first appears; every later
    /// params class refers there, instead of repeating the text hundreds of times.
    /// </summary>
    private void ShareComponentDocs(List<ParameterSpec> parameters, List<string?> components, string paramsType)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (components[i] is not string component || parameters[i].Description is null)
            {
                continue;
            }

            if (_componentDocs.TryGetValue(component, out string? documentedAt))
            {
                parameters[i] = parameters[i] with { DocReference = documentedAt };
            }
            else
            {
                _componentDocs.Add(component, paramsType + "." + parameters[i].PropertyName);
            }
        }
    }

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
        string style = "Form";
        bool explode = true;
        if (where == ParameterLocation.Query && QueryStyle(node) is (string queryStyle, bool queryExplode)
            && (format is null || (isArray && (queryStyle != "Form" || !queryExplode))))
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
            // Property names are unique in the class, so the fields named after them are too.
            validation = validation with { PatternField = "s_" + char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1) + "Pattern" };
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

    /// <summary>A query parameter's <c>style</c> as the runtime's <c>ParameterStyle</c> member, and its <c>explode</c>; null for a style a query cannot have.</summary>
    private static (string Style, bool Explode)? QueryStyle(MappingNode parameter)
    {
        string? style = StyleName(parameter.GetString("style") ?? "form");
        if (style is null)
        {
            return null;
        }

        // OpenAPI: explode defaults to true for form, false for the others (deepObject is exploded by nature).
        bool explode = parameter["explode"] is ScalarNode ? parameter.GetBoolean("explode") : style == "Form" || style == "DeepObject";
        return (style, explode);
    }

    private static string? StyleName(string style) => style switch
    {
        "form" => "Form",
        "spaceDelimited" => "SpaceDelimited",
        "pipeDelimited" => "PipeDelimited",
        "deepObject" => "DeepObject",
        _ => null,
    };

    private ParameterSpec? Unsupported(MappingNode node, string name, string operationId, string why, bool required, out bool skipOperation)
    {
        skipOperation = required;
        _context.Report(DiagnosticDescriptors.UnsupportedParameter, node, name, operationId, why + (required ? "; the operation is skipped" : "; it is left out"));
        return null;
    }

    private ValidationSpec? ReadValidation(MappingNode? schema, string owner)
    {
        if (schema is null)
        {
            return null;
        }

        string? pattern = schema.GetString("pattern");
        SimplePattern? simple = pattern is null ? null : SimplePattern.TryParse(pattern);

        // A simple pattern is valid by construction; only the others need the regex engine to check them.
        if (pattern is not null && simple is null && pattern.Length > MaxPatternLength)
        {
            // Building a regex is superlinear in its length (300,000 characters take over 40 s): inside the compiler
            // that is a hang, and no real constraint needs a pattern this long.
            _context.Report(DiagnosticDescriptors.InvalidPattern, schema["pattern"], Abbreviate(pattern), owner, "it is longer than " + MaxPatternLength.ToString("N0", CultureInfo.InvariantCulture) + " characters");
            pattern = null;
        }
        else if (pattern is not null && simple is null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException exception)
            {
                _context.Report(DiagnosticDescriptors.InvalidPattern, schema["pattern"], Abbreviate(pattern), owner, "it is not a valid .NET regular expression (" + exception.Message + ")");
                pattern = null;
            }
        }

        (string? minimum, bool exclusiveMinimum) = Bound(schema, "minimum", "exclusiveMinimum", lower: true);
        (string? maximum, bool exclusiveMaximum) = Bound(schema, "maximum", "exclusiveMaximum", lower: false);
        var validation = new ValidationSpec(
            pattern,
            schema.GetInt32("minLength"),
            schema.GetInt32("maxLength"),
            minimum,
            maximum,
            simple?.Characters,
            simple?.MinLength ?? 0,
            simple?.MaxLength,
            ExclusiveMinimum: exclusiveMinimum,
            ExclusiveMaximum: exclusiveMaximum);
        return validation == new ValidationSpec(null, null, null, null, null) ? null : validation;
    }

    private static string Abbreviate(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "…";

    /// <summary>
    /// A lower or upper bound and whether it excludes itself. OpenAPI 3.0 writes <c>exclusiveMinimum: true</c> beside
    /// <c>minimum</c>; 3.1 (JSON Schema 2020-12) writes the bound itself, <c>exclusiveMinimum: 0</c>. When a spec
    /// gives both an inclusive and an exclusive number, the stricter one holds.
    /// </summary>
    private static (string? Bound, bool Exclusive) Bound(MappingNode schema, string inclusiveKey, string exclusiveKey, bool lower)
    {
        string? inclusive = NumberOrNull(schema, inclusiveKey);
        if (schema[exclusiveKey] is not ScalarNode { IsPlain: true } exclusive)
        {
            return (inclusive, false);
        }

        if (exclusive.Value is "true" or "false")
        {
            return (inclusive, inclusive is not null && exclusive.Value == "true");
        }

        if (NumberOrNull(schema, exclusiveKey) is not string exclusiveBound)
        {
            return (inclusive, false);
        }

        if (inclusive is null)
        {
            return (exclusiveBound, true);
        }

        decimal inclusiveValue = decimal.Parse(inclusive, NumberStyles.Float, CultureInfo.InvariantCulture);
        decimal exclusiveValue = decimal.Parse(exclusiveBound, NumberStyles.Float, CultureInfo.InvariantCulture);
        bool exclusiveIsStricter = lower ? exclusiveValue >= inclusiveValue : exclusiveValue <= inclusiveValue;
        return exclusiveIsStricter ? (exclusiveBound, true) : (inclusive, false);
    }

    private static string? NumberOrNull(MappingNode schema, string key)
        => schema[key] is ScalarNode { IsPlain: true } scalar
            && decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : null;

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

    private bool TryReadBody(string operationId, string baseName, MappingNode operation, NameScope propertyNames, NameScope argumentNames, out RequestBodySpec? body)
    {
        body = null;
        if (operation["requestBody"] is null)
        {
            return true;
        }

        if (_context.Resolve(operation["requestBody"], "the operation is skipped", out _) is not MappingNode requestBody)
        {
            return false;
        }

        if (requestBody["content"] is not MappingNode content || content.Entries.Count == 0)
        {
            return true;
        }

        // JSON stays the choice when it is offered; otherwise the body whose shape the spec describes best.
        List<string> offered = content.Entries.Select(entry => entry.Key.Value).ToList();
        VersionedMediaTypes.Choice? choice = offered.Any(MediaTypes.IsJson)
            ? Choose(operationId, JsonIfOffered(offered), requestBody)
            : new VersionedMediaTypes.Choice(offered.OrderBy(MediaTypes.RequestPreference).First(), false);
        string mediaType = choice!.Value.MediaType;
        BodyEncoding encoding = MediaTypes.EncodingOf(mediaType);
        MappingNode? media = content[mediaType] as MappingNode;
        SpecNode? schema = media?["schema"];
        bool bodyRequired = requestBody.GetBoolean("required");
        string? description = DocText.Of(requestBody, "description");
        TypeRefSpec type;
        switch (encoding)
        {
            case BodyEncoding.Binary:
                type = StreamType;
                break;
            case BodyEncoding.Text:
                type = _types.Primitive(PrimitiveKind.String);
                break;
            case BodyEncoding.Multipart:
                EquatableArray<MultipartPartSpec> parts = ReadParts(baseName, schema, media, propertyNames, argumentNames);
                body = new RequestBodySpec("Body", bodyRequired ? MultipartBodyType : Nullable(MultipartBodyType), mediaType, bodyRequired, description, encoding, Parts: parts);
                return true;
            default:
                type = _schemas.Map(schema, BodyHint(operation["requestBody"], "#/components/requestBodies/", baseName + "Request")).Type;
                break;
        }

        body = new RequestBodySpec(
            "Body",
            bodyRequired ? type : Nullable(type),
            mediaType,
            bodyRequired,
            description,
            encoding,
            encoding == BodyEncoding.Form ? ReadFieldEncodings(media) : default);
        return true;
    }

    // Types the runtime writes and reads, never the JSON context: the parser makes them, emitters print them.
    private static readonly TypeRefSpec StreamType = new(TypeRefKind.Primitive, "global::System.IO.Stream", "Stream", IsValueType: false);
    private static readonly TypeRefSpec MultipartBodyType = new(TypeRefKind.Primitive, "global::SpecClient.Runtime.MultipartBody", "MultipartBody", IsValueType: false);
    private static readonly TypeRefSpec FilePartType = new(TypeRefKind.Primitive, "global::SpecClient.Runtime.FilePart", "FilePart", IsValueType: false);
    private static readonly TypeRefSpec FilePartListType = new(
        TypeRefKind.List, "global::System.Collections.Generic.IReadOnlyList<global::SpecClient.Runtime.FilePart>", "FilePartList", IsValueType: false, FilePartType);

    /// <summary>The type or null, for schema types and the runtime's alike.</summary>
    private TypeRefSpec Nullable(TypeRefSpec type)
        => type == StreamType || type == MultipartBodyType || type == FilePartType || type == FilePartListType
            ? new TypeRefSpec(TypeRefKind.Nullable, type.Identifier + "?", type.MetadataName, IsValueType: false, type)
            : _types.Nullable(type);

    /// <summary>The form fields the media type's <c>encoding</c> gives a style other than form-exploded.</summary>
    private static EquatableArray<FieldEncodingSpec> ReadFieldEncodings(MappingNode? media)
    {
        if (media?["encoding"] is not MappingNode encodings)
        {
            return EquatableArray<FieldEncodingSpec>.Empty;
        }

        var fields = new List<FieldEncodingSpec>();
        foreach (KeyValuePair<ScalarNode, SpecNode> entry in encodings.Entries)
        {
            if (entry.Value is MappingNode encoding && (encoding["style"] is not null || encoding["explode"] is not null)
                && QueryStyle(encoding) is (string style, bool explode))
            {
                fields.Add(new FieldEncodingSpec(entry.Key.Value, style, explode));
            }
        }

        return fields.OrderBy(field => field.Name, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>
    /// A multipart form's parts, from its object schema's properties: binary strings (and lists of them) as files, the
    /// rest as values. Empty when the schema lists no properties: the caller then builds the form.
    /// </summary>
    private EquatableArray<MultipartPartSpec> ReadParts(string baseName, SpecNode? schemaNode, MappingNode? media, NameScope propertyNames, NameScope argumentNames)
    {
        if (_context.ResolveQuietly(schemaNode) is not MappingNode schema || schema["properties"] is not MappingNode properties || properties.Entries.Count == 0)
        {
            return EquatableArray<MultipartPartSpec>.Empty;
        }

        var required = new HashSet<string>(
            (schema["required"] as SequenceNode)?.Items.OfType<ScalarNode>().Select(item => item.Value) ?? Enumerable.Empty<string>(),
            StringComparer.Ordinal);
        var encodings = media?["encoding"] as MappingNode;
        var parts = new List<MultipartPartSpec>();
        foreach (KeyValuePair<ScalarNode, SpecNode> entry in properties.Entries)
        {
            string name = entry.Key.Value;
            MappingNode? property = _context.ResolveQuietly(entry.Value) as MappingNode;
            bool isRequired = required.Contains(name);
            TypeRefSpec type;
            bool isFile;
            if (IsBinary(property))
            {
                type = FilePartType;
                isFile = true;
            }
            else if (property?.GetString("type") == "array" && IsBinary(_context.ResolveQuietly(property["items"]) as MappingNode))
            {
                type = FilePartListType;
                isFile = true;
            }
            else
            {
                type = _schemas.Map(entry.Value, baseName + Identifiers.ToPascalCase(name)).Type;
                isFile = false;
            }

            TypeRefSpec element = type.Underlying.Kind == TypeRefKind.List ? type.Underlying.Element!.Underlying : type.Underlying;
            string contentType = (encodings?[name] as MappingNode)?.GetString("contentType")
                ?? (element.Kind is TypeRefKind.Primitive or TypeRefKind.Enum ? "text/plain" : MediaTypes.Json);
            string argumentName = argumentNames.Claim(Identifiers.ToCamelCase(name).TrimStart('@'));
            string? description = property is null ? null : SchemaMapper.Describe(property);
            parts.Add(new MultipartPartSpec(
                name,
                propertyNames.Claim(Identifiers.ToPascalCase(name)),
                Identifiers.EscapeKeyword(argumentName),
                argumentName,
                isRequired ? type : Nullable(type),
                isFile,
                isRequired,
                contentType.Split(',')[0].Trim(),
                description,
                description is null ? null : DocText.FirstSentence(description)));
        }

        return parts.ToEquatableArray();
    }

    /// <summary>A string of bytes: <c>format: binary</c>, or (OpenAPI 3.1) a <c>contentMediaType</c> without <c>contentEncoding</c>.</summary>
    private static bool IsBinary(MappingNode? schema)
        => schema is not null
        && (schema.GetString("format") == "binary"
            || (schema["contentMediaType"] is not null && schema["contentEncoding"] is null && schema.GetString("type") is null or "string"));

    private (TypeRefSpec? Result, string? AcceptMediaType, ResultBodyKind Kind) ReadSuccess(string operationId, string baseName, MappingNode? responses, MappingNode operation, MappingNode pathItem)
    {
        KeyValuePair<ScalarNode, SpecNode>? success = null;
        if (responses is not null)
        {
            success = responses.Entries
                .Where(entry => entry.Key.Value.StartsWith("2", StringComparison.Ordinal))
                .OrderBy(entry => entry.Key.Value, StringComparer.Ordinal)
                .Cast<KeyValuePair<ScalarNode, SpecNode>?>()
                .FirstOrDefault();
        }

        MappingNode? response = success is null ? null : _context.Resolve(success.Value.Value, "the operation returns no result", out _) as MappingNode;
        MappingNode? content = response?["content"] as MappingNode;
        VersionedMediaTypes.Choice? choice = content is null || content.Entries.Count == 0
            ? null
            : Choose(operationId, JsonIfOffered(content.Entries.Select(entry => entry.Key.Value).ToList()), content);

        // A bodiless response still needs an Accept a versioned server takes: use the document's versions.
        // Chosen quietly: the operation itself offers nothing to warn about.
        string? accept = choice is { MediaType: string chosen } && !MediaTypes.IsJson(chosen) && VersionedMediaTypes.VersionDate(chosen) is null
            ? string.Join(", ", content!.Entries.Select(entry => entry.Key.Value).Where(type => !MediaTypes.IsJson(type) || type == "*/*").Distinct(StringComparer.Ordinal))
            : choice?.MediaType
            ?? VersionedMediaTypes.Choose(BodilessAcceptCandidates(pathItem), _apiVersion)?.MediaType;

        string status = success?.Key.Value ?? "2XX";
        if (choice is null || status == "204" || status == "205")
        {
            return (null, accept, ResultBodyKind.Json);
        }

        if (!MediaTypes.IsJson(choice.Value.MediaType))
        {
            // Text is read into a string; anything else (files, archives, CSV…) is handed over as a stream.
            return (null, accept, MediaTypes.IsTextResponse(choice.Value.MediaType) && !IsBinary(SchemaOf(content!, choice.Value.MediaType)) ? ResultBodyKind.Text : ResultBodyKind.Stream);
        }

        SpecNode? schema = (content![choice.Value.MediaType] as MappingNode)?["schema"];
        if (schema is null)
        {
            return (null, accept, ResultBodyKind.Json);
        }

        return (_schemas.Map(schema, BodyHint(success!.Value.Value, "#/components/responses/", baseName + "Response")).Type, accept, ResultBodyKind.Json);
    }

    /// <summary>The JSON media types when any is offered (JSON stays the choice), else all of them.</summary>
    private static List<string> JsonIfOffered(List<string> offered)
        => offered.Any(MediaTypes.IsJson) ? offered.Where(MediaTypes.IsJson).ToList() : offered;

    private MappingNode? SchemaOf(MappingNode content, string mediaType)
        => _context.ResolveQuietly((content[mediaType] as MappingNode)?["schema"]) as MappingNode;

    private TypeRefSpec? ReadErrors(string baseName, MappingNode? responses, out EquatableArray<ErrorResponseSpec> errorResponses)
    {
        errorResponses = EquatableArray<ErrorResponseSpec>.Empty;
        if (responses is null)
        {
            return null;
        }

        var listed = new List<ErrorResponseSpec>();
        var counts = new List<(TypeRefSpec Type, int Count)>();
        foreach (KeyValuePair<ScalarNode, SpecNode> entry in responses.Entries)
        {
            string status = entry.Key.Value;
            if (!(status.StartsWith("4", StringComparison.Ordinal) || status.StartsWith("5", StringComparison.Ordinal) || status == "default"))
            {
                continue;
            }

            if (_context.Resolve(entry.Value, "its error body is not typed", out _) is not MappingNode response)
            {
                continue;
            }

            listed.Add(new ErrorResponseSpec(status, _errorCodes.Harvest(status, response)));
            errorResponses = listed.ToEquatableArray();
            if (response["content"] is not MappingNode content)
            {
                continue;
            }

            KeyValuePair<ScalarNode, SpecNode> json = content.Entries.FirstOrDefault(media => MediaTypes.IsJson(media.Key.Value));
            if (json.Value is not MappingNode media || media["schema"] is null)
            {
                continue;
            }

            TypeRefSpec type = _schemas.Map(media["schema"], BodyHint(entry.Value, "#/components/responses/", baseName + "Error")).Type;
            int found = counts.FindIndex(count => count.Type == type);
            if (found >= 0)
            {
                counts[found] = (type, counts[found].Count + 1);
            }
            else
            {
                counts.Add((type, 1));
            }
        }

        // The schema most error responses share is the one the exception carries.
        return counts.Count == 0 ? null : counts.OrderByDescending(count => count.Count).First().Type;
    }

    /// <summary>The versions a bodiless response's Accept is chosen from: its path's, else the document's.</summary>
    private IReadOnlyList<string> BodilessAcceptCandidates(MappingNode pathItem)
    {
        List<string> path = VersionedMediaTypes.OfSuccessResponses(_context, pathItem.Entries.Select(entry => entry.Value).OfType<MappingNode>());
        return path.Count > 0 ? path : _documentVersionedMediaTypes;
    }

    private VersionedMediaTypes.Choice? Choose(string operationId, IEnumerable<string> mediaTypes, SpecNode locationForWarning)
    {
        VersionedMediaTypes.Choice? choice = VersionedMediaTypes.Choose(mediaTypes, _apiVersion);
        if (choice is { NoneOnOrBeforeApiVersion: true })
        {
            _context.Report(DiagnosticDescriptors.NoMediaTypeForApiVersion, locationForWarning, operationId, _apiVersion!, choice.Value.MediaType);
        }

        return choice;
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
    /// The name hint of a body's inline schema: a shared component (<c>components/requestBodies/X</c>,
    /// <c>components/responses/X</c>) names it, whichever operation meets it first; otherwise the operation does.
    /// </summary>
    private static string BodyHint(SpecNode? bodyOrResponse, string componentPrefix, string operationHint)
        => (bodyOrResponse as MappingNode)?.GetString("$ref") is string reference && reference.StartsWith(componentPrefix, StringComparison.Ordinal)
            ? Identifiers.ToPascalCase(ParseContext.LastSegment(reference))
            : operationHint;

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

    private static string HttpMethodName(string method) => method switch
    {
        "get" => "Get",
        "put" => "Put",
        "post" => "Post",
        "delete" => "Delete",
        "options" => "Options",
        "head" => "Head",
        "patch" => "Patch",
        _ => "Trace",
    };
}
