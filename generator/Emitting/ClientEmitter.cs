using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>
/// Prints the root client, the tag clients and their operations. Each client has an interface, for fakes in tests: the
/// interface carries the documentation and the conveniences written over the main method (the shorthand overload with
/// the required parameters, the methods reading every page), so a fake implements one method per operation and gets
/// them too. The class implements the main method and the shorthand, which share one private method building the
/// request: the shorthand sends without allocating a params record.
/// </summary>
internal static partial class ClientEmitter
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
        List<ShorthandValue> values = ShorthandValues(operation);
        writer.Line();
        writer.DocXml("<inheritdoc cref=\"" + operation.MethodName + "(" + paramsType + ", global::System.Threading.CancellationToken)\"/>");
        foreach (ShorthandValue value in values)
        {
            writer.Doc("param", value.Description, "name=\"" + value.DocArgument + "\"");
        }

        writer.Doc("param", "Cancels the request.", "name=\"cancellationToken\"");
        EmitObsolete(writer, operation);
        writer.Line(returnType + " " + operation.MethodName + "(" + string.Concat(values.Select(value => value.Type + " " + value.Argument + ", ")) + CancellationTokenType + " cancellationToken = default)");
        writer.Line("    => " + operation.MethodName + "(new " + paramsType + (values.Count == 0 ? "()" : " { " + string.Join(", ", values.Select(value => value.Property + " = " + value.Argument)) + " }") + ", cancellationToken);");
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
}
