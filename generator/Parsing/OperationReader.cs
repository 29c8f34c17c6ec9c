using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Conventions;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Reads one operation of a path item into an <see cref="OperationSpec"/>: its parameters (with validation),
/// body, result and error types, the media type it sends, and its deprecation. A malformed operation is
/// reported and skipped (<see langword="null"/>), never thrown.
/// </summary>
internal sealed partial class OperationReader
{
    /// <summary>The longest non-simple <c>pattern</c> checked with a regular expression.</summary>
    public const int MaxPatternLength = 4096;

    private readonly ParseContext _context;
    private readonly SchemaMapper _schemas;
    private readonly TypeRegistry _types;
    private readonly ErrorCodeHarvester _errorCodes;
    private readonly ParameterPatterns _patterns;
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
        ParameterPatterns patterns,
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
        _patterns = patterns;
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

        // Named unlike any of its members (CS0542): an operation sharing the base name with another (getThing, _getThing)
        // is GetThingParams2, and a parameter getThingParams is its property GetThingParams2 (GetThingParams is taken).
        var memberNames = new HashSet<string>(propertyNames.Taken, StringComparer.Ordinal);
        memberNames.Remove(baseName + "Params");
        string paramsClassName = _typeNames.Claim(baseName + "Params", memberNames);
        string methodName = _methodNames.Claim(baseName + "Async");

        // Server-sent events: the only answer (the method streams), or offered beside JSON (a second method streams).
        bool streams = TryReadEventStream(baseName, responses, out TypeRefSpec? eventItemType);
        bool eventsOnly = streams && resultKind != ResultBodyKind.Json;
        if (eventsOnly)
        {
            (resultType, acceptMediaType, resultKind) = (eventItemType, MediaTypes.EventStream, ResultBodyKind.Events);
        }

        string? streamMethodName = streams && !eventsOnly ? _methodNames.Claim(baseName + "StreamAsync") : null;
        ShareComponentDocs(parameters, components, paramsClassName);
        var read = new OperationSpec(
            operationId,
            methodName,
            paramsClassName,

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
            eventsOnly ? null : _paging.Read(baseName, parameters, resultType, envelope),
            envelope?.PropertyName,
            errorResponses,
            resultKind);
        return streamMethodName is null
            ? read
            : read with
            {
                EventStreamVariant = read with
                {
                    MethodName = streamMethodName,
                    DescriptorField = "s_" + char.ToLowerInvariant(streamMethodName[0]) + streamMethodName.Substring(1) + "Operation",
                    AcceptMediaType = MediaTypes.EventStream,
                    ResultType = eventItemType,
                    ResultKind = ResultBodyKind.Events,
                    Paging = null,
                },
            };
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
