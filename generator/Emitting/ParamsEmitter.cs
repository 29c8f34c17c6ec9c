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
        EmitPatterns(writer, operation);
        writer.CloseBrace();
    }

    /// <summary>The static method checking the shorthand overload's values, which the client calls when no record is given.</summary>
    public const string ValidateShorthandMethod = "ValidateRequired";

    /// <summary>Whether any of the shorthand overload's values (the required members) has a check.</summary>
    public static bool ChecksShorthandValues(OperationSpec operation) => GuardLines(operation, requiredOnly: true).Count > 0;

    private static void EmitValidate(SourceWriter writer, OperationSpec operation)
    {
        writer.DocXml("<inheritdoc/>");
        writer.Line("public void Validate()");
        writer.OpenBrace();
        foreach (string line in GuardLines(operation, requiredOnly: false))
        {
            writer.Line(line);
        }

        writer.CloseBrace();
        List<string> required = GuardLines(operation, requiredOnly: true);
        if (required.Count == 0)
        {
            return;
        }

        // The shorthand overload sends without a record: its values (the required members) are checked here, with the
        // same checks and in the same order as Validate() makes; the members it leaves unset need none.
        writer.Line();
        writer.Doc("summary", "Checks the values the shorthand overload takes, as Validate() checks them in a record.");
        var arguments = new List<string>();
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Required))
        {
            arguments.Add(parameter.Type.Identifier + " " + parameter.ArgumentName);
        }

        foreach (MultipartPartSpec part in (operation.Body?.Parts ?? EquatableArray<MultipartPartSpec>.Empty).Where(part => part.Required))
        {
            arguments.Add(part.Type.Identifier + " " + part.ArgumentName);
        }

        if (operation.Body is { Required: true, Parts.IsEmpty: true } body)
        {
            arguments.Add(body.Type.Identifier + " body");
        }

        writer.Line("internal static void " + ValidateShorthandMethod + "(" + string.Join(", ", arguments) + ")");
        writer.OpenBrace();
        foreach (string line in required)
        {
            writer.Line(line);
        }

        writer.CloseBrace();
    }

    /// <summary>
    /// The checks of Validate(), in its order; with <paramref name="requiredOnly"/>, those of the required members alone,
    /// on the shorthand overload's arguments.
    /// </summary>
    private static List<string> GuardLines(OperationSpec operation, bool requiredOnly)
    {
        var lines = new List<string>();
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            if (requiredOnly && !parameter.Required)
            {
                continue;
            }

            string value = requiredOnly ? parameter.ArgumentName : parameter.PropertyName;
            string name = SourceWriter.Literal(parameter.Name);
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                lines.Add(Guard + ".NotNull(" + value + ", " + name + ");");
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
                lines.Add(Guard + ".Pattern(" + text + ", " + validation.PatternField + ", " + validation.PatternMinLength + ", "
                    + Number(validation.PatternMaxLength) + ", " + SourceWriter.Literal(validation.Pattern!) + ", " + name + ");");
            }
            else if (validation.Pattern is not null && parameter.Format is ValueFormat.String or ValueFormat.EnumValue)
            {
                lines.Add(Guard + ".Pattern(" + text + ", " + validation.PatternField + ", " + name + ");");
            }

            if ((validation.MinLength is not null || validation.MaxLength is not null) && parameter.Format is ValueFormat.String or ValueFormat.EnumValue)
            {
                lines.Add(Guard + ".Length(" + text + ", " + Number(validation.MinLength) + ", " + Number(validation.MaxLength) + ", " + name + ");");
            }

            if ((validation.Minimum is not null || validation.Maximum is not null) && parameter.Format is ValueFormat.Integer or ValueFormat.Number)
            {
                lines.Add(validation.ExclusiveMinimum || validation.ExclusiveMaximum
                    ? Guard + ".Range(" + value + ", " + Decimal(validation.Minimum) + ", " + Bool(validation.ExclusiveMinimum) + ", " + Decimal(validation.Maximum) + ", " + Bool(validation.ExclusiveMaximum) + ", " + name + ");"
                    : Guard + ".Range(" + value + ", " + Decimal(validation.Minimum) + ", " + Decimal(validation.Maximum) + ", " + name + ");");
            }
        }

        if (operation.Body is { Required: true, Parts.IsEmpty: true } body && !body.Type.IsValueType)
        {
            lines.Add(Guard + ".NotNull(" + (requiredOnly ? "body" : body.PropertyName) + ", \"body\");");
        }

        foreach (MultipartPartSpec part in operation.Body?.Parts ?? EquatableArray<MultipartPartSpec>.Empty)
        {
            if (part.Required && !part.Type.IsValueType)
            {
                lines.Add(Guard + ".NotNull(" + (requiredOnly ? part.ArgumentName : part.PropertyName) + ", " + SourceWriter.Literal(part.Name) + ");");
            }
        }

        return lines;
    }

    private static void EmitPatterns(SourceWriter writer, OperationSpec operation)
    {
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            if (parameter.Validation?.PatternCharacters is string characters && parameter.Format is ValueFormat.String or ValueFormat.EnumValue)
            {
                writer.Line();
                writer.Line("private static readonly global::System.Buffers.SearchValues<char> " + parameter.Validation.PatternField
                    + " = global::System.Buffers.SearchValues.Create(" + SourceWriter.Literal(characters) + ");");
            }
            else if (parameter.Validation?.Pattern is string pattern && parameter.Format is ValueFormat.String or ValueFormat.EnumValue)
            {
                writer.Line();
                writer.Line("private static readonly global::System.Text.RegularExpressions.Regex " + parameter.Validation.PatternField
                    + " = global::SpecClient.Runtime.ParameterGuard.CreatePattern(" + SourceWriter.Literal(pattern) + ");");
            }
        }
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
