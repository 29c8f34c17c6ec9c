using System.ComponentModel;

namespace SpecClient.Runtime;

/// <summary>
/// How an object or a list becomes query or form text, as OpenAPI's <c>style</c> names it (with <c>explode</c> saying
/// whether each value or property is its own key).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ParameterStyle
{
    /// <summary>
    /// <c>form</c>: exploded, each value (<c>id=1&amp;id=2</c>) or property (<c>a=1&amp;b=2</c>) is its own key; otherwise
    /// one key with comma-separated values (<c>id=1,2</c>) or property names and values (<c>key=a,1,b,2</c>).
    /// </summary>
    Form,

    /// <summary><c>spaceDelimited</c>: a list's values separated by spaces (<c>id=1%202</c>).</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c>: a list's values separated by pipes (<c>id=1%7C2</c>).</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c>: each property under the key in brackets (<c>key[a]=1&amp;key[b]=2</c>), nested objects deeper.</summary>
    DeepObject,
}
