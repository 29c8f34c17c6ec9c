using System.Collections.Generic;
using System.Linq;

namespace SpecClient.Generator.Model;

/// <summary>
/// Everything the emitter needs to print one spec's client: the root of the equatable model.
/// </summary>
/// <remarks>
/// Caching contract: this record and everything it holds are compared by value and contain no Roslyn
/// symbols and no source positions, so a whitespace or comment edit in the spec yields an equal model
/// and the generator's source output is reported <c>Unchanged</c>.
/// </remarks>
/// <param name="SourcePath">The spec file's path: which of two specs in one namespace generates (see <see cref="SpecIdentity"/>).</param>
internal sealed record ApiSpec(
    string SourcePath,
    string SourceName,
    string Namespace,
    RootClientSpec RootClient,
    EquatableArray<ClientSpec> TagClients,
    EquatableArray<ModelSpec> Models,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<UnionSpec> Unions,
    JsonContextSpec JsonContext,
    ErrorCodesSpec? ErrorCodes,
    ParameterPatternsSpec ParameterPatterns)
{
    /// <summary>Every operation: the root client's, then each tag client's.</summary>
    public IEnumerable<OperationSpec> AllOperations => OperationsOf(RootClient, TagClients);

    /// <summary>Every operation of a root client and its tag clients, in the order they are emitted.</summary>
    public static IEnumerable<OperationSpec> OperationsOf(RootClientSpec root, IEnumerable<ClientSpec> tagClients)
        => root.Operations.Concat(tagClients.SelectMany(client => client.Operations));
}

/// <summary>Where a spec generates to: compared across all specs of a compilation before anything is emitted.</summary>
internal sealed record SpecIdentity(string SourcePath, string SourceName, string Namespace, string ClientName);

/// <summary>The client users construct; it exposes one property per tag client.</summary>
/// <param name="InterfaceName">The interface the client implements, for fakes in tests (<c>IAtlasClient</c>).</param>
internal sealed record RootClientSpec(
    string ClassName,
    string InterfaceName,
    string Title,
    string? Description,
    string? DocumentVersion,
    string? ApiVersion,
    string DefaultBaseAddress,
    string OperationsPathPrefix,
    EquatableArray<OperationSpec> Operations);

/// <summary>A client holding the operations of one tag, reached from the root client through <see cref="PropertyName"/>.</summary>
/// <param name="ClassName">The client class, as declared and as referred to.</param>
/// <param name="InterfaceName">The interface it implements, which the root client's property has as its type.</param>
internal sealed record ClientSpec(
    string ClassName,
    string InterfaceName,
    string PropertyName,
    string Tag,
    string? Description,
    EquatableArray<OperationSpec> Operations);

/// <summary>The patterns parameters are checked against, each compiled once, in one class of the client's.</summary>
internal sealed record ParameterPatternsSpec(string ClassName, EquatableArray<ParameterPatternSpec> Patterns);

/// <summary>One pattern: a regular expression, or, when <paramref name="Characters"/> is set, the characters of a
/// pattern that is one character class repeated (checked by a scan instead).</summary>
internal sealed record ParameterPatternSpec(string FieldName, string Pattern, string? Characters);

/// <summary>The error codes found in the spec's error examples, as constants.</summary>
internal sealed record ErrorCodesSpec(string ClassName, EquatableArray<ErrorCodeSpec> Codes);

internal sealed record ErrorCodeSpec(string ConstantName, string Code, EquatableArray<int> Statuses);
