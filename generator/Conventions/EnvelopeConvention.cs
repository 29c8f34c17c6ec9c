using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Conventions;

/// <summary>
/// Convention, keyed on an optional scalar boolean query parameter named <c>envelope</c> (MongoDB Atlas, Cloud
/// Manager): set to true, the server wraps the answer as <c>{"status": N, "content": …}</c> with HTTP 200. Only
/// operations declaring it send through the runtime's envelope step (<c>EnvelopedResponse</c>), and only when the
/// caller sets it; page requests clear it, since pages are read unwrapped.
/// </summary>
internal static class EnvelopeConvention
{
    /// <summary>The operation's envelope parameter, or null when it declares none.</summary>
    public static ParameterSpec? Find(IEnumerable<ParameterSpec> parameters)
        => parameters.FirstOrDefault(parameter =>
            parameter.Location == ParameterLocation.Query && parameter.Name == "envelope" && parameter.Format == ValueFormat.Boolean && !parameter.IsArray);
}
