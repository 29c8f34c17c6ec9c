using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>
/// Prints the root client, the tag clients and their operations. Each client has an interface, for fakes in tests: the
/// interface carries the documentation and the conveniences written over the main method (the shorthand overload with
/// the required parameters, the methods reading every page), so a fake implements one method per operation and gets
/// them too; the class implements the main method.
/// </summary>
internal static class ClientEmitter
{
    private const string Connection = "global::SpecClient.Runtime.ApiConnection";
    private const string RequestOptions = "global::SpecClient.Runtime.RequestOptions";
    private const string CancellationTokenType = "global::System.Threading.CancellationToken";

    // Said once per client rather than on every operation.
    private const string TransportExceptions = "Besides the ApiException each operation describes, any may throw ArgumentException (a parameter breaks the spec; nothing was sent), HttpRequestException (the connection failed) or TimeoutException (no answer in time).";

    public static string Emit(ApiSpec spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SourceName);
        EmitRootInterface(writer, spec);
        writer.Line();
        EmitRootClient(writer, spec);
        foreach (ClientSpec client in spec.TagClients)
        {
            writer.Line();
            EmitTagInterface(writer, spec, client);
            writer.Line();
            EmitTagClient(writer, spec, client);
        }

        return GeneratedCode.EndFile(writer);
    }

    private static void EmitRootInterface(SourceWriter writer, ApiSpec spec)
    {
        RootClientSpec root = spec.RootClient;
        writer.Doc("summary", "The client for " + root.Title + ", as an interface: implemented by " + root.ClassName + ", and by fakes in tests.");
        writer.Doc("remarks", (root.Description is null ? string.Empty : root.Description + "\n\n") + TransportExceptions);
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public partial interface " + root.InterfaceName);
        writer.OpenBrace();
        writer.Doc("summary", "The connection (HttpClient and base address) every request goes through.");
        writer.Line(Connection + " Connection { get; }");
        writer.Line();
        writer.DocXml("<summary>A client whose calls carry <paramref name=\"options\"/> (headers, a timeout per call, no retries); this client is unchanged.</summary>");
        writer.DocXml("<remarks>The new client shares this one's HttpClient and is as thread-safe. The options are copied: changing them later changes nothing. See docs/streams-and-request-options.md.</remarks>");
        writer.Doc("param", "The options every call of the new client carries.", "name=\"options\"");
        writer.DocXml("<exception cref=\"global::System.ArgumentException\">A header is one the client sets itself (Authorization, Accept, Content-Type) or is malformed.</exception>");
        writer.Line(root.InterfaceName + " WithOptions(" + RequestOptions + " options);");
        foreach (ClientSpec client in spec.TagClients)
        {
            writer.Line();
            writer.Doc("summary", client.Description ?? "The operations tagged '" + client.Tag + "'.");
            writer.Line(client.InterfaceName + " " + client.PropertyName + " { get; }");
        }

        foreach (OperationSpec operation in root.Operations)
        {
            writer.Line();
            EmitInterfaceOperation(writer, operation);
        }

        writer.CloseBrace();
    }

    private static void EmitTagInterface(SourceWriter writer, ApiSpec spec, ClientSpec client)
    {
        writer.Doc("summary", client.Description ?? "The operations tagged '" + client.Tag + "'.");
        writer.Doc("remarks", "Implemented by " + client.ClassName + "; reached through " + spec.RootClient.InterfaceName + "." + client.PropertyName + ". " + TransportExceptions);
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public partial interface " + client.InterfaceName);
        writer.OpenBrace();
        bool first = true;
        foreach (OperationSpec operation in client.Operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitInterfaceOperation(writer, operation);
        }

        writer.CloseBrace();
    }

    private static void EmitRootClient(SourceWriter writer, ApiSpec spec)
    {
        RootClientSpec root = spec.RootClient;
        writer.Doc("summary", "The client for " + root.Title + ".");
        writer.Doc("remarks", root.Description);
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public sealed partial class " + root.ClassName + " : " + root.InterfaceName);
        writer.OpenBrace();
        writer.Line("private static readonly " + spec.JsonContext.Identifier + " s_json = " + spec.JsonContext.Identifier + ".Default;");
        writer.Line("private readonly " + Connection + " _connection;");
        writer.Line();
        if (root.ApiVersion is not null)
        {
            writer.Doc("summary", "The API version this client was generated for; it chose the media types the client sends.");
            writer.Line("public const string ApiVersion = " + SourceWriter.Literal(root.ApiVersion) + ";");
            writer.Line();
        }

        if (root.DocumentVersion is not null)
        {
            writer.Doc("summary", "The version of the OpenAPI document (its info.version).");
            writer.Line("public const string DocumentVersion = " + SourceWriter.Literal(root.DocumentVersion) + ";");
            writer.Line();
        }

        string baseAddressFallback;
        if (root.DefaultBaseAddress.Length > 0)
        {
            writer.Doc("summary", "The server the spec names, used when neither the constructor nor the HttpClient gives a base address.");
            writer.Line("public static global::System.Uri DefaultBaseAddress { get; } = new global::System.Uri(" + SourceWriter.Literal(root.DefaultBaseAddress) + ");");
            writer.Line();
            baseAddressFallback = "DefaultBaseAddress";
        }
        else
        {
            baseAddressFallback = "throw new global::System.ArgumentException(\"The spec names no server: pass a base address, or set HttpClient.BaseAddress.\", nameof(baseAddress))";
        }

        string prefixArgument = string.Empty;
        string baseAddressDoc = "The server to call (scheme, host and port); by default the HttpClient's BaseAddress, else the spec's server.";
        if (root.OperationsPathPrefix.Length > 0)
        {
            writer.Doc("summary", "The path every operation's path starts with. A base address that already ends with it (such as the API's documented base URL) is used without it, so the path is never doubled.");
            writer.Line("public const string OperationsPathPrefix = " + SourceWriter.Literal(root.OperationsPathPrefix) + ";");
            writer.Line();
            prefixArgument = ", OperationsPathPrefix";
            baseAddressDoc = "The server to call (scheme, host, port and optionally a path); by default the HttpClient's BaseAddress, else the spec's server. A path ending with OperationsPathPrefix (" + root.OperationsPathPrefix.TrimEnd('/') + ") is dropped: the operations add it.";
        }

        writer.DocXml("<summary>Creates a client that sends its requests through <paramref name=\"httpClient\"/>.</summary>");
        writer.Doc("param", "The HttpClient to send with; its handlers (authentication, retries, logging) apply to every call.", "name=\"httpClient\"");
        writer.Doc("param", baseAddressDoc, "name=\"baseAddress\"");
        writer.Line("public " + root.ClassName + "(global::System.Net.Http.HttpClient httpClient, global::System.Uri? baseAddress = null)");
        writer.Line("    : this(new " + Connection + "(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), baseAddress ?? httpClient.BaseAddress ?? " + baseAddressFallback + prefixArgument + "))");
        writer.OpenBrace();
        writer.CloseBrace();
        writer.Line();
        writer.Doc("summary", "Creates a client over an existing connection (shared by other clients).");
        writer.Doc("param", "The connection every request goes through.", "name=\"connection\"");
        writer.Line("public " + root.ClassName + "(" + Connection + " connection)");
        writer.OpenBrace();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(connection);");
        writer.Line("_connection = connection;");
        foreach (ClientSpec client in spec.TagClients)
        {
            writer.Line(client.PropertyName + " = new " + client.ClassName + "(connection);");
        }

        writer.CloseBrace();
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public " + Connection + " Connection => _connection;");
        writer.Line();
        writer.DocXml("<inheritdoc cref=\"" + root.InterfaceName + ".WithOptions(" + RequestOptions + ")\"/>");
        writer.Line("public " + root.ClassName + " WithOptions(" + RequestOptions + " options) => new " + root.ClassName + "(_connection.WithOptions(options));");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line(root.InterfaceName + " " + root.InterfaceName + ".WithOptions(" + RequestOptions + " options) => WithOptions(options);");
        foreach (ClientSpec client in spec.TagClients)
        {
            writer.Line();
            writer.DocXml("<inheritdoc/>");
            writer.Line("public " + client.InterfaceName + " " + client.PropertyName + " { get; }");
        }

        foreach (OperationSpec operation in root.Operations)
        {
            writer.Line();
            EmitOperation(writer, spec, operation);
        }

        writer.CloseBrace();
    }

    private static void EmitTagClient(SourceWriter writer, ApiSpec spec, ClientSpec client)
    {
        writer.Doc("summary", client.Description ?? "The operations tagged '" + client.Tag + "'.");
        writer.DocXml("<remarks>Reached through <see cref=\"" + spec.RootClient.ClassName + "." + client.PropertyName + "\"/>; the shorthand and paging methods are the interface's.</remarks>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public sealed partial class " + client.ClassName + " : " + client.InterfaceName);
        writer.OpenBrace();
        writer.Line("private static readonly " + spec.JsonContext.Identifier + " s_json = " + spec.JsonContext.Identifier + ".Default;");
        writer.Line("private readonly " + Connection + " _connection;");
        writer.Line();
        writer.Doc("summary", "Creates the client over a connection; usually reached from the root client instead.");
        writer.Doc("param", "The connection every request goes through.", "name=\"connection\"");
        writer.Line("public " + client.ClassName + "(" + Connection + " connection)");
        writer.OpenBrace();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(connection);");
        writer.Line("_connection = connection;");
        writer.CloseBrace();
        foreach (OperationSpec operation in client.Operations)
        {
            writer.Line();
            EmitOperation(writer, spec, operation);
        }

        writer.CloseBrace();
    }

    private static void EmitOperation(SourceWriter writer, ApiSpec spec, OperationSpec operation)
    {
        string paramsType = operation.ParamsClassName;
        string context = "s_json.";
        string returnType = ReturnType(operation);

        writer.Line("private static readonly global::SpecClient.Runtime.ApiOperation " + operation.DescriptorField + " = new(" + SourceWriter.Literal(operation.OperationId)
            + ", \"" + operation.HttpMethod.ToUpperInvariant() + "\", " + SourceWriter.Literal(operation.PathTemplate) + (spec.RootClient.ApiVersion is null ? string.Empty : ", " + SourceWriter.Literal(spec.RootClient.ApiVersion)) + ");");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        EmitObsolete(writer, operation);
        writer.Line("public " + returnType + " " + operation.MethodName + "(" + paramsType + " parameters, " + CancellationTokenType + " cancellationToken = default)");
        writer.OpenBrace();
        writer.Line("var uri = _connection.CreateUriBuilder(parameters);");
        foreach (PathSegmentSpec segment in operation.PathSegments)
        {
            writer.Line(segment.Literal is not null
                ? "uri.AppendLiteral(" + SourceWriter.Literal(segment.Literal) + ");"
                : segment.MetadataName is not null
                    ? "uri.AppendPathValue(parameters." + segment.ParameterPropertyName + ", s_json." + segment.MetadataName + ");"
                : segment.UrlSafe
                    ? "uri.AppendUrlSafeValue(parameters." + segment.ParameterPropertyName + ");"
                    : "uri.AppendPathValue(" + ValueExpression("parameters." + segment.ParameterPropertyName, segment.Format, nullable: false) + ");");
        }

        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            EmitQueryParameter(writer, parameter);
        }

        writer.Line("var request = _connection.CreateRequest(" + operation.DescriptorField + ", uri.ToStringAndClear(), " + SourceWriter.Literal(operation.AcceptMediaType) + ");");
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            EmitHeaderParameter(writer, parameter);
        }

        if (operation.Body is RequestBodySpec body)
        {
            EmitBody(writer, body);
        }

        string error = operation.ErrorType is null ? "null" : context + operation.ErrorType.MetadataName;
        string result = operation.ResultType is null ? string.Empty : context + operation.ResultType.MetadataName + ", ";
        if (operation.ResultKind == ResultBodyKind.Json && operation.EnvelopePropertyName is string envelope)
        {
            // Only a caller who asked for the envelope gets the step that unwraps it. A pattern, not `== true`: the lifted
            // operator's overload resolution was a measured 5% of a whole-API compile.
            writer.Line("return parameters." + envelope + " is true");
            writer.Line("    ? global::SpecClient.Runtime.EnvelopedResponse.SendAsync(_connection, request, " + result + error + ", cancellationToken)");
            writer.Line("    : _connection.SendAsync(request, " + result + error + ", cancellationToken);");
        }
        else
        {
            writer.Line(operation.ResultKind switch
            {
                ResultBodyKind.Text => "return _connection.SendForTextAsync(request, " + error + ", cancellationToken);",
                ResultBodyKind.Stream => "return _connection.SendForStreamAsync(request, " + error + ", cancellationToken);",
                ResultBodyKind.Events => "return _connection.SendForEvents(request, " + result + error + ", cancellationToken);",
                _ => "return _connection.SendAsync(request, " + result + error + ", cancellationToken);",
            });
        }

        writer.CloseBrace();
        if (operation.Paging is LinkedPagingSpec { NextPageMethodName: string nextPage } && operation.ResultType is TypeRefSpec page)
        {
            writer.Line();
            writer.DocXml("<inheritdoc/>");
            EmitObsolete(writer, operation);
            writer.Line("public " + returnType + " " + nextPage + "(string nextPage, " + CancellationTokenType + " cancellationToken = default)");
            writer.Line("    => _connection.SendAsync(_connection.CreateLinkedPageRequest(" + operation.DescriptorField + ", nextPage, " + SourceWriter.Literal(operation.AcceptMediaType) + "), "
                + context + page.MetadataName + ", " + error + ", cancellationToken);");
        }

        if (operation.EventStreamVariant is OperationSpec streaming)
        {
            writer.Line();
            EmitOperation(writer, spec, streaming);
        }
    }

    /// <summary>The request body, one runtime call per encoding (a multipart form: one per part).</summary>
    private static void EmitBody(SourceWriter writer, RequestBodySpec body)
    {
        const string Bodies = "global::SpecClient.Runtime.RequestBodies.";
        if (body.Encoding == BodyEncoding.Multipart && !body.Parts.IsEmpty)
        {
            writer.Line("var form = new global::SpecClient.Runtime.MultipartBody();");
            foreach (MultipartPartSpec part in body.Parts)
            {
                string name = SourceWriter.Literal(part.Name);
                string access = "parameters." + part.PropertyName;
                writer.Line(part.IsFile
                    ? (part.Type.Underlying.Kind == TypeRefKind.List ? "form.AddFiles(" : "form.AddFile(") + name + ", " + access + ");"
                    : "form.AddValue(" + name + ", " + access + ", s_json." + part.Type.Underlying.MetadataName + ", " + SourceWriter.Literal(part.ContentType) + ");");
            }

            writer.Line("request.Content = form;");
            return;
        }

        string value = "parameters." + body.PropertyName + (body.Type.IsNullable && body.Type.IsValueType ? ".Value" : string.Empty);
        string create = "request.Content = " + body.Encoding switch
        {
            BodyEncoding.Form => Bodies + "Form(" + value + ", s_json." + body.Type.Underlying.MetadataName + string.Concat(body.FieldEncodings.Select(field =>
                ", new global::SpecClient.Runtime.FormField(" + SourceWriter.Literal(field.Name) + ", global::SpecClient.Runtime.ParameterStyle." + field.Style.ToString() + ", " + (field.Explode ? "true" : "false") + ")")) + ");",
            BodyEncoding.Binary => Bodies + "Binary(" + value + ", " + SourceWriter.Literal(body.MediaType) + ");",
            BodyEncoding.Text => Bodies + "Text(" + value + ", " + SourceWriter.Literal(body.MediaType) + ");",
            BodyEncoding.Multipart => value + ";",
            _ => "global::SpecClient.Runtime.JsonBody.Create(" + value + ", s_json." + body.Type.Underlying.MetadataName + ", " + SourceWriter.Literal(body.MediaType) + ");",
        };
        if (body.Required)
        {
            writer.Line(create);
        }
        else
        {
            writer.Line("if (parameters." + body.PropertyName + " is not null)");
            writer.OpenBrace();
            writer.Line(create);
            writer.CloseBrace();
        }
    }

    /// <summary>The interface's part of an operation: the main method with the documentation, and the conveniences over it.</summary>
    private static void EmitInterfaceOperation(SourceWriter writer, OperationSpec operation)
    {
        string returnType = ReturnType(operation);
        EmitOperationDocs(writer, operation);
        writer.Doc("param", "The parameters, checked before sending.", "name=\"parameters\"");
        writer.Doc("param", "Cancels the request.", "name=\"cancellationToken\"");
        EmitObsolete(writer, operation);
        writer.Line(returnType + " " + operation.MethodName + "(" + operation.ParamsClassName + " parameters, " + CancellationTokenType + " cancellationToken = default);");
        EmitConvenienceOverload(writer, operation, operation.ParamsClassName, returnType);
        if (operation.Paging is LinkedPagingSpec { NextPageMethodName: string nextPage })
        {
            writer.Line();
            writer.DocXml("<summary>The page a page of <see cref=\"" + operation.MethodName + "(" + operation.ParamsClassName + ", " + CancellationTokenType + ")\"/> links to as its next.</summary>");
            writer.Doc("param", "The link as the page gave it, absolute or relative to the client's server.", "name=\"nextPage\"");
            writer.Doc("param", "Cancels the request.", "name=\"cancellationToken\"");
            EmitObsolete(writer, operation);
            writer.Line(returnType + " " + nextPage + "(string nextPage, " + CancellationTokenType + " cancellationToken = default);");
        }

        if (operation.Paging is PagingSpec paging)
        {
            EmitPagingMethods(writer, operation, paging);
        }

        if (operation.EventStreamVariant is OperationSpec streaming)
        {
            writer.Line();
            EmitInterfaceOperation(writer, streaming);
        }
    }

    /// <summary>
    /// The methods reading every page of a paged operation through the main method: one yielding pages, and one yielding
    /// the items of those pages.
    /// </summary>
    private static void EmitPagingMethods(SourceWriter writer, OperationSpec operation, PagingSpec paging)
    {
        string pageType = operation.ResultType!.Identifier;
        string itemType = paging.ItemType.Identifier;
        string signature = "(" + operation.ParamsClassName + " parameters, " + CancellationTokenType + " cancellationToken = default)";
        writer.Line();
        string mainMethod = "<see cref=\"" + operation.MethodName + "(" + operation.ParamsClassName + ", " + CancellationTokenType + ")\"/>";
        switch (paging)
        {
            case LinkedPagingSpec:
                writer.DocXml("<summary>Every page of " + mainMethod + ", each read from the link the page before gives, to the last.</summary>");
                writer.Doc("remarks", "Reading stops at a page with no next link; a link given twice, or one leading away from the client's server, is an exception. Each page is one call, with its retries.");
                writer.Doc("param", "The parameters of the first page.", "name=\"parameters\"");
                break;
            case CursorPagingSpec cursor:
                writer.DocXml("<summary>Every page of " + mainMethod + ", each asked for with the cursor the page before names, to the last.</summary>");
                writer.Doc("remarks", "Reading stops at a page naming no next one; a cursor named twice is an InvalidOperationException. Each page is one call, with its retries.");
                writer.Doc("param", "The parameters of every page; " + cursor.CursorProperty + " is where the first starts.", "name=\"parameters\"");
                break;
            case NumberedPagingSpec numbered:
                writer.DocXml("<summary>Every page of " + mainMethod + ", from PageNum (1 when unset) to the last.</summary>");
                writer.Doc("remarks", "Reading stops at an empty page" + (numbered.TotalCountProperty is null ? string.Empty : ", once totalCount items are read") + (numbered.ItemsPerPageProperty is null ? string.Empty : ", or at a page shorter than ItemsPerPage") + ". Each page is one call, with its retries.");
                writer.Doc("param", "The parameters of every page; PageNum is the first.", "name=\"parameters\"");
                break;
        }

        writer.Doc("param", "Cancels the reading.", "name=\"cancellationToken\"");
        EmitObsolete(writer, operation);
        writer.Line("global::System.Collections.Generic.IAsyncEnumerable<" + pageType + "> " + paging.PagesMethodName + signature);
        writer.OpenBrace();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(parameters);");
        switch (paging)
        {
            case LinkedPagingSpec linked:
                string nextLink = linked.Links is LinkListSpec links
                    ? "page." + links.Property + "?.Find(link => link?." + links.RelProperty + " == \"next\")?." + links.HrefProperty
                    : "page." + linked.NextLinkProperty;
                writer.Line("return global::SpecClient.Runtime.ApiPaging.LinkedPagesAsync<" + pageType + ">((link, ct) => link is null ? " + operation.MethodName + "(parameters, ct) : "
                    + linked.NextPageMethodName + "(link, ct), static page => " + nextLink + ", cancellationToken);");
                break;
            case CursorPagingSpec cursor:
                // The first page is asked for as given; each next one with the cursor the page before named.
                writer.Line("return global::SpecClient.Runtime.ApiPaging.LinkedPagesAsync<" + pageType + ">((cursor, ct) => " + operation.MethodName + "(cursor is null ? parameters : parameters with { "
                    + cursor.CursorProperty + " = cursor }, ct), static page => page." + cursor.NextCursorProperty + ", cancellationToken);");
                break;
            case NumberedPagingSpec numbered:
                string page = "parameters with { " + numbered.PageNumProperty + " = pageNum" + (numbered.EnvelopeProperty is null ? string.Empty : ", " + numbered.EnvelopeProperty + " = null") + " }";
                writer.Line("return global::SpecClient.Runtime.ApiPaging.NumberedPagesAsync<" + pageType + ", " + itemType + ">((pageNum, ct) => " + operation.MethodName + "(" + page + ", ct), "
                    + ItemsOf(paging) + ", " + (numbered.TotalCountProperty is null ? "null" : "static page => page." + numbered.TotalCountProperty) + ", "
                    + (numbered.ItemsPerPageProperty is null ? "null" : "(int?)parameters." + numbered.ItemsPerPageProperty) + ", (int)(parameters." + numbered.PageNumProperty + " ?? 1), cancellationToken);");
                break;
        }

        writer.CloseBrace();
        EmitItemsMethod(writer, operation, paging, signature, pageType, itemType);
    }

    private static void EmitItemsMethod(SourceWriter writer, OperationSpec operation, PagingSpec paging, string signature, string pageType, string itemType)
    {
        writer.Line();
        writer.DocXml("<summary>Every item of the pages <see cref=\"" + paging.PagesMethodName + "(" + operation.ParamsClassName + ", " + CancellationTokenType + ")\"/> reads.</summary>");
        EmitObsolete(writer, operation);
        writer.Line("global::System.Collections.Generic.IAsyncEnumerable<" + itemType + "> " + paging.ItemsMethodName + signature);
        writer.Line("    => global::SpecClient.Runtime.ApiPaging.ItemsAsync<" + pageType + ", " + itemType + ">(" + paging.PagesMethodName + "(parameters, cancellationToken), " + ItemsOf(paging) + ", cancellationToken);");
    }

    private static string ItemsOf(PagingSpec paging) => "static page => page" + (paging.ItemsProperty is null ? string.Empty : "." + paging.ItemsProperty);

    private static string ReturnType(OperationSpec operation) => operation.ResultKind switch
    {
        ResultBodyKind.Text => "global::System.Threading.Tasks.Task<string>",
        ResultBodyKind.Stream => "global::System.Threading.Tasks.Task<global::System.IO.Stream>",
        ResultBodyKind.Events => "global::SpecClient.Runtime.EventStream<" + (operation.ResultType?.Identifier ?? "string") + ">",
        _ => operation.ResultType is null
            ? "global::System.Threading.Tasks.Task"
            : "global::System.Threading.Tasks.Task<" + operation.ResultType.Identifier + ">",
    };

    /// <summary>The overload that takes the required parameters (and body) directly; its documentation is the main method's.</summary>
    private static void EmitConvenienceOverload(SourceWriter writer, OperationSpec operation, string paramsType, string returnType)
    {
        List<ParameterSpec> required = operation.Parameters.Where(p => p.Required).ToList();
        RequestBodySpec? body = operation.Body is { Required: true, Parts.IsEmpty: true } requiredBody ? requiredBody : null;
        List<MultipartPartSpec> parts = operation.Body?.Parts.Where(part => part.Required).ToList() ?? new List<MultipartPartSpec>();
        var arguments = required.Select(p => p.Type.Identifier + " " + p.ArgumentName).Concat(parts.Select(part => part.Type.Identifier + " " + part.ArgumentName)).ToList();
        var assignments = required.Select(p => p.PropertyName + " = " + p.ArgumentName).Concat(parts.Select(part => part.PropertyName + " = " + part.ArgumentName)).ToList();
        if (body is not null)
        {
            arguments.Add(body.Type.Identifier + " body");
            assignments.Add(body.PropertyName + " = body");
        }

        writer.Line();
        writer.DocXml("<inheritdoc cref=\"" + operation.MethodName + "(" + paramsType + ", global::System.Threading.CancellationToken)\"/>");
        foreach (ParameterSpec parameter in required)
        {
            writer.Doc("param", parameter.ArgumentDescription ?? "The '" + parameter.Name + "' parameter.", "name=\"" + parameter.DocArgumentName + "\"");
        }

        foreach (MultipartPartSpec part in parts)
        {
            writer.Doc("param", part.ArgumentDescription ?? "The '" + part.Name + "' part.", "name=\"" + part.DocArgumentName + "\"");
        }

        if (body is not null)
        {
            writer.Doc("param", body.Description ?? "The request body.", "name=\"body\"");
        }

        writer.Doc("param", "Cancels the request.", "name=\"cancellationToken\"");
        EmitObsolete(writer, operation);
        arguments.Add(CancellationTokenType + " cancellationToken = default");
        writer.Line(returnType + " " + operation.MethodName + "(" + string.Join(", ", arguments) + ")");
        writer.Line("    => " + operation.MethodName + "(new " + paramsType + (assignments.Count == 0 ? "()" : " { " + string.Join(", ", assignments) + " }") + ", cancellationToken);");
    }

    private static void EmitOperationDocs(SourceWriter writer, OperationSpec operation)
    {
        writer.Doc("summary", operation.Summary ?? operation.OperationId);
        writer.Doc("remarks", (operation.Description is null ? string.Empty : operation.Description + "\n\n")
            + operation.HttpMethod.ToUpperInvariant() + " " + operation.PathTemplate + " (" + operation.OperationId + ", Accept " + operation.AcceptMediaType + ").");
        writer.Doc("exception", ErrorResponsesText(operation), "cref=\"global::SpecClient.Runtime.ApiException\"");
        if (operation.ResultKind == ResultBodyKind.Events)
        {
            writer.DocXml("<returns>The server-sent events' data, read as they arrive once enumerated; <c>Events</c> gives the raw events. An event whose data is <c>[DONE]</c> ends the stream. Enumerate it once.</returns>");
        }
        else if (operation.ResultKind == ResultBodyKind.Stream)
        {
            writer.DocXml("<returns>The response body as it arrives, unbuffered: dispose it (disposing it disposes the response and frees the connection).</returns>");
        }
        else if (operation.ResultKind == ResultBodyKind.Text)
        {
            writer.DocXml("<returns>The response body as text.</returns>");
        }
        else if (operation.ResultType is not null)
        {
            writer.DocXml("<returns>The response body.</returns>");
        }
        else
        {
            writer.DocXml("<returns>A task that completes when the server has answered with success.</returns>");
        }
    }

    /// <summary>"… 400 (VALIDATION_ERROR); 409; 429 (RATE_LIMITED_TOKEN_BUCKET); other statuses (default)."</summary>
    private static string ErrorResponsesText(OperationSpec operation)
    {
        if (operation.ErrorResponses.IsEmpty)
        {
            return "An error status, or a body that could not be read.";
        }

        var parts = new List<string>();
        foreach (ErrorResponseSpec error in operation.ErrorResponses)
        {
            string status = error.Status == "default" ? "other statuses (default)" : error.Status;
            parts.Add(error.Codes.IsEmpty ? status : status + " (" + string.Join(", ", error.Codes) + ")");
        }

        bool anyCodes = operation.ErrorResponses.Any(error => !error.Codes.IsEmpty);
        return (anyCodes ? "An error status (with the ErrorCode values the spec's examples show): " : "An error status: ")
            + string.Join("; ", parts) + "; or a body that could not be read.";
    }

    private static void EmitObsolete(SourceWriter writer, OperationSpec operation)
    {
        if (operation.ObsoleteMessage is not null)
        {
            writer.Line("[global::System.Obsolete(" + SourceWriter.Literal(operation.ObsoleteMessage) + ")]");
        }
    }

    private static void EmitQueryParameter(SourceWriter writer, ParameterSpec parameter)
    {
        if (parameter.Format == ValueFormat.Structured)
        {
            writer.Line("uri.AppendQuery(" + SourceWriter.Literal(parameter.Name) + ", parameters." + parameter.PropertyName + ", s_json." + parameter.Type.Underlying.MetadataName
                + ", global::SpecClient.Runtime.ParameterStyle." + parameter.Style.ToString() + ", " + (parameter.Explode ? "true" : "false") + ");");
            return;
        }

        EmitParameter(writer, parameter, "uri.AppendQuery(");
    }

    private static void EmitHeaderParameter(SourceWriter writer, ParameterSpec parameter)
        => EmitParameter(writer, parameter, "global::SpecClient.Runtime.RequestHeaders.Add(request, ");

    /// <summary>One call per value: arrays repeat the query parameter (form, explode) or the header.</summary>
    private static void EmitParameter(SourceWriter writer, ParameterSpec parameter, string callStart)
    {
        string access = "parameters." + parameter.PropertyName;
        string name = SourceWriter.Literal(parameter.Name);
        if (!parameter.IsArray)
        {
            writer.Line(callStart + name + ", " + ValueExpression(access, parameter.Format, nullable: !parameter.Required) + ");");
            return;
        }

        writer.Line("if (" + access + " is { } " + LocalName(parameter) + ")");
        writer.OpenBrace();
        writer.Line("foreach (var item in " + LocalName(parameter) + ")");
        writer.OpenBrace();
        writer.Line(callStart + name + ", " + ValueExpression("item", parameter.Format, nullable: false) + ");");
        writer.CloseBrace();
        writer.CloseBrace();
    }

    private static string LocalName(ParameterSpec parameter) => "values" + parameter.PropertyName;

    /// <summary>The expression handing a parameter value to the runtime's text formatting.</summary>
    private static string ValueExpression(string access, ValueFormat format, bool nullable)
        => format == ValueFormat.EnumValue ? access + (nullable ? "?.Value" : ".Value") : access;
}
