using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Conventions;

namespace SpecClient.Generator.Parsing;

// Request bodies: the media type sent, and how the body is written (JSON, form, multipart parts, stream, text).
internal sealed partial class OperationReader
{
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
                type = _types.Stream();
                break;
            case BodyEncoding.Text:
                type = _types.Primitive(PrimitiveKind.String);
                break;
            case BodyEncoding.Multipart:
                EquatableArray<MultipartPartSpec> parts = ReadParts(baseName, schema, media, propertyNames, argumentNames);
                body = new RequestBodySpec("Body", bodyRequired ? _types.MultipartBody() : _types.Nullable(_types.MultipartBody()), mediaType, bodyRequired, description, encoding, Parts: parts);
                return true;
            default:
                type = _schemas.Map(schema, BodyHint(operation["requestBody"], "#/components/requestBodies/", baseName + "Request")).Type;
                break;
        }

        body = new RequestBodySpec(
            "Body",
            bodyRequired ? type : _types.Nullable(type),
            mediaType,
            bodyRequired,
            description,
            encoding,
            encoding == BodyEncoding.Form ? ReadFieldEncodings(media) : default);
        return true;
    }

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
                && QueryStyle(encoding) is (ParameterStyle style, bool explode))
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
                type = _types.FilePart();
                isFile = true;
            }
            else if (property?.GetString("type") == "array" && IsBinary(_context.ResolveQuietly(property["items"]) as MappingNode))
            {
                type = _types.FilePartList();
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
                isRequired ? type : _types.Nullable(type),
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
}
