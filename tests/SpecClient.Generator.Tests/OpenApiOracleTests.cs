using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.OpenApi;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using ParameterLocation = SpecClient.Generator.Model.ParameterLocation;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Microsoft.OpenApi, an independent reader, reads every spec the tests use, and our model must agree with it on the
/// operations (operationId, method, path), each operation's parameters (name, location, required) and the schemas
/// generated as records and enums. Every difference the design makes (an operation skipped, a parameter left out, a
/// schema generated as JsonElement, operation filters) must be explained by the diagnostic that reports it.
/// </summary>
public sealed class OpenApiOracleTests(ITestOutputHelper output)
{
    /// <summary>
    /// Disagreements that are generator defects, reported (not fixed here: generator/ is being reworked elsewhere).
    /// Remove an entry when its defect is fixed; everything else must agree.
    /// </summary>
    // Known generator defects the oracle tolerates, each with its issue; none today.
    private static readonly (Regex Pattern, string Defect)[] KnownDefects = Array.Empty<(Regex, string)>();

    /// <summary>OpenAPI: "If in is header and the name is Accept, Content-Type or Authorization, the definition is ignored."</summary>
    private static readonly string[] ReservedHeaders = { "Accept", "Content-Type", "Authorization" };

    public static TheoryData<string> BundledSpecFiles => new(BundledSpecs.All().Select(spec => Path.GetFileName(spec.Path)));

    /// <summary>The test specs that are valid OpenAPI 3 documents (the others test how invalid documents are refused).</summary>
    public static TheoryData<string> ValidTestSpecFiles => new("broken-refs.yaml", "dangling-property.yaml", "openapi31.yaml", "pets.json", "versioned.yaml");

    public static TheoryData<string> InvalidTestSpecFiles => new("future-openapi.yaml", "not-openapi.yaml", "not-yaml.yaml", "swagger2.yaml");

    public static TheoryData<string> FullSpecFiles => new(FullSpecs.Files);

    [Theory]
    [MemberData(nameof(BundledSpecFiles))]
    public void BundledSpecModelAgreesWithMicrosoftOpenApi(string file)
    {
        SpecInput spec = BundledSpecs.All().Single(s => Path.GetFileName(s.Path) == file);

        Agreement agreement = Compare(spec, keep: null);

        output.WriteLine(agreement.Summary);
        agreement.AssertNoDisagreement();
        Assert.True(agreement.OperationCount > 0, "no operations compared");
        Assert.True(agreement.ModelCount > 0, "no records compared");
    }

