namespace SpecClient.Generator.Model;

/// <summary>
/// What the consumer's <c>&lt;OpenApiSpec&gt;</c> item says about one spec file: its path and the optional
/// metadata (namespace, client name, API version, operation filters, unions). Unset metadata is <see langword="null"/>.
/// </summary>
/// <param name="Unions">
/// <c>true</c> to generate untagged <c>oneOf</c>/<c>anyOf</c> and 3.1 <c>type</c> lists as union structs (and string
/// variants listing values as one open enum); otherwise they are <c>JsonElement</c> with a warning. Off by default: the
/// variants' records and enums can add a quarter to a large client (the full Atlas spec: +1.5 MB of C#).
/// </param>
internal sealed record SpecFileOptions(
    string Path,
    string? Namespace,
    string? ClientName,
    string? ApiVersion,
    string? RootNamespace,
    string? IncludeOperations = null,
    string? ExcludeOperations = null,
    bool Unions = false);
