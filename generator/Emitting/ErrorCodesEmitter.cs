using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>Prints the error-code constants harvested from the spec's error examples.</summary>
internal static class ErrorCodesEmitter
{
    public static string Emit(ApiSpec spec, ErrorCodesSpec errorCodes)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SourceName);
        writer.Doc("summary", "The error codes that the spec's error examples show; compare them with ApiException.ErrorCode or pass them to ApiException.IsErrorCode.");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public static partial class " + errorCodes.ClassName);
        writer.OpenBrace();
        bool first = true;
        foreach (ErrorCodeSpec code in errorCodes.Codes)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            string statuses = code.Statuses.Count == 0 ? string.Empty : " Seen with HTTP " + string.Join(", ", code.Statuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ".";
            writer.Doc("summary", code.Code + "." + statuses);
            writer.Line("public const string " + code.ConstantName + " = " + SourceWriter.Literal(code.Code) + ";");
        }

        writer.CloseBrace();
        return GeneratedCode.EndFile(writer);
    }
}
