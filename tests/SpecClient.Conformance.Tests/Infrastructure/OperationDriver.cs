using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime;

namespace SpecClient.Conformance.Tests.Infrastructure;

/// <summary>What became of one operation's call.</summary>
/// <param name="MissingMembers">
/// When the client refused a success body for lacking members the spec requires (strict reading): what the answer
/// itself showed about them.
/// </param>
internal sealed record OperationOutcome(string OperationId, bool Conforms, string Detail, MissingMembers? MissingMembers = null);

/// <summary>
/// Members a strict read found missing (System.Text.Json's message names them; its path names the object), checked
/// against the body the server sent: <see cref="AbsentFromBody"/> when the object at that path really lacks them all.
/// </summary>
internal sealed record MissingMembers(string Path, IReadOnlyList<string> Names, bool AbsentFromBody);

/// <summary>
/// Calls every operation of a spec through its generated root client, found by reflection: each tag client's
/// <c>XAsync(XParams, CancellationToken)</c>, with parameters and a body the spec accepts, and judges the exchange.
/// </summary>
internal sealed class OperationDriver
{
    private static readonly JsonSerializerOptions s_reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private static readonly AsyncLocal<ExchangeRecord?> s_current = new();

    private readonly SpecDocument _spec;
    private readonly ValueFactory _values;
    private readonly ValueFactory _schemaValues;
    private readonly Type _rootClient;
    private readonly JsonSerializerContext _context;
    private readonly JsonSerializerOptions _requestOptions;
    private readonly bool _strictReading;

    /// <param name="spec">The spec the client was generated from.</param>
    /// <param name="rootClient">The generated root client.</param>
    /// <param name="strictReading">Whether the client refuses responses that lack a member the spec requires.</param>
    public OperationDriver(SpecDocument spec, Type rootClient, bool strictReading = false)
    {
        _strictReading = strictReading;
        _spec = spec;
        _values = new ValueFactory(spec);
        _schemaValues = new ValueFactory(spec, useExamples: false);
        _rootClient = rootClient;
        Type contextType = rootClient.Assembly.GetType(rootClient.FullName + "JsonContext")
            ?? throw new InvalidOperationException($"{rootClient.FullName}JsonContext not found");
        _context = (JsonSerializerContext)contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        // Bodies are built the way a caller builds them, not read as a response: a property the spec requires only in
        // responses (readOnly) need not be there. Everything the schema requires otherwise is in the JSON made.
        _requestOptions = new JsonSerializerOptions(_context.Options)
        {
            TypeInfoResolver = ((IJsonTypeInfoResolver)_context).WithAddedModifier(static info =>
            {
                foreach (JsonPropertyInfo property in info.Properties)
                {
                    property.IsRequired = false;
                }
            }),
        };
    }

