namespace SpecClient.Generator.Model;

/// <summary>
/// A C# type as the emitter prints it: a finished <c>global::</c>-qualified name, without the nullable marker,
/// and whether it is a value type (so the emitter knows how a nullable version is spelled and compared).
/// </summary>
internal sealed record TypeRefSpec(string FullName, bool IsValueType)
{
    public string Nullable => FullName + "?";
}
