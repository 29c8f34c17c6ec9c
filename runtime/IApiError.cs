using System.ComponentModel;

namespace SpecClient.Runtime;

/// <summary>
/// An error body whose schema names a code and a detail field: generated records implement it (explicitly) when the
/// spec's error schema has them, and <see cref="ApiException.ErrorCode"/> and <see cref="ApiException.Detail"/> are
/// read from the fields it names, even when the rest of the body does not decode. Implemented by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IApiError
{
    /// <summary>The JSON name of the field holding the machine-readable code (Atlas's <c>errorCode</c>), or null.</summary>
    string? ErrorCodeField { get; }

    /// <summary>The JSON name of the field holding the human-readable detail (Atlas's and RFC 9457's <c>detail</c>), or null.</summary>
    string? DetailField { get; }
}