    /// <param name="baseAddress">Prism's address.</param>
    /// <param name="parallelism">Calls in flight at once; 1 in dynamic mode, where Prism draws every answer from one
    /// seeded generator, so only a fixed order of calls gives the same answers on every run.</param>
    /// <param name="cancellationToken">Ends the run.</param>
    public async Task<IReadOnlyList<OperationOutcome>> RunAsync(Uri baseAddress, int parallelism, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new RecordingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }, ServerPath(), Credentials(_spec))) { Timeout = TimeSpan.FromSeconds(60) };
        object root = Activator.CreateInstance(_rootClient, http, baseAddress)!;
        ((ApiConnection)_rootClient.GetProperty("Connection")!.GetValue(root)!).StrictResponseReading = _strictReading;
        Dictionary<string, (object Client, MethodInfo Method)> methods = Methods(root);

        var outcomes = new List<OperationOutcome>();
        var operations = _spec.Operations().ToList();
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (operation, ct) =>
        {
            OperationOutcome outcome = methods.TryGetValue(Normalize(operation.OperationId), out var target)
                ? await CallAsync(operation, target.Client, target.Method, ct)
                : new OperationOutcome(operation.OperationId, false, "no generated method");
            lock (outcomes)
            {
                outcomes.Add(outcome);
            }
        });
        return outcomes.OrderBy(o => o.OperationId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The path of the spec's server (Cloud Manager: /api/public/v1.0). Generated clients send it as part of every
    /// path, as the real service needs; Prism serves the spec's paths at its root, so the handler takes it off.
    /// </summary>
    private string ServerPath()
    {
        string? url = (_spec.Root["servers"] as JsonArray)?.FirstOrDefault()?["url"]?.GetValue<string>();
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out Uri? server) ? server.AbsolutePath.TrimEnd('/') : "";
    }

    /// <summary>
    /// What satisfies the spec's security for Prism, which checks only the form of the Authorization header. The Atlas
    /// specs accept DigestAuth or ServiceAccounts (OAuth 2.0): a bearer token. Cloud Manager accepts only digest, and
    /// Prism 5.16 rejects every real digest header (it wants each space-separated part to hold a quoted [a-z0-9]*
    /// value, which uri="/api/…" never is), so a stand-in with the five fields and an empty uri is sent instead.
    /// </summary>
    internal static AuthenticationHeaderValue Credentials(SpecDocument spec)
    {
        bool oauth = (spec.Root["components"]?["securitySchemes"] as JsonObject)?.Any(s => s.Value?["type"]?.GetValue<string>() == "oauth2") == true;
        return oauth
            ? new AuthenticationHeaderValue("Bearer", "conformance")
            : new AuthenticationHeaderValue("Digest", "username=\"conformance\", realm=\"atlas\", nonce=\"abc123\", uri=\"\", response=\"0123abcd\"");
    }

    private static Dictionary<string, (object, MethodInfo)> Methods(object root)
    {
        var methods = new Dictionary<string, (object, MethodInfo)>();
        foreach (PropertyInfo property in root.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType.Namespace != root.GetType().Namespace || !property.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal))
            {
                continue;
            }

            object client = property.GetValue(root)!;
            foreach (MethodInfo method in property.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                ParameterInfo[] parameters = method.GetParameters();
                if (method.Name.EndsWith("Async", StringComparison.Ordinal) && parameters.Length == 2
                    && parameters[0].ParameterType.Name.EndsWith("Params", StringComparison.Ordinal) && parameters[1].ParameterType == typeof(CancellationToken))
                {
                    methods[Normalize(method.Name.Substring(0, method.Name.Length - "Async".Length))] = (client, method);
                }
            }
        }

        return methods;
    }

    private static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private async Task<OperationOutcome> CallAsync(SpecOperation operation, object client, MethodInfo method, CancellationToken cancellationToken)
    {
        string id = operation.OperationId;
        object parameters;
        try
        {
            parameters = BuildParameters(operation, method.GetParameters()[0].ParameterType);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or NotSupportedException or ArgumentException)
        {
            return new OperationOutcome(id, false, "harness could not build the parameters: " + e.Message);
        }

        var record = new ExchangeRecord();
        s_current.Value = record;
        try
        {
            var task = (Task)method.Invoke(client, new[] { parameters, cancellationToken })!;
            await task;
            if (task.GetType().GetProperty("Result")?.GetValue(task) is System.IO.Stream stream)
            {
                // A download: read to the end, as a caller would, and give the response back.
                await using (stream)
                {
                    await stream.CopyToAsync(System.IO.Stream.Null, cancellationToken);
                }
            }
            return Judge(id, record, null);
        }
        catch (Exception e)
        {
            return Judge(id, record, e is TargetInvocationException { InnerException: { } inner } ? inner : e);
        }
        finally
        {
            s_current.Value = null;
        }
    }

    private static OperationOutcome Judge(string id, ExchangeRecord record, Exception? error)
    {
        if (record.RequestViolations.Count > 0)
        {
            return new OperationOutcome(id, false, $"{record.Status} request violations: {string.Join("; ", record.RequestViolations)}");
        }

        return error switch
        {
            null => new OperationOutcome(id, true, $"{record.Status}"),
            ApiException { InnerException: JsonException json } api when (int)api.StatusCode is >= 200 and < 300
                => new OperationOutcome(id, false, $"{(int)api.StatusCode} response unreadable: {json.Message}", FindMissingMembers(json, api.RawBody)),
            ApiException api => new OperationOutcome(id, false, $"{(int)api.StatusCode} {api.Message}"),
            _ => new OperationOutcome(id, false, $"{error.GetType().Name}: {error.Message}"),
        };
    }

    /// <summary>The members a refusal for missing required properties names, and whether the body lacks them; else null.</summary>
    internal static MissingMembers? FindMissingMembers(JsonException refusal, string? body)
    {
        Match names = Regex.Match(refusal.Message, "was missing required properties including: ((?:'[^']*'(?:, )?)+)");
        if (!names.Success || refusal.Path is not string path)
        {
            return null;
        }

        var missing = Regex.Matches(names.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
        JsonNode? node = null;
        try
        {
            node = body is null ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // A body that does not parse cannot show what it lacks.
        }

        // System.Text.Json's path of the refused object: $, then .name, ['name'] or [index] steps.
        foreach (Match step in Regex.Matches(path.Substring(1), "\\.([^.\\[]+)|\\['((?:[^']|'')*)'\\]|\\[(\\d+)\\]"))
        {
            if (step.Groups[3].Success)
            {
                int index = int.Parse(step.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
            else
            {
                node = (node as JsonObject)?[step.Groups[1].Success ? step.Groups[1].Value : step.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal)];
            }
        }

        bool absent = node is JsonObject refused && missing.Count > 0 && missing.All(name => !refused.ContainsKey(name));
        return new MissingMembers(path, missing, absent);
    }

    private object BuildParameters(SpecOperation operation, Type paramsType)
    {
        object parameters = Activator.CreateInstance(paramsType)!;
        var properties = paramsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToDictionary(p => Normalize(p.Name));
        foreach (JsonObject parameter in operation.Parameters)
        {
            string name = parameter["name"]!.GetValue<string>();
            bool required = parameter["required"]?.GetValue<bool>() == true;
            if (!required && name is "envelope" or "pretty")
            {
                // envelope=true wraps the response, which Prism's examples do not; pretty changes nothing to check.
                continue;
            }

            if (!properties.TryGetValue(Normalize(name), out PropertyInfo? property))
            {
                if (required)
                {
                    throw new InvalidOperationException($"no property for required parameter {name} on {paramsType.Name}");
                }

                continue;
            }

            JsonNode? value = _values.ForParameter(parameter);
            if (value is not null)
            {
                property.SetValue(parameters, Convert(value, property.PropertyType));
            }
        }

        foreach (PropertyInfo property in properties.Values)
        {
            // A path parameter the spec uses but does not declare is a required string the spec gives no value for.
            if (property.PropertyType == typeof(string) && property.GetValue(parameters) is null
                && property.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute") && operation.Path.Contains("{", StringComparison.Ordinal))
            {
                property.SetValue(parameters, "conformance");
            }
        }

        if (operation.RequestBody is not JsonObject requestBody)
        {
            return parameters;
        }

        var content = (JsonObject)requestBody["content"]!;

        // The media type the generator chose: JSON when offered, else a form, multipart, text, then bytes.
        KeyValuePair<string, JsonNode?> chosen = content.Where(c => c.Key.Contains("json", StringComparison.Ordinal) || c.Key == "*/*").FirstOrDefault();
        if (chosen.Key is null)
        {
            chosen = content.OrderBy(c => c.Key switch
            {
                "application/x-www-form-urlencoded" => 0,
                _ when c.Key.StartsWith("multipart/", StringComparison.Ordinal) => 1,
                _ when c.Key.StartsWith("text/", StringComparison.Ordinal) => 2,
                _ => 3,
            }).First();
        }

        JsonObject entry = chosen.Value as JsonObject ?? new JsonObject();
        if (chosen.Key.StartsWith("multipart/", StringComparison.Ordinal) && !properties.ContainsKey("body"))
        {
            SetParts(parameters, properties, entry);
            return parameters;
        }

        if (!properties.TryGetValue("body", out PropertyInfo? body))
        {
            return parameters;
        }

        Type bodyType = Nullable.GetUnderlyingType(body.PropertyType) ?? body.PropertyType;
        if (bodyType == typeof(System.IO.Stream))
        {
            body.SetValue(parameters, new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes("conformance bytes")));
            return parameters;
        }

        if (bodyType == typeof(string))
        {
            JsonNode? text = _values.ForMediaType(entry);
            body.SetValue(parameters, text is JsonValue value && value.TryGetValue(out string? s) ? s : "conformance text");
            return parameters;
        }

        if (bodyType == typeof(MultipartBody))
        {
            var form = new MultipartBody();
            form.AddText("conformance", "yes");
            body.SetValue(parameters, form);
            return parameters;
        }

        {
            JsonNode? json = _values.ForMediaType(entry);
            JsonTypeInfo typeInfo = (_context.GetTypeInfo(bodyType) is null ? null : _requestOptions.GetTypeInfo(bodyType))
                ?? throw new InvalidOperationException($"{body.PropertyType} is not in the generated JsonSerializerContext");
            try
            {
                body.SetValue(parameters, JsonSerializer.Deserialize(json?.ToJsonString() ?? "null", typeInfo));
            }
            catch (JsonException) when (_schemaValues.ForMediaType(entry) is { } made && TryRead(made, typeInfo, out object? value))
            {
                // The spec's example does not fit its schema (a property missing, a string for an array): one made
                // from the schema alone.
                body.SetValue(parameters, value);
            }
            catch (JsonException e)
            {
                throw new JsonException($"the generated {body.PropertyType.Name} cannot read the request body {Shorten(json?.ToJsonString())}: {e.Message}", e);
            }
        }

        return parameters;
    }

    /// <summary>A multipart form's parts, each a params property: a small file for each file part, a value from the schema for the others.</summary>
    private void SetParts(object parameters, Dictionary<string, PropertyInfo> properties, JsonObject entry)
    {
        JsonObject schema = _spec.Resolve(entry["schema"]) as JsonObject ?? new JsonObject();
        foreach ((string name, JsonNode? partSchema) in schema["properties"] as JsonObject ?? new JsonObject())
        {
            if (!properties.TryGetValue(Normalize(name), out PropertyInfo? property))
            {
                continue;
            }

            // Prism 5 reads every multipart part as text (a JSON part is "not an object") and one file as "not an
            // array": optional parts of those kinds are left out, so that what it does check (files, text values and
            // their names) is checked.
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            bool required = (schema["required"] as JsonArray)?.Any(r => r?.GetValue<string>() == name) == true;
            JsonNode? value = type == typeof(FilePart) || type == typeof(IReadOnlyList<FilePart>) ? null : _values.ForSchema(_spec.Resolve(partSchema) as JsonObject ?? new JsonObject(), 0);
            if (type == typeof(FilePart))
            {
                property.SetValue(parameters, new FilePart(new System.IO.MemoryStream(new byte[] { 1, 2, 3 }), name + ".bin"));
            }
            else if (type == typeof(IReadOnlyList<FilePart>) && required)
            {
                property.SetValue(parameters, new List<FilePart> { new(new System.IO.MemoryStream(new byte[] { 1, 2, 3 }), name + ".bin") });
            }
            else if (value is JsonValue || (value is not null && required))
            {
                property.SetValue(parameters, Convert(value, property.PropertyType));
            }
        }
    }

    private static bool TryRead(JsonNode json, JsonTypeInfo typeInfo, out object? value)
    {
        try
        {
            value = JsonSerializer.Deserialize(json.ToJsonString(), typeInfo);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private object? Convert(JsonNode value, Type type)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) && value is JsonValue scalar && !scalar.TryGetValue(out string? _))
        {
            return scalar.ToJsonString().Trim('"');
        }

        if ((target == typeof(long) || target == typeof(int)) && value is JsonValue number && number.TryGetValue(out double d) && d == Math.Floor(d))
        {
            // Integers the spec writes with an exponent (1.636481348e+09).
            return JsonSerializer.Deserialize(((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture), type, s_reflection);
        }

        if (target != typeof(string) && value is JsonValue text && text.TryGetValue(out string? s) && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return JsonSerializer.Deserialize(s, type, s_reflection);
        }

        // Generated types (records, enums, lists of them) read as the client writes them: with the generated metadata.
        if (_context.GetTypeInfo(target) is not null)
        {
            return JsonSerializer.Deserialize(value.ToJsonString(), _requestOptions.GetTypeInfo(target));
        }

        return JsonSerializer.Deserialize(value.ToJsonString(), type, s_reflection);
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length > 300 ? text.Substring(0, 300) + "…" : text;

    /// <summary>The violations of an <c>sl-violations</c> header whose location starts at the request.</summary>
    internal static IEnumerable<string> RequestViolations(string header)
    {
        // Prism prefixes a long list with "Too many violations! " and may cut it: read what parses.
        int start = header.IndexOf('[', StringComparison.Ordinal);
        if (start < 0)
        {
            return Array.Empty<string>();
        }

        var found = new List<string>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(header.Substring(start));
            foreach (JsonElement violation in document.RootElement.EnumerateArray())
            {
                JsonElement location = violation.GetProperty("location");
                if (location.GetArrayLength() > 0 && location[0].GetString() == "request")
                {
                    found.Add(string.Join(".", location.EnumerateArray().Skip(1).Select(l => l.ToString())) + ": " + violation.GetProperty("message").GetString());
                }
            }
        }
        catch (JsonException)
        {
            if (header.Contains("[\"request\"", StringComparison.Ordinal))
            {
                found.Add("(unparsed) " + Shorten(header));
            }
        }

        return found;
    }

    private sealed class ExchangeRecord
    {
        /// <summary>Prism's findings about the request (its findings about its own answer are the spec's examples' business).</summary>
        public List<string> RequestViolations { get; } = new();

        public int Status { get; set; }
    }

    /// <summary>Sends the credentials Prism checks and keeps each response's <c>sl-violations</c> header for the call.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly string _serverPath;
        private readonly AuthenticationHeaderValue _credentials;

        public RecordingHandler(HttpMessageHandler inner, string serverPath, AuthenticationHeaderValue credentials)
            : base(inner)
        {
            _serverPath = serverPath;
            _credentials = credentials;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = _credentials;
            if (_serverPath.Length > 0 && request.RequestUri!.AbsolutePath.StartsWith(_serverPath + "/", StringComparison.Ordinal))
            {
                var builder = new UriBuilder(request.RequestUri) { Path = request.RequestUri.AbsolutePath.Substring(_serverPath.Length) };
                request.RequestUri = builder.Uri;
            }
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (s_current.Value is ExchangeRecord record)
            {
                record.Status = (int)response.StatusCode;
                record.RequestViolations.Clear();
                if (response.Headers.TryGetValues("sl-violations", out var values))
                {
                    foreach (string header in values)
                    {
                        record.RequestViolations.AddRange(RequestViolations(header));
                    }
                }
            }

            return response;
        }
    }
}
