namespace SpecClient.Generator.Model;

/// <summary>
/// What the consumer's <c>&lt;OpenApiSpec&gt;</c> item says about one spec file: its path and the optional
/// metadata (namespace, client name, API version, operation filters). Unset metadata is <see langword="null"/>.
/// </summary>
internal sealed record SpecFileOptions(
    string Path,
    string? Namespace,
    string? ClientName,
    string? ApiVersion,
    string? RootNamespace,
    string? IncludeOperations = null,
    string? ExcludeOperations = null);
