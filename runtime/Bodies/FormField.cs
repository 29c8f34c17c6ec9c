using System.ComponentModel;

namespace SpecClient.Runtime;

/// <summary>A form field the spec's <c>encoding</c> writes in another style than the default. Used by generated code.</summary>
/// <param name="Name">The field (the body's JSON property name).</param>
/// <param name="Style">Its style.</param>
/// <param name="Explode">Whether each value or property is its own key.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct FormField(string Name, ParameterStyle Style, bool Explode);
