using System.ComponentModel;

namespace SpecClient.Runtime;

/// <summary>The parameters of one operation, as a generated params class holds them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRequestParameters
{
    /// <summary>
    /// Checks the parameters against the spec's constraints (required, pattern, length, range); the client calls it
    /// before anything is sent.
    /// </summary>
    /// <exception cref="System.ArgumentException">A parameter breaks a constraint; the message names the parameter.</exception>
    void Validate();
}
