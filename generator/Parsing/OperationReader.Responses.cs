using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Conventions;

namespace SpecClient.Generator.Parsing;

// Responses: the success body and the media type asked for, and the error body the exception carries.
internal sealed partial class OperationReader
{
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

    /// <summary>
    /// Whether the success response offers <c>text/event-stream</c>, and the type of each event's data: OpenAPI 3.2's
    /// <c>itemSchema</c> when given, else the media type's <c>schema</c>; null (text) for a string schema or none.
    /// </summary>
    private bool TryReadEventStream(string baseName, MappingNode? responses, out TypeRefSpec? itemType)
    {
        itemType = null;
        KeyValuePair<ScalarNode, SpecNode>? success = responses?.Entries
            .Where(entry => entry.Key.Value.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(entry => entry.Key.Value, StringComparer.Ordinal)
            .Cast<KeyValuePair<ScalarNode, SpecNode>?>()
            .FirstOrDefault();
        MappingNode? content = (success is null ? null : _context.ResolveQuietly(success.Value.Value) as MappingNode)?["content"] as MappingNode;
        KeyValuePair<ScalarNode, SpecNode>? events = content?.Entries
            .Where(entry => MediaTypes.IsEventStream(entry.Key.Value))
            .Cast<KeyValuePair<ScalarNode, SpecNode>?>()
            .FirstOrDefault();
        if (events is null)
        {
            return false;
        }

        MappingNode? media = events.Value.Value as MappingNode;
        SpecNode? schema = media?["itemSchema"] ?? media?["schema"];
        if (schema is not null)
        {
            TypeRefSpec mapped = _schemas.Map(schema, baseName + "Event").Type;
            itemType = mapped.Underlying is { Kind: TypeRefKind.Primitive, Primitive: PrimitiveKind.String } ? null : mapped;
        }

        return true;
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

    /// <summary>
    /// The name hint of a body's inline schema: a shared component (<c>components/requestBodies/X</c>,
    /// <c>components/responses/X</c>) names it, whichever operation meets it first; otherwise the operation does.
    /// </summary>
    private static string BodyHint(SpecNode? bodyOrResponse, string componentPrefix, string operationHint)
        => (bodyOrResponse as MappingNode)?.GetString("$ref") is string reference && reference.StartsWith(componentPrefix, StringComparison.Ordinal)
            ? Identifiers.ToPascalCase(ParseContext.LastSegment(reference))
            : operationHint;
}
