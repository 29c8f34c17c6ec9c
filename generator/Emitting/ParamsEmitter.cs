using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>Prints one params class per operation: its parameters and body as properties, and <c>Validate()</c>.</summary>
internal static class ParamsEmitter
{
    private const string Guard = "global::SpecClient.Runtime.ParameterGuard";

    public static string Emit(ApiSpec spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SourceName);
        bool first = true;
        foreach (OperationSpec operation in spec.AllOperations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitParams(writer, operation);
        }

        EmitPatterns(writer, spec.ParameterPatterns);
        return GeneratedCode.EndFile(writer);
    }

    private static void EmitParams(SourceWriter writer, OperationSpec operation)
    {
        writer.Doc("summary", "The parameters of " + operation.OperationId + ".");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public sealed partial record " + operation.ParamsClassName + " : global::SpecClient.Runtime.IRequestParameters");
        writer.OpenBrace();
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            if (parameter.DocReference is not null)
            {
                writer.DocXml("<inheritdoc cref=\"" + parameter.DocReference + "\"/>");
            }
            else
            {
                writer.Doc("summary", parameter.Description ?? "The '" + parameter.Name + "' " + parameter.Location.ToString().ToLowerInvariant() + " parameter.");
                writer.Doc("remarks", Remarks(parameter));
            }

            if (parameter.Deprecated)
            {
                GeneratedCode.Deprecated(writer, parameter.Required, "parameter");
            }

            writer.Line("public " + (parameter.Required ? "required " : string.Empty) + parameter.Type.Identifier + " " + parameter.PropertyName + " { get; init; }");
            writer.Line();
        }

        foreach (MultipartPartSpec part in operation.Body?.Parts ?? EquatableArray<MultipartPartSpec>.Empty)
        {
            writer.Doc("summary", part.Description ?? "The '" + part.Name + "' part of the form.");
            writer.Doc("remarks", part.IsFile
                ? "Sent as a file part of the " + operation.Body!.MediaType + " body: its stream is read as the request is sent, and disposed with the request."
                : "Sent as a part of the " + operation.Body!.MediaType + " body.");
            writer.Line("public " + (part.Required ? "required " : string.Empty) + part.Type.Identifier + " " + part.PropertyName + " { get; init; }");
            writer.Line();
        }

        if (operation.Body is { Parts.IsEmpty: true } body)
        {
            writer.Doc("summary", body.Description ?? "The request body.");
            writer.Doc("remarks", "Sent as " + body.MediaType + (body.Encoding switch
            {
                BodyEncoding.Binary => ": the stream is read as the request is sent (not copied first), and disposed with the request.",
                BodyEncoding.Multipart => ", a form the caller fills; it is disposed with the request.",
                _ => ".",
            }));
            writer.Line("public " + (body.Required ? "required " : string.Empty) + body.Type.Identifier + " " + body.PropertyName + " { get; init; }");
            writer.Line();
        }

        EmitValidate(writer, operation);
        writer.CloseBrace();
    }

    private static void EmitValidate(SourceWriter writer, OperationSpec operation)
    {
        writer.DocXml("<inheritdoc/>");
        writer.Line("public void Validate()");
        writer.OpenBrace();
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            string value = parameter.PropertyName;
            string name = SourceWriter.Literal(parameter.Name);
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                writer.Line(Guard + ".NotNull(" + value + ", " + name + ");");
            }

            if (parameter.Validation is not ValidationSpec validation)
            {
                continue;
            }

            string text = parameter.Format == ValueFormat.EnumValue
                ? value + (parameter.Required ? ".Value" : "?.Value")
                : value;
            if (validation.PatternCharacters is not null && parameter.Format is ValueFormat.String or ValueFormat.EnumValue)
            {
                writer.Line(Guard + ".Pattern(" + text + ", " + validation.PatternField + ", " + validation.PatternMinLength + ", "
                    + Number(validation.PatternMaxLength) + ", " + SourceWriter.Literal(validation.Pattern!) + ", " + name + ");");
            }
            else if (validation.Pattern is not null && parameter.Format is ValueFormat.String or ValueFormat.EnumValue)
            {
                writer.Line(Guard + ".Pattern(" + text + ", " + validation.PatternField + ", " + name + ");");
            }

            if ((validation.MinLength is not null || validation.MaxLength is not null) && parameter.Format is ValueFormat.String or ValueFormat.EnumValue)
            {
                writer.Line(Guard + ".Length(" + text + ", " + Number(validation.MinLength) + ", " + Number(validation.MaxLength) + ", " + name + ");");
            }

            if ((validation.Minimum is not null || validation.Maximum is not null) && parameter.Format is ValueFormat.Integer or ValueFormat.Number)
            {
                writer.Line(validation.ExclusiveMinimum || validation.ExclusiveMaximum
                    ? Guard + ".Range(" + value + ", " + Decimal(validation.Minimum) + ", " + Bool(validation.ExclusiveMinimum) + ", " + Decimal(validation.Maximum) + ", " + Bool(validation.ExclusiveMaximum) + ", " + name + ");"
                    : Guard + ".Range(" + value + ", " + Decimal(validation.Minimum) + ", " + Decimal(validation.Maximum) + ", " + name + ");");
            }
        }

        if (operation.Body is { Required: true, Parts.IsEmpty: true } body && !body.Type.IsValueType)
        {
            writer.Line(Guard + ".NotNull(" + body.PropertyName + ", \"body\");");
        }

        foreach (MultipartPartSpec part in operation.Body?.Parts ?? EquatableArray<MultipartPartSpec>.Empty)
        {
            if (part.Required && !part.Type.IsValueType)
            {
                writer.Line(Guard + ".NotNull(" + part.PropertyName + ", " + SourceWriter.Literal(part.Name) + ");");
            }
        }

        writer.CloseBrace();
    }

    private static void EmitPatterns(SourceWriter writer, ParameterPatternsSpec spec)
    {
        if (spec.Patterns.IsEmpty)
        {
            return;
        }

        writer.Line();
        writer.Doc("summary", "The patterns the parameters are checked against, each compiled once.");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("internal static class " + spec.ClassName);
        writer.OpenBrace();
        foreach (ParameterPatternSpec pattern in spec.Patterns)
        {
            writer.Doc("summary", "Matches " + pattern.Pattern + ".");
            writer.Line(pattern.Characters is string characters
                ? "internal static readonly global::System.Buffers.SearchValues<char> " + pattern.FieldName + " = global::System.Buffers.SearchValues.Create(" + SourceWriter.Literal(characters) + ");"
                : "internal static readonly global::System.Text.RegularExpressions.Regex " + pattern.FieldName + " = global::SpecClient.Runtime.ParameterGuard.CreatePattern(" + SourceWriter.Literal(pattern.Pattern) + ");");
        }

        writer.CloseBrace();
    }

    private static string? Remarks(ParameterSpec parameter)
    {
        var notes = new List<string>();
        if (parameter.Validation?.Pattern is string pattern)
        {
            notes.Add("Must match " + pattern + ".");
        }

        if (parameter.Validation is { MinLength: not null } or { MaxLength: not null })
        {
            notes.Add(parameter.Validation.MinLength == parameter.Validation.MaxLength
                ? "Exactly " + parameter.Validation.MinLength + " characters."
                : "Length " + (parameter.Validation.MinLength?.ToString() ?? "0") + " to " + (parameter.Validation.MaxLength?.ToString() ?? "any") + ".");
        }

        if (parameter.Validation is { Minimum: not null } or { Maximum: not null })
        {
            notes.Add("Range " + (parameter.Validation.Minimum ?? "any") + (parameter.Validation.ExclusiveMinimum ? " (exclusive)" : string.Empty)
                + " to " + (parameter.Validation.Maximum ?? "any") + (parameter.Validation.ExclusiveMaximum ? " (exclusive)" : string.Empty) + ".");
        }

        if (parameter.DefaultValue is not null)
        {
            notes.Add("The server's default: " + parameter.DefaultValue + ".");
        }

        return notes.Count == 0 ? null : string.Join(" ", notes);
    }

    private static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private static string Decimal(string? value) => value is null ? "null" : value + "m";

    private static string Bool(bool value) => value ? "true" : "false";
}
