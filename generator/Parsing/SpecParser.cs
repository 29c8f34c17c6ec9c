using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using SpecClient.Generator.Conventions;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>The outcome of parsing one spec: the model (null when the document is unusable) and what went wrong.</summary>
internal sealed record ParseResult(ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Reads an OpenAPI 3.x document into an <see cref="ApiSpec"/>. This is where every decision is made
/// (names, types, media types, what is skipped and why); the emitter only prints the result.
/// </summary>
internal static class SpecParser
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static ParseResult Parse(SpecFileOptions options, string? text, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(options, text, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (SpecTooComplexException exception)
        {
            return TooComplex(options, exception.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            // Every recursive reader checks the stack (ParseContext.EnterRecursion): a document nested or linked deeper
            // than the compiler's thread can follow ends here instead of killing the process.
            return TooComplex(options, "its schemas or references nest deeper than the generator's stack can follow");
        }
        catch (Exception exception)
        {
            // The generator must never throw into the compiler: an unexpected failure becomes one diagnostic.
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, options.Path, exception.GetType().Name + ": " + exception.Message);
            return new ParseResult(null, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static ParseResult TooComplex(SpecFileOptions options, string why)
    {
        var diagnostic = DiagnosticInfo.Create(
            DiagnosticDescriptors.SpecTooComplex,
            new LocationInfo(options.Path, 0, 0, 0, 0, 0, 0),
            Path.GetFileName(options.Path),
            why);
        return new ParseResult(null, new[] { diagnostic }.ToEquatableArray());
    }

    private static ParseResult ParseCore(SpecFileOptions options, string? text, CancellationToken cancellationToken)
    {
        string fileName = Path.GetFileName(options.Path);
        if (text is null)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, null, fileName, "the file could not be read"));
        }

        SpecNode? root;
        var readWarnings = new List<DocumentWarning>();
        try
        {
            root = DocumentReader.Read(text, readWarnings, cancellationToken);
        }
        catch (DocumentReadException exception)
        {
            return Failed(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidDocument,
                ParseContext.Locate(options.Path, exception.Start, exception.End),
                fileName,
                exception.Message));
        }

        if (root is not MappingNode document)
        {
            LocationInfo? where = root is null ? null : ParseContext.Locate(options.Path, root.Start, root.End);
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi3, where, fileName, "its top level is not a mapping of OpenAPI fields"));
        }

        var context = new ParseContext(options.Path, document, cancellationToken);
        foreach (DocumentWarning warning in readWarnings)
        {
            context.Report(DiagnosticDescriptors.YamlRepaired, warning.Node, fileName, warning.Message);
        }

        if (!IsOpenApi3(context, document, fileName))
        {
            return new ParseResult(null, DiagnosticSummaries.AddSummaries(fileName, context.Diagnostics));
        }

        if (document.KeyNode("webhooks") is ScalarNode webhooksKey && document["webhooks"] is MappingNode { Entries.Count: > 0 } webhooks)
        {
            // OpenAPI 3.1 webhooks describe requests the API sends to its callers' servers: nothing a client calls.
            context.Report(DiagnosticDescriptors.WebhooksNotGenerated, webhooksKey, webhooks.Entries.Count.ToString(CultureInfo.InvariantCulture), fileName);
        }

        ApiSpec spec = ReadDocument(context, document, options, fileName);
        return new ParseResult(spec, DiagnosticSummaries.AddSummaries(fileName, context.Diagnostics));
    }

    private static ParseResult Failed(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());

    private static bool IsOpenApi3(ParseContext context, MappingNode document, string fileName)
    {
        if (document.KeyNode("swagger") is ScalarNode swagger)
        {
            context.Report(DiagnosticDescriptors.SwaggerNotSupported, swagger, fileName);
            return false;
        }

        if (document["openapi"] is not ScalarNode version)
        {
            context.Report(DiagnosticDescriptors.NotOpenApi3, document.Entries.Count > 0 ? document.Entries[0].Key : document, fileName, "it has no 'openapi' field");
            return false;
        }

        if (!version.Value.StartsWith("3.", StringComparison.Ordinal))
        {
            context.Report(DiagnosticDescriptors.NotOpenApi3, version, fileName, "its 'openapi' version is '" + version.Value + "'");
            return false;
        }

        return true;
    }

    private static ApiSpec ReadDocument(ParseContext context, MappingNode document, SpecFileOptions options, string fileName)
    {
        string fileStem = Identifiers.ToPascalCase(StripExtensions(fileName));
        string @namespace = ValidNamespace(context, options.Namespace, DefaultNamespace(options.RootNamespace, fileStem));
        string clientName = ValidIdentifier(context, "ClientName", options.ClientName, fileStem + "Client");
        string? apiVersion = ValidApiVersion(context, options.ApiVersion);

        var typeNames = new NameScope();
        clientName = typeNames.Claim(clientName);
        string interfaceName = typeNames.Claim("I" + clientName);
        string jsonContextName = typeNames.Claim(clientName + "JsonContext");
        string patternsName = typeNames.Claim(clientName + "Patterns");
        var metadataNames = NameScope.ForMembers("Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Info", jsonContextName);
        var types = new TypeRegistry(@namespace, typeNames, metadataNames);
        types.ReserveComponentNames(document, context);
        var schemas = new SchemaMapper(context, types, options.Unions);
        var errorCodes = new ErrorCodeHarvester(context);

        MappingNode info = document["info"] as MappingNode ?? new MappingNode(new List<KeyValuePair<ScalarNode, SpecNode>>(), document.Start, document.Start);
        (string? baseAddress, string pathPrefix) = ReadServer(document);

        List<(string Path, string Method, MappingNode Operation, MappingNode PathItem, ScalarNode MethodKey)> operations = CollectOperations(context, document);
        var tagClients = new TagClients(document, typeNames, clientName);
        foreach ((string _, string _, MappingNode operation, MappingNode _, ScalarNode _) in operations)
        {
            tagClients.Register(FirstTag(operation));
        }

        var patterns = new ParameterPatterns(patternsName, types.Qualify(patternsName));
        var reader = new OperationReader(
            context,
            schemas,
            types,
            errorCodes,
            patterns,
            typeNames,
            new NameScope(),
            apiVersion,
            pathPrefix,
            Conventions.VersionedMediaTypes.OfSuccessResponses(context, operations.Select(o => o.Operation)));
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var rootOperations = new List<OperationSpec>();
        string? commonPrefix = null;
        var filter = new OperationFilter(options.IncludeOperations, options.ExcludeOperations);
        foreach ((string path, string method, MappingNode operation, MappingNode pathItem, ScalarNode methodKey) in operations)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            string operationId = operation.GetString("operationId") ?? DeriveOperationId(method, path);
            if (!filter.Keeps(operationId, FirstTag(operation), path))
            {
                continue;
            }

            string name = operationId;
            if (!operationIds.Add(operationId))
            {
                // Both operations are generated: the later one is named with the first free number, the same on every run.
                for (int number = 2; !operationIds.Add(name = operationId + number.ToString(CultureInfo.InvariantCulture)); number++)
                {
                }

                context.Report(DiagnosticDescriptors.DuplicateOperationId, (SpecNode?)operation["operationId"] ?? methodKey, operationId, method.ToUpperInvariant() + " " + path, name);
            }

            OperationSpec? spec = reader.Read(operationId, name, path, method, operation, pathItem);
            if (spec is null)
            {
                continue;
            }

            commonPrefix = CommonPathPrefix(commonPrefix, spec.PathSegments.Count > 0 ? spec.PathSegments[0].Literal ?? string.Empty : string.Empty);
            string? tag = FirstTag(operation);
            if (tag is null)
            {
                rootOperations.Add(spec);
            }
            else
            {
                tagClients.Add(tag, spec);
            }
        }

        foreach ((string metadata, string text) in filter.Unused())
        {
            context.ReportAtFile(DiagnosticDescriptors.FilterMatchesNothing, metadata, text);
        }

        ReportDuplicatePathSignatures(context, document);
        var root = new RootClientSpec(
            clientName,
            interfaceName,
            DocText.Of(info, "title") ?? fileName,
            DocText.Of(info, "description"),
            info.GetString("version"),
            apiVersion,
            baseAddress ?? string.Empty,
            commonPrefix ?? string.Empty,
            rootOperations.ToEquatableArray());

        // Error examples no operation led to (components/responses such as 410 VERSION_GONE, components/examples).
        errorCodes.HarvestComponents(document);
        EquatableArray<ClientSpec> clients = tagClients.ToSpecs();
        List<OperationSpec> operationSpecs = ApiSpec.OperationsOf(root, clients).ToList();
        EquatableArray<ModelSpec> models = ErrorFieldsConvention.Mark(types.Models, operationSpecs).ToEquatableArray();
        EquatableArray<EnumSpec> enums = types.Enums.ToEquatableArray();
        EquatableArray<UnionSpec> unions = types.Unions.ToEquatableArray();
        return new ApiSpec(
            options.Path,
            fileName,
            @namespace,
            root,
            clients,
            models,
            enums,
            unions,
            JsonContextBuilder.Build(jsonContextName, types.Qualify(jsonContextName), models, enums, unions, operationSpecs),
            errorCodes.ToSpec(typeNames),
            patterns.ToSpec());
    }

    private static List<(string, string, MappingNode, MappingNode, ScalarNode)> CollectOperations(ParseContext context, MappingNode document)
    {
        var operations = new List<(string, string, MappingNode, MappingNode, ScalarNode)>();
        if (document["paths"] is not MappingNode paths)
        {
            return operations;
        }

        foreach (KeyValuePair<ScalarNode, SpecNode> pathEntry in paths.Entries)
        {
            if (context.Resolve(pathEntry.Value, "the path is skipped", out _) is not MappingNode pathItem)
            {
                continue;
            }

            foreach (KeyValuePair<ScalarNode, SpecNode> methodEntry in pathItem.Entries)
            {
                string method = methodEntry.Key.Value.ToLowerInvariant();
                if (Array.IndexOf(HttpMethods, method) >= 0 && methodEntry.Value is MappingNode operation)
                {
                    operations.Add((pathEntry.Key.Value, method, operation, pathItem, methodEntry.Key));
                }
            }
        }

        return operations;
    }

    /// <summary>Paths that differ only in parameter names (<c>/a/{id}</c>, <c>/a/{name}</c>) are one route to a server.</summary>
    private static void ReportDuplicatePathSignatures(ParseContext context, MappingNode document)
    {
        if (document["paths"] is not MappingNode paths)
        {
            return;
        }

        var firstBySignature = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<ScalarNode, SpecNode> path in paths.Entries)
        {
            string signature = PathSignature(path.Key.Value);
            if (firstBySignature.TryGetValue(signature, out string? first))
            {
                context.Report(DiagnosticDescriptors.DuplicatePathSignature, path.Key, path.Key.Value, first);
            }
            else
            {
                firstBySignature.Add(signature, path.Key.Value);
            }
        }
    }

    /// <summary><c>/a/{id}/b/</c> → <c>/a/{}/b</c>.</summary>
    private static string PathSignature(string path)
    {
        var signature = new System.Text.StringBuilder(path.Length);
        bool inParameter = false;
        foreach (char c in path.TrimEnd('/'))
        {
            if (c == '{')
            {
                inParameter = true;
                signature.Append("{}");
            }
            else if (c == '}')
            {
                inParameter = false;
            }
            else if (!inParameter)
            {
                signature.Append(c);
            }
        }

        return signature.ToString();
    }

    private static (string? BaseAddress, string PathPrefix) ReadServer(MappingNode document)
    {
        if (document["servers"] is not SequenceNode { Items.Count: > 0 } servers || servers.Items[0] is not MappingNode server || server.GetString("url") is not string url)
        {
            return (null, string.Empty);
        }

        // Server variables take their defaults: `https://{region}.example.com` → the default region.
        if (server["variables"] is MappingNode variables)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> variable in variables.Entries)
            {
                if (variable.Value is MappingNode definition && definition.GetString("default") is string value)
                {
                    url = url.Replace("{" + variable.Key.Value + "}", value);
                }
            }
        }

        // The server's path moves into every operation path, so a base address is only scheme, host and port:
        // users point the client at a proxy or a simulator without repeating the API's path.
        if (Uri.TryCreate(url, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == "http" || absolute.Scheme == "https"))
        {
            string prefix = absolute.AbsolutePath.Trim('/');
            return (absolute.GetLeftPart(UriPartial.Authority) + "/", prefix.Length == 0 ? string.Empty : prefix + "/");
        }

        string relative = url.Trim('/');
        return (null, relative.Length == 0 ? string.Empty : relative + "/");
    }

    /// <summary>
    /// The whole path segments every operation's path starts with (<c>api/public/v1.0/</c>): a base address ending
    /// with them (the documented base URL) would otherwise double them.
    /// </summary>
    private static string CommonPathPrefix(string? common, string literal)
    {
        // Only whole segments of the literal part: "orgs/{orgId}" contributes "orgs/", never a parameter.
        string candidate = literal.Substring(0, literal.LastIndexOf('/') + 1);
        if (common is null)
        {
            return candidate;
        }

        int length = 0;
        while (length < common.Length && length < candidate.Length && common[length] == candidate[length])
        {
            length++;
        }

        // Cut back to the last '/' the two share.
        return length == 0 ? string.Empty : common.Substring(0, common.LastIndexOf('/', length - 1) + 1);
    }

    private static string? FirstTag(MappingNode operation)
        => operation["tags"] is SequenceNode { Items.Count: > 0 } tags && tags.Items[0] is ScalarNode { IsNull: false } tag && tag.Value.Trim().Length > 0
            ? tag.Value
            : null;

    private static string DeriveOperationId(string method, string path)
        => method + Identifiers.ToPascalCase(path.Replace("{", "By ").Replace("}", " "));

    private static string StripExtensions(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        return stem.EndsWith(".openapi", StringComparison.OrdinalIgnoreCase) ? stem.Substring(0, stem.Length - ".openapi".Length) : stem;
    }

    private static string DefaultNamespace(string? rootNamespace, string fileStem)
        => string.IsNullOrWhiteSpace(rootNamespace) || !IsValidNamespace(rootNamespace!) ? fileStem : rootNamespace + "." + fileStem;

    private static string ValidNamespace(ParseContext context, string? requested, string fallback)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return fallback;
        }

        if (IsValidNamespace(requested!))
        {
            return requested!;
        }

        context.ReportAtFile(DiagnosticDescriptors.InvalidSpecOption, "Namespace", requested!, "it is not a C# namespace; '" + fallback + "' is used");
        return fallback;
    }

    private static string ValidIdentifier(ParseContext context, string metadata, string? requested, string fallback)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return fallback;
        }

        if (IsIdentifier(requested!))
        {
            return requested!;
        }

        context.ReportAtFile(DiagnosticDescriptors.InvalidSpecOption, metadata, requested!, "it is not a C# identifier; '" + fallback + "' is used");
        return fallback;
    }

    private static string? ValidApiVersion(ParseContext context, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        if (Conventions.VersionedMediaTypes.IsIsoDate(requested!))
        {
            return requested;
        }

        context.ReportAtFile(DiagnosticDescriptors.InvalidSpecOption, "ApiVersion", requested!, "it is not a date like 2025-03-12; the newest media types are used");
        return null;
    }

    private static bool IsValidNamespace(string name) => name.Split('.').All(IsIdentifier);

    private static bool IsIdentifier(string name)
        => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>The tag clients in a stable order: the document's <c>tags</c> list first, then tags as operations name them.</summary>
    private sealed class TagClients
    {
        private readonly List<string> _order = new();
        private readonly Dictionary<string, (string ClassName, string InterfaceName, string PropertyName, List<OperationSpec> Operations)> _clients = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _descriptions = new(StringComparer.Ordinal);
        private readonly List<string> _listed = new();
        private readonly NameScope _typeNames;
        private readonly NameScope _propertyNames;

        public TagClients(MappingNode document, NameScope typeNames, string rootClientName)
        {
            _typeNames = typeNames;
            _propertyNames = NameScope.ForMembers(rootClientName, "Connection", "DefaultBaseAddress", "ApiVersion", "DocumentVersion", "OperationsPathPrefix");
            if (document["tags"] is SequenceNode tags)
            {
                foreach (SpecNode tag in tags.Items)
                {
                    if (tag is MappingNode tagNode && tagNode.GetString("name") is string name && !_descriptions.ContainsKey(name))
                    {
                        _descriptions[name] = DocText.Of(tagNode, "description");
                        _listed.Add(name);
                    }
                }
            }
        }

        public void Register(string? tag)
        {
            if (tag is not null && !_clients.ContainsKey(tag))
            {
                string pascal = Identifiers.ToPascalCase(tag);
                // A tag named like the root client (tag Pets, client PetsClient) reads better as PetsOperations than PetsClient2.
                string className = _typeNames.IsTaken(pascal + "Client") ? _typeNames.Claim(pascal + "Operations") : _typeNames.Claim(pascal + "Client");
                _clients[tag] = (className, _typeNames.Claim("I" + className), _propertyNames.Claim(pascal), new List<OperationSpec>());
                _order.Add(tag);
            }
        }

        public void Add(string tag, OperationSpec operation) => _clients[tag].Operations.Add(operation);

        public EquatableArray<ClientSpec> ToSpecs()
        {
            // Listed tags first, in the document's order; then the rest as operations introduced them.
            IEnumerable<string> ordered = _listed.Where(_clients.ContainsKey).Concat(_order.Where(tag => !_descriptions.ContainsKey(tag)));
            return ordered
                .Where(tag => _clients[tag].Operations.Count > 0)
                .Select(tag => new ClientSpec(
                    _clients[tag].ClassName,
                    _clients[tag].InterfaceName,
                    _clients[tag].PropertyName,
                    tag,
                    _descriptions.TryGetValue(tag, out string? description) ? description : null,
                    _clients[tag].Operations.ToEquatableArray()))
                .ToEquatableArray();
        }
    }
}