    [Theory]
    [MemberData(nameof(ValidTestSpecFiles))]
    public void TestSpecModelAgreesWithMicrosoftOpenApi(string file)
    {
        SpecInput spec = SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, file), "Oracle.TestSpec", "OracleClient");

        Agreement agreement = Compare(spec, keep: null);

        output.WriteLine(agreement.Summary);
        agreement.AssertNoDisagreement();
        Assert.True(agreement.OperationCount > 0, "no operations compared");
    }

    [Theory]
    [MemberData(nameof(InvalidTestSpecFiles))]
    public void DocumentThatIsNotOpenApi3IsRefusedByBothReaders(string file)
    {
        SpecInput spec = SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, file));

        ParseResult ours = SpecParser.Parse(Options(spec), spec.Text, CancellationToken.None);
        bool oracleRefuses;
        try
        {
            OpenApiOracle oracle = OpenApiOracle.Read(spec);
            oracleRefuses = oracle.Errors.Count > 0 || oracle.Version == OpenApiSpecVersion.OpenApi2_0;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not YAML at all, or not a document Microsoft.OpenApi can start to read.
            oracleRefuses = true;
        }

        Assert.Null(ours.Spec);
        Assert.Contains(ours.Diagnostics, d => d.Id is "SCG0001" or "SCG0002" or "SCG0012");
        Assert.True(oracleRefuses, "Microsoft.OpenApi read " + file + " as OpenAPI 3 without an error");
    }

    [SkippableTheory]
    [MemberData(nameof(FullSpecFiles))]
    public void FullAtlasSpecModelAgreesWithMicrosoftOpenApi(string file)
    {
        SpecInput spec = FullSpecs.Load(file);

        Agreement agreement = Compare(spec, keep: null);

        output.WriteLine(agreement.Summary);
        agreement.AssertNoDisagreement();
        Assert.True(agreement.OperationCount >= 300, $"only {agreement.OperationCount} operations compared");
        Assert.True(agreement.ModelCount >= 300, $"only {agreement.ModelCount} records compared");
    }

    [SkippableFact]
    public void FilteredFullAtlasSpecKeepsExactlyTheOperationsAnIndependentFilterKeeps()
    {
        // The README's example filter, plus an exclusion, written again here as a plain predicate.
        SpecInput spec = FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml", "tag:Projects;path:/api/atlas/v2/orgs/{orgId}/invites/**;getOrganization*") with
        {
            ExcludeOperations = "delete*",
        };
        static bool Keep(OracleOperation operation)
            => (operation.Operation.Tags?.FirstOrDefault()?.Name == "Projects"
                || operation.Path.StartsWith("/api/atlas/v2/orgs/{orgId}/invites/", StringComparison.Ordinal)
                || operation.Operation.OperationId?.StartsWith("getOrganization", StringComparison.Ordinal) == true)
            && operation.Operation.OperationId?.StartsWith("delete", StringComparison.Ordinal) != true;

        Agreement agreement = Compare(spec, Keep);

        output.WriteLine(agreement.Summary);
        agreement.AssertNoDisagreement();
        Assert.InRange(agreement.OperationCount, 20, 100);
    }

    [Fact]
    public void OracleReportsEveryDifferencePlantedInTheDocumentItReads()
    {
        // Our model is built from pets.json; Microsoft.OpenApi reads a copy with one difference of each kind.
        SpecInput spec = SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "pets.json"), "Oracle.TestSpec", "OracleClient");
        string changed = spec.Text
            .Replace("""{ "name": "X-Request-Id", "in": "header", """, """{ "name": "X-Request-Id", "in": "header", "required": true, """, StringComparison.Ordinal)
            .Replace("""{ "name": "include", "in": "query",""", """{ "name": "expand", "in": "query",""", StringComparison.Ordinal)
            .Replace("\"class\": { \"type\": \"string\" }", "\"kind\": { \"type\": \"string\" }", StringComparison.Ordinal)
            .Replace("\"Error\": { \"type\": \"object\", \"properties\": { \"errorCode\": { \"type\": \"string\" } } }", "\"Error\": { \"type\": \"string\" }", StringComparison.Ordinal)
            .Replace("\"paths\": {", "\"paths\": { \"/pets\": { \"post\": { \"operationId\": \"addPet\", \"responses\": { \"204\": { \"description\": \"Added\" } } } },", StringComparison.Ordinal);
        Assert.NotEqual(spec.Text, changed);

        Agreement agreement = Compare(spec, keep: null, oracleText: changed);

        Assert.Equal(
            new[]
            {
                "GET /pets/{petId} default error: our model has the record Error where the schema is not an object with properties",
                "GET /pets/{petId} parameter include: our model has global::System.Collections.Generic.List<GetPetIncludeItem> where Microsoft.OpenApi has no schema",
                "GET /pets/{petId}: parameter X-Request-Id (header, optional) is in our model but not in the spec",
                "GET /pets/{petId}: parameter X-Request-Id (header, required) is in the spec but not in our model",
                "GET /pets/{petId}: parameter expand (query, optional) is in the spec but not in our model",
                "GET /pets/{petId}: parameter include (query, optional) is in our model but not in the spec",
                "POST /pets (addPet) is missing from our model without a diagnostic saying why",
                "Pet.class is in our record but not among the schema's properties",
                "Pet.kind is in the schema but not in our record",
                "our enum GetPetIncludeItem corresponds to no schema of a generated operation",
                "our record Error (Error) corresponds to no schema of a generated operation",
            },
            agreement.Disagreements.Order(StringComparer.Ordinal));
    }

    private static SpecFileOptions Options(SpecInput spec)
        => new(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, "Consumer", spec.IncludeOperations, spec.ExcludeOperations);

    /// <param name="oracleText">What Microsoft.OpenApi reads instead of the spec (the oracle's self-test); null: the spec.</param>
    private static Agreement Compare(SpecInput spec, Func<OracleOperation, bool>? keep, string? oracleText = null)
    {
        ParseResult ours = SpecParser.Parse(Options(spec), spec.Text, CancellationToken.None);
        OpenApiOracle oracle = OpenApiOracle.Read(oracleText is null ? spec : spec.WithText(oracleText));
        var agreement = new Agreement(Path.GetFileName(spec.Path));
        if (ours.Spec is null)
        {
            agreement.Disagree("our parser produced no model: " + string.Join("; ", ours.Diagnostics.Select(d => d.Id + " " + string.Join(" | ", d.MessageArgs))));
            return agreement;
        }

        foreach (OpenApiError error in oracle.Errors)
        {
            ExplainReaderError(error, ours.Diagnostics, agreement);
        }

        var comparison = new ModelComparison(ours.Spec, ours.Diagnostics, oracle, keep, agreement);
        comparison.Run();
        return agreement;
    }

    /// <summary>
    /// Each error Microsoft.OpenApi reports (reading, and its validation rules) must be one our parser reports too, or a
    /// rule that does not change what the document means.
    /// </summary>
    private static void ExplainReaderError(OpenApiError error, EquatableArray<DiagnosticInfo> diagnostics, Agreement agreement)
    {
        string message = error.Message ?? string.Empty;
        if (message.StartsWith("The path signature", StringComparison.Ordinal) && error.Pointer?.StartsWith("#/paths/", StringComparison.Ordinal) == true)
        {
            // Paths that differ only in parameter names: our SCG0015, at the same path.
            string path = error.Pointer.Substring("#/paths/".Length).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!diagnostics.Any(d => d.Id == "SCG0015" && d.MessageArgs[0] == path))
            {
                agreement.Disagree($"Microsoft.OpenApi finds a duplicate path signature at {path}, our parser reports no SCG0015 there");
            }

            return;
        }

        if (message.Contains("must contain property specified in the discriminator", StringComparison.Ordinal))
        {
            // Microsoft.OpenApi's rule that the discriminator property be listed in `required`: a flaw of the document
            // (the full Atlas specs have 10-13), not a difference in meaning; the polymorphic schemas themselves are
            // compared below.
            return;
        }

        if (message.Contains("reference", StringComparison.OrdinalIgnoreCase) || message.Contains("$ref", StringComparison.Ordinal))
        {
            if (!diagnostics.Any(d => d.Id == "SCG0003"))
            {
                agreement.Disagree($"Microsoft.OpenApi cannot resolve a reference ({error.Pointer}: {message}), our parser reports no SCG0003");
            }

            return;
        }

        agreement.Disagree($"Microsoft.OpenApi reports an error our parser does not: {error.Pointer}: {message}");
    }

    /// <summary>The disagreements found, reported together.</summary>
    private sealed class Agreement(string file)
    {
        private readonly List<string> _disagreements = new();

        public int OperationCount { get; set; }

        public int ModelCount { get; set; }

        public int EnumCount { get; set; }

        public int ParameterCount { get; set; }

        /// <summary>Operations skipped and parameters left out, each explained by its diagnostic.</summary>
        public int ExplainedSkips { get; set; }

        public int ExplainedLeftOut { get; set; }

        public int ReachedComponents { get; set; }

        public int DegradedComponents { get; set; }

        public string Summary
            => $"{file}: {OperationCount} operations, {ParameterCount} parameters, {ModelCount} records, {EnumCount} enums compared; "
            + $"{ReachedComponents} components reached ({DegradedComponents} as JsonElement with SCG0005); "
            + $"{ExplainedSkips} operations skipped and {ExplainedLeftOut} parameters left out, each with its diagnostic; "
            + $"{_disagreements.Count} disagreements ({_disagreements.Count(d => KnownDefects.Any(k => k.Pattern.IsMatch(d)))} known defects)";

        public IReadOnlyList<string> Disagreements => _disagreements;

        public void Disagree(string what) => _disagreements.Add(what);

        /// <summary>Fails with every disagreement that is not a known defect.</summary>
        public void AssertNoDisagreement()
        {
            List<string> unexpected = _disagreements.Where(d => !KnownDefects.Any(known => known.Pattern.IsMatch(d))).ToList();
            Assert.True(unexpected.Count == 0, $"{file}: {unexpected.Count} disagreements with Microsoft.OpenApi:\n" + string.Join("\n", unexpected.Take(40)));
        }
    }

    /// <summary>One comparison of our model with Microsoft.OpenApi's document.</summary>
    private sealed class ModelComparison
    {
        private readonly ApiSpec _spec;
        private readonly IReadOnlyList<DiagnosticInfo> _diagnostics;
        private readonly OpenApiOracle _oracle;
        private readonly Func<OracleOperation, bool>? _keep;
        private readonly Agreement _agreement;
        private readonly Dictionary<string, JsonTypeSpec> _types;
        private readonly Dictionary<string, ModelSpec> _models;
        private readonly Dictionary<string, EnumSpec> _enums;

        // Our generated type (full name) → the schema identity Microsoft.OpenApi gives it ("component X" or "inline #n at …").
        private readonly Dictionary<string, string> _identities = new(StringComparer.Ordinal);
        private readonly Dictionary<IOpenApiSchema, string> _inlineIds = new(ReferenceEqualityComparer.Instance);

        public ModelComparison(ApiSpec spec, IEnumerable<DiagnosticInfo> diagnostics, OpenApiOracle oracle, Func<OracleOperation, bool>? keep, Agreement agreement)
        {
            _spec = spec;
            _diagnostics = diagnostics.ToList();
            _oracle = oracle;
            _keep = keep;
            _agreement = agreement;
            _types = spec.JsonContext.Types.ToDictionary(t => t.Type.MetadataName, StringComparer.Ordinal);
            _models = spec.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
            _enums = spec.Enums.ToDictionary(e => e.Name, StringComparer.Ordinal);
        }

        private IEnumerable<DiagnosticInfo> Diagnostics(string id) => _diagnostics.Where(d => d.Id == id);

        public void Run()
        {
            List<(OracleOperation Oracle, OperationSpec Ours)> kept = CompareOperations();
            _agreement.OperationCount = kept.Count;
            foreach ((OracleOperation oracle, OperationSpec ours) in kept)
            {
                CompareParameters(oracle, ours);
            }

            foreach ((OracleOperation oracle, OperationSpec ours) in kept)
            {
                PairOperationSchemas(oracle, ours);
            }

            CompareSchemaSets(kept);
        }

        // ---- operations ----

        private List<(OracleOperation, OperationSpec)> CompareOperations()
        {
            var ours = new Dictionary<string, OperationSpec>(StringComparer.Ordinal);
            foreach (OperationSpec operation in _spec.RootClient.Operations.Concat(_spec.TagClients.SelectMany(c => c.Operations)))
            {
                string key = operation.HttpMethod.ToUpperInvariant() + " " + operation.PathTemplate;
                if (!ours.TryAdd(key, operation))
                {
                    _agreement.Disagree("our model has " + key + " twice");
                }
            }

            // Skipped by design, each with the diagnostic that says so (a duplicate operationId no longer skips: SCG0004 numbers it).
            var skippedIds = new HashSet<string>(
                Diagnostics("SCG0008").Select(d => d.MessageArgs[0])
                    .Concat(Diagnostics("SCG0007").Where(d => d.MessageArgs[2].EndsWith("the operation is skipped", StringComparison.Ordinal)).Select(d => d.MessageArgs[1])),
                StringComparer.Ordinal);

            var kept = new List<(OracleOperation, OperationSpec)>();
            var explained = new HashSet<string>(StringComparer.Ordinal);
            foreach (OracleOperation operation in _oracle.Operations())
            {
                string? id = operation.Operation.OperationId;
                bool filteredOut = _keep is not null && !_keep(operation);
                bool skipped = id is not null && skippedIds.Contains(id) && !ours.ContainsKey(operation.Key);
                if (ours.Remove(operation.Key, out OperationSpec? mine))
                {
                    if (filteredOut)
                    {
                        _agreement.Disagree(operation.Key + " is generated although the filter leaves it out");
                    }

                    if (id is not null && id != mine.OperationId)
                    {
                        _agreement.Disagree($"{operation.Key}: operationId {mine.OperationId} in our model, {id} in the spec");
                    }

                    kept.Add((operation, mine));
                }
                else if (skipped)
                {
                    explained.Add(id!);
                }
                else if (!filteredOut)
                {
                    _agreement.Disagree(operation.Key + " (" + id + ") is missing from our model without a diagnostic saying why");
                }
            }

            _agreement.ExplainedSkips = explained.Count;
            foreach (string extra in ours.Keys)
            {
                _agreement.Disagree(extra + " is in our model but not among Microsoft.OpenApi's operations");
            }

            foreach (string unexplained in skippedIds.Where(s => !explained.Contains(s)))
            {
                _agreement.Disagree("a diagnostic says " + unexplained + " is skipped, but no such operation was left out");
            }

            return kept;
        }

        // ---- parameters ----

        private void CompareParameters(OracleOperation oracle, OperationSpec ours)
        {
            var leftOut = Diagnostics("SCG0007")
                .Where(d => d.MessageArgs[1] == ours.OperationId && d.MessageArgs[2].EndsWith("it is left out", StringComparison.Ordinal))
                .Select(d => d.MessageArgs[0])
                .ToList();
            var expected = new List<string>();
            foreach (IOpenApiParameter parameter in oracle.Parameters)
            {
                if (parameter.Name is null || parameter.In is null)
                {
                    // An unresolvable $ref: our parser ignores it with SCG0003.
                    if (!Diagnostics("SCG0003").Any(d => d.MessageArgs[1] == "the parameter is ignored"))
                    {
                        _agreement.Disagree($"{oracle.Key}: a parameter Microsoft.OpenApi cannot resolve is not reported");
                    }

                    continue;
                }

                if (parameter.In == Microsoft.OpenApi.ParameterLocation.Header && ReservedHeaders.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (leftOut.Remove(parameter.Name))
                {
                    _agreement.ExplainedLeftOut++;
                    continue;
                }

                // OpenAPI: a path parameter is always required (the spec must say so; our model does regardless).
                bool required = parameter.Required || parameter.In == Microsoft.OpenApi.ParameterLocation.Path;
                expected.Add(Describe(parameter.Name, parameter.In.Value.ToString(), required));
            }

            foreach (string name in leftOut)
            {
                _agreement.Disagree($"{oracle.Key}: SCG0007 says parameter {name} is left out, but the spec has no such parameter");
            }

            List<string> actual = ours.Parameters.Select(p => Describe(p.Name, p.Location.ToString(), p.Required)).ToList();
            _agreement.ParameterCount += actual.Count;
            foreach (string missing in expected.Except(actual))
            {
                _agreement.Disagree($"{oracle.Key}: parameter {missing} is in the spec but not in our model");
            }

            foreach (string extra in actual.Except(expected))
            {
                _agreement.Disagree($"{oracle.Key}: parameter {extra} is in our model but not in the spec");
            }
        }

        private static string Describe(string name, string location, bool required) => $"{name} ({location.ToLowerInvariant()}, {(required ? "required" : "optional")})";

        // ---- schemas: our types paired with Microsoft.OpenApi's schemas ----

        private void PairOperationSchemas(OracleOperation oracle, OperationSpec ours)
        {
            string where = oracle.Key;
            foreach (ParameterSpec parameter in ours.Parameters)
            {
                IOpenApiParameter? match = oracle.Parameters.FirstOrDefault(p => p.Name == parameter.Name && string.Equals(p.In?.ToString(), parameter.Location.ToString(), StringComparison.OrdinalIgnoreCase));
                IOpenApiSchema? schema = match?.Schema ?? match?.Content?.Values.FirstOrDefault()?.Schema;
                Pair(parameter.Type, schema, where + " parameter " + parameter.Name, inJson: false);
            }

            if (ours.Body is { } body)
            {
                IOpenApiSchema? schema = oracle.Operation.RequestBody?.Content?.TryGetValue(body.MediaType, out IOpenApiMediaType? media) == true ? media.Schema : null;
                if (schema is null)
                {
                    _agreement.Disagree($"{where}: our body is {body.MediaType}, which Microsoft.OpenApi does not find");
                }

                Pair(body.Type, schema, where + " body");
            }

            if (ours.ResultType is { } result)
            {
                IOpenApiResponse? success = SuccessResponse(oracle);
                IOpenApiSchema? schema = success?.Content?.TryGetValue(ours.AcceptMediaType, out IOpenApiMediaType? media) == true ? media.Schema : null;
                if (schema is null)
                {
                    _agreement.Disagree($"{where}: our result is read as {ours.AcceptMediaType}, which Microsoft.OpenApi does not find");
                }

                Pair(result, schema, where + " result");
            }

            foreach ((string status, IOpenApiSchema schema) in ErrorSchemas(oracle))
            {
                // Our model keeps only the error type most responses share; the others are found by their component.
                string? component = null;
                IOpenApiSchema? target = OpenApiOracle.Unwrap(schema, ref component);
                if (component is not null && target is not null && OpenApiOracle.IsRecordShaped(target)
                    && _spec.Models.FirstOrDefault(m => m.SchemaName == component) is { } model)
                {
                    Pair(model.Type, schema, where + " " + status + " error");
                }
                else if (ours.ErrorType is { } errorType)
                {
                    Pair(errorType, schema, where + " " + status + " error");
                }
            }
        }

        private static IOpenApiResponse? SuccessResponse(OracleOperation oracle)
            => (oracle.Operation.Responses ?? new OpenApiResponses())
                .Where(r => r.Key.StartsWith('2'))
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => r.Value)
                .FirstOrDefault();

        private static IEnumerable<(string Status, IOpenApiSchema Schema)> ErrorSchemas(OracleOperation oracle)
        {
            foreach ((string status, IOpenApiResponse response) in oracle.Operation.Responses ?? new OpenApiResponses())
            {
                if ((status.StartsWith('4') || status.StartsWith('5') || status == "default")
                    && response.Content?.FirstOrDefault(c => MediaTypes.IsJson(c.Key)).Value?.Schema is IOpenApiSchema schema)
                {
                    yield return (status, schema);
                }
            }
        }

        private string Identity(string? component, IOpenApiSchema target, string where)
        {
            if (component is not null)
            {
                return "component " + component;
            }

            if (!_inlineIds.TryGetValue(target, out string? id))
            {
                _inlineIds.Add(target, id = "the inline schema at " + where);
            }

            return id;
        }

        /// <summary>Pairs one of our types with the schema Microsoft.OpenApi has at the same place, and walks on.</summary>
        /// <param name="inJson">Whether the type travels as JSON, so the context must have it (parameters are text).</param>
        private void Pair(TypeRefSpec declared, IOpenApiSchema? schema, string where, bool isVariant = false, bool inJson = true)
        {
            TypeRefSpec type = declared.Underlying;
            string typeName = type.Identifier;
            if (inJson && !_types.ContainsKey(type.MetadataName))
            {
                _agreement.Disagree($"{where}: our type {typeName} is not in the JSON context");
                return;
            }

            string? component = null;
            IOpenApiSchema? target = isVariant ? OpenApiOracle.Target(schema) : OpenApiOracle.Unwrap(schema, ref component);
            component = isVariant ? OpenApiOracle.ComponentName(schema) : component;
            if (target is null)
            {
                // Nothing there, or an unresolvable $ref: JsonElement (with SCG0003 for the $ref).
                if (type.Kind != TypeRefKind.Json)
                {
                    _agreement.Disagree($"{where}: our model has {typeName} where Microsoft.OpenApi has no schema");
                }

                return;
            }

            switch (type.Kind)
            {
                case TypeRefKind.List:
                    if ((OpenApiOracle.NonNullTypes(target) & JsonSchemaType.Array) == 0)
                    {
                        _agreement.Disagree($"{where}: our model has a list where the schema is {target.Type}");
                        return;
                    }

                    Pair(type.Element!, target.Items, where + "[]", inJson: inJson);
                    return;
                case TypeRefKind.Dictionary:
                    if (target.AdditionalProperties is null)
                    {
                        _agreement.Disagree($"{where}: our model has a dictionary where the schema has no additionalProperties");
                        return;
                    }

                    Pair(type.Element!, target.AdditionalProperties, where + "{}");
                    return;
                case TypeRefKind.Enum:
                    if (!OpenApiOracle.IsStringEnum(target))
                    {
                        _agreement.Disagree($"{where}: our model has the enum {type.Name} where the schema is no string enum");
                        return;
                    }

                    Remember(type, Identity(component, target, where), where);
                    if (component is not null && !IsNameFor(type.Name!, component))
                    {
                        _agreement.Disagree($"{where}: our enum {type.Name} stands for the component {component}");
                    }

                    return;
                case TypeRefKind.Model:
                    PairModel(type, component, target, where, isVariant);
                    return;
                default:
                    if (OpenApiOracle.IsRecordShaped(target) || OpenApiOracle.IsStringEnum(target))
                    {
                        _agreement.Disagree($"{where}: our model has {typeName} where Microsoft.OpenApi has {(component is null ? "an inline" : component)} {(OpenApiOracle.IsStringEnum(target) ? "string enum" : "object")}");
                    }

                    return;
            }
        }

        private void PairModel(TypeRefSpec type, string? component, IOpenApiSchema target, string where, bool isVariant)
        {
            string name = type.Name!;
            if (!_models.TryGetValue(name, out ModelSpec? model))
            {
                _agreement.Disagree($"{where}: our record {name} is not among the models");
                return;
            }

            if (!isVariant && !OpenApiOracle.IsRecordShaped(target))
            {
                _agreement.Disagree($"{where}: our model has the record {name} where the schema is not an object with properties");
                return;
            }

            if (component is not null && model.SchemaName != component)
            {
                _agreement.Disagree($"{where}: our record {name} is generated for {model.SchemaName}, but Microsoft.OpenApi has the component {component} here");
            }

            if (!Remember(type, Identity(component, target, where), where))
            {
                return;
            }

            Dictionary<string, IOpenApiSchema> properties = OpenApiOracle.MapsSeveralValuesToOneVariant(target) ? _oracle.PropertiesWithVariants(target) : OpenApiOracle.AllProperties(target);
            foreach (PropertySpec property in model.Properties)
            {
                if (properties.TryGetValue(property.JsonName, out IOpenApiSchema? propertySchema))
                {
                    Pair(property.Type, propertySchema, name + "." + property.JsonName);
                }
                else
                {
                    _agreement.Disagree($"{name}.{property.JsonName} is in our record but not among the schema's properties");
                }
            }

            // The other way: every property of the schema is a member, declared here or inherited from the polymorphic
            // base; a discriminator is no member (System.Text.Json reads and writes it from the variant's type).
            var inherited = new HashSet<string>(StringComparer.Ordinal);
            for (ModelSpec? owner = model; owner is not null; owner = owner.Base is null ? null : _models.GetValueOrDefault(owner.Base.Name!))
            {
                inherited.UnionWith(owner.Properties.Select(p => p.JsonName));
                if (owner.Discriminator is not null)
                {
                    inherited.Add(owner.Discriminator.PropertyName);
                }
            }

            {
                foreach (string jsonName in properties.Keys.Where(p => !inherited.Contains(p)))
                {
                    _agreement.Disagree($"{name}.{jsonName} is in the schema but not in our record");
                }
            }

            if (model.Discriminator is { } discriminator)
            {
                // Every value the mapping names must select a variant.
                foreach (string value in (target.Discriminator?.Mapping?.Keys ?? Enumerable.Empty<string>()).Where(v => discriminator.DerivedTypes.All(d => d.Value != v)))
                {
                    _agreement.Disagree($"{name}: the discriminator value {value} maps to {target.Discriminator!.Mapping![value].Reference.Id}, but our record has no variant for it");
                }

                List<IOpenApiSchema> variants = _oracle.Variants(target).ToList();
                IDictionary<string, OpenApiSchemaReference> mapping = target.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>();
                foreach (DerivedTypeSpec derived in discriminator.DerivedTypes)
                {
                    ModelSpec? derivedModel = _models.GetValueOrDefault(derived.Type.Name!);
                    IOpenApiSchema? variant = mapping.TryGetValue(derived.Value, out OpenApiSchemaReference? mapped)
                        ? mapped
                        : variants.FirstOrDefault(v => OpenApiOracle.ComponentName(v) is string c && c == derivedModel?.SchemaName)
                          ?? variants.FirstOrDefault(v => OpenApiOracle.ComponentName(v) is null && !_inlineIds.ContainsKey(v));
                    if (variant is null)
                    {
                        _agreement.Disagree($"{name}: our variant {derived.Type.Name} ({derived.Value}) is not among the schema's variants");
                        continue;
                    }

                    Pair(derived.Type, variant, name + " variant " + derived.Value, isVariant: true);
                }
            }
        }

        /// <summary>Records which schema a type stands for; false when it was already paired (and checks it is the same).</summary>
        private bool Remember(TypeRefSpec type, string identity, string where)
        {
            if (_identities.TryGetValue(type.Identifier, out string? known))
            {
                if (known != identity)
                {
                    _agreement.Disagree($"{where}: our {type.Name} stands for both {known} and {identity}");
                }

                return false;
            }

            _identities.Add(type.Identifier, identity);
            return true;
        }

        /// <summary>Our documented naming: the component name in PascalCase, with a number when that name was taken.</summary>
        private static bool IsNameFor(string name, string component)
        {
            string pascal = Identifiers.ToPascalCase(component);
            return name == pascal || (name.StartsWith(pascal, StringComparison.Ordinal) && name.Substring(pascal.Length).All(char.IsAsciiDigit));
        }

        // ---- schemas: sets ----

        private void CompareSchemaSets(List<(OracleOperation Oracle, OperationSpec Ours)> kept)
        {
            // Every record and enum we generate stands for a schema Microsoft.OpenApi has where our type is used.
            foreach (ModelSpec model in _spec.Models)
            {
                if (!_identities.ContainsKey(model.Type.Identifier))
                {
                    _agreement.Disagree($"our record {model.Name} ({model.SchemaName}) corresponds to no schema of a generated operation");
                }
            }

            foreach (EnumSpec @enum in _spec.Enums)
            {
                if (!_identities.ContainsKey(@enum.Type.Identifier))
                {
                    _agreement.Disagree($"our enum {@enum.Name} corresponds to no schema of a generated operation");
                }
            }

            _agreement.ModelCount = _spec.Models.Count;
            _agreement.EnumCount = _spec.Enums.Count;

            // Every component Microsoft.OpenApi reaches from the generated operations, found independently, has its record or enum.
            var reach = new Reachability(_oracle);
            foreach ((OracleOperation oracle, OperationSpec ours) in kept)
            {
                reach.FromOperation(oracle, ours);
            }

            _agreement.ReachedComponents = reach.Records.Count + reach.Enums.Count + reach.Degraded.Count;
            _agreement.DegradedComponents = reach.Degraded.Count;
            var generated = _identities.Values.Where(v => v.StartsWith("component ", StringComparison.Ordinal)).Select(v => v.Substring("component ".Length)).ToHashSet(StringComparer.Ordinal);
            foreach (string component in reach.Records.Concat(reach.Enums).Where(c => !generated.Contains(c)).Order(StringComparer.Ordinal))
            {
                _agreement.Disagree($"the component {component} is reached from the generated operations but has no record or enum in our model");
            }

            foreach (string component in generated.Where(c => !reach.Records.Contains(c) && !reach.Enums.Contains(c)).Order(StringComparer.Ordinal))
            {
                _agreement.Disagree($"our model generates the component {component}, which Microsoft.OpenApi does not reach as an object or enum");
            }

            // Every construct generated as JsonElement on purpose carries SCG0005 (the inline ones are named after their place).
            var reported = Diagnostics("SCG0005").Select(d => d.MessageArgs[0]).ToHashSet(StringComparer.Ordinal);
            foreach (string component in reach.Degraded.Where(c => !reported.Contains(c)).Order(StringComparer.Ordinal))
            {
                _agreement.Disagree($"the component {component} is generated as JsonElement without SCG0005");
            }
        }
    }

    /// <summary>
    /// Which components the generated operations reach, walked on Microsoft.OpenApi's document alone: parameters, the
    /// body and result in the media types our model chose, every JSON error body; through properties (allOf included),
    /// items, maps, wrappers and the variants of discriminated schemas. Stops at the documented JsonElement constructs.
    /// </summary>
    private sealed class Reachability(OpenApiOracle oracle)
    {
        private readonly HashSet<IOpenApiSchema> _visited = new(ReferenceEqualityComparer.Instance);
        private Dictionary<string, IOpenApiSchema>? _basesByVariant;

        public HashSet<string> Records { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Enums { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Degraded { get; } = new(StringComparer.Ordinal);

        public void FromOperation(OracleOperation operation, OperationSpec ours)
        {
            foreach (IOpenApiParameter parameter in operation.Parameters)
            {
                bool reservedHeader = parameter.In == Microsoft.OpenApi.ParameterLocation.Header && ReservedHeaders.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase);
                if (parameter.In is Microsoft.OpenApi.ParameterLocation.Path or Microsoft.OpenApi.ParameterLocation.Query or Microsoft.OpenApi.ParameterLocation.Header && !reservedHeader)
                {
                    Walk(parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema, null);
                }
            }

            if (ours.Body is { } body && operation.Operation.RequestBody?.Content?.TryGetValue(body.MediaType, out IOpenApiMediaType? request) == true)
            {
                Walk(request.Schema, null);
            }

            if (ours.ResultType is not null && (operation.Operation.Responses ?? new OpenApiResponses()).Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault().Value is { } success
                && success.Content?.TryGetValue(ours.AcceptMediaType, out IOpenApiMediaType? response) == true)
            {
                Walk(response.Schema, null);
            }

            foreach ((string status, IOpenApiResponse error) in operation.Operation.Responses ?? new OpenApiResponses())
            {
                if ((status.StartsWith('4') || status.StartsWith('5') || status == "default")
                    && error.Content?.FirstOrDefault(c => MediaTypes.IsJson(c.Key)).Value?.Schema is IOpenApiSchema schema)
                {
                    Walk(schema, null);
                }
            }
        }

        private void Walk(IOpenApiSchema? schema, string? component)
        {
            var pending = new Stack<(IOpenApiSchema Schema, string? Component)>();
            if (schema is not null)
            {
                pending.Push((schema, component));
            }

            while (pending.Count > 0)
            {
                (IOpenApiSchema current, string? owner) = pending.Pop();
                owner = OpenApiOracle.ComponentName(current) ?? owner;
                IOpenApiSchema? target = OpenApiOracle.Target(current);
                if (target is null || !_visited.Add(target))
                {
                    continue;
                }

                if (OpenApiOracle.ComponentName(current) is string name && BaseOf(name) is IOpenApiSchema polymorphicBase)
                {
                    // A variant maps its discriminated base, which maps every variant.
                    pending.Push((polymorphicBase, null));
                }

                if (OpenApiOracle.IsStringEnum(target))
                {
                    AddIf(Enums, owner);
                    continue;
                }

                if (OpenApiOracle.IsDegraded(target))
                {
                    AddIf(Degraded, owner);
                    continue;
                }

                JsonSchemaType types = OpenApiOracle.NonNullTypes(target);
                if (types == JsonSchemaType.Array)
                {
                    Push(pending, target.Items, null);
                    continue;
                }

                if (types is not (0 or JsonSchemaType.Object))
                {
                    continue;
                }

                if (OpenApiOracle.MapsSeveralValuesToOneVariant(target))
                {
                    // One record with every variant's properties; the variants are no records of their own here.
                    AddIf(Records, owner);
                    foreach (IOpenApiSchema propertySchema in oracle.PropertiesWithVariants(target).Values)
                    {
                        Push(pending, propertySchema, null);
                    }

                    continue;
                }

                if (OpenApiOracle.IsPolymorphic(target))
                {
                    AddIf(Records, owner);
                    string discriminator = target.Discriminator!.PropertyName!;
                    foreach ((string property, IOpenApiSchema propertySchema) in OpenApiOracle.AllProperties(target).Where(p => p.Key != discriminator))
                    {
                        Push(pending, propertySchema, null);
                    }

                    foreach (IOpenApiSchema variant in oracle.Variants(target))
                    {
                        // A variant is a record whatever its shape; its own discriminator property is not a member either.
                        string? variantName = OpenApiOracle.ComponentName(variant);
                        IOpenApiSchema? variantTarget = OpenApiOracle.Target(variant);
                        if (variantTarget is not null && _visited.Add(variantTarget))
                        {
                            AddIf(Records, variantName);
                            foreach ((string property, IOpenApiSchema propertySchema) in OpenApiOracle.AllProperties(variantTarget).Where(p => p.Key != discriminator))
                            {
                                Push(pending, propertySchema, null);
                            }
                        }
                    }

                    continue;
                }

                IList<IOpenApiSchema>? variants = target.OneOf ?? target.AnyOf;
                if (variants is not null)
                {
                    // Not degraded: exactly one non-null variant, which the schema stands for.
                    Push(pending, OpenApiOracle.NonNullVariants(variants)[0], owner);
                    continue;
                }

                if (target.AllOf is { Count: 1 } && target.Properties is null or { Count: 0 })
                {
                    Push(pending, target.AllOf[0], owner);
                    continue;
                }

                if (target.Properties is not null || target.AllOf is not null)
                {
                    AddIf(Records, owner);
                    foreach (IOpenApiSchema propertySchema in OpenApiOracle.AllProperties(target).Values)
                    {
                        Push(pending, propertySchema, null);
                    }

                    continue;
                }

                Push(pending, target.AdditionalProperties, null);
            }
        }

        private static void Push(Stack<(IOpenApiSchema, string?)> pending, IOpenApiSchema? schema, string? component)
        {
            if (schema is not null)
            {
                pending.Push((schema, component));
            }
        }

        private static void AddIf(HashSet<string> set, string? component)
        {
            if (component is not null)
            {
                set.Add(component);
            }
        }

        private IOpenApiSchema? BaseOf(string component)
        {
            if (_basesByVariant is null)
            {
                _basesByVariant = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
                foreach ((string name, IOpenApiSchema schema) in oracle.Document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
                {
                    if (OpenApiOracle.IsPolymorphic(schema))
                    {
                        foreach (string? variant in oracle.Variants(schema).Select(OpenApiOracle.ComponentName))
                        {
                            if (variant is not null && variant != name)
                            {
                                _basesByVariant.TryAdd(variant, new OpenApiSchemaReference(name, oracle.Document));
                            }
                        }
                    }
                }
            }

            return _basesByVariant.GetValueOrDefault(component);
        }
    }
}
