using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>Prints the schema records and the enum structs.</summary>
internal static class ModelEmitter
{
    public static string Emit(ApiSpec spec)
    {
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SourceName);
        bool first = true;
        foreach (ModelSpec model in spec.Models)
        {
            Separate(writer, ref first);
            EmitModel(writer, model, spec.Namespace);
        }

        foreach (EnumSpec enumSpec in spec.Enums)
        {
            Separate(writer, ref first);
            EmitEnum(writer, enumSpec, spec.Namespace);
        }

        return GeneratedCode.EndFile(writer);
    }

    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.Line();
        }

        first = false;
    }

    private static void EmitModel(SourceWriter writer, ModelSpec model, string @namespace)
    {
        writer.Doc("summary", model.Description ?? "The " + model.SchemaName + " schema.");
        if (model.Discriminator is DiscriminatorSpec discriminator)
        {
            writer.Doc("remarks", "Polymorphic: the '" + discriminator.PropertyName + "' property picks the derived record ("
                + string.Join(", ", System.Linq.Enumerable.Select(discriminator.DerivedTypes, d => d.Value + " → " + d.TypeFullName.Substring(d.TypeFullName.LastIndexOf('.') + 1)))
                + "); an unknown value reads as this base record.");
        }

        writer.Line(GeneratedCode.Attribute);
        if (model.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The API deprecates this schema.\")]");
        }

        string modifiers = model.Discriminator is null ? "public sealed partial record " : "public partial record ";
        writer.Line(modifiers + model.Name + (model.BaseModel is null ? string.Empty : " : global::" + @namespace + "." + model.BaseModel));
        writer.OpenBrace();
        bool first = true;
        foreach (PropertySpec property in model.Properties)
        {
            Separate(writer, ref first);
            writer.Doc("summary", property.Description ?? "The '" + property.JsonName + "' property.");
            if (property.ReadOnly)
            {
                writer.Doc("remarks", "Set by the server; ignored in requests.");
            }
            else if (property.WriteOnly)
            {
                writer.Doc("remarks", "Sent in requests only; the server does not return it.");
            }

            if (property.Deprecated && property.Required)
            {
                // A required member may not be [Obsolete] (CS9042): say it in the documentation instead.
                writer.Doc("remarks", "The API deprecates this property.");
            }
            else if (property.Deprecated)
            {
                writer.Line("[global::System.Obsolete(\"The API deprecates this property.\")]");
            }

            string type = property.Nullable ? property.Type.Nullable : property.Type.FullName;
            writer.Line("public " + (property.Required ? "required " : string.Empty) + type + " " + property.PropertyName + " { get; set; }");
        }

        writer.CloseBrace();
    }

    private static void EmitEnum(SourceWriter writer, EnumSpec spec, string @namespace)
    {
        string name = spec.Name;
        writer.Doc("summary", spec.Description ?? "The values of " + name + ".");
        writer.Doc("remarks", "An open set: a value the server adds later is kept as is (see IsKnown) instead of failing to deserialize.");
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + @namespace + "." + name + ".JsonConverter))]");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        writer.OpenBrace();
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Doc("summary", "Wraps a value, known or not.");
        writer.Doc("param", "The value as the API spells it.", "name=\"value\"");
        writer.Line("public " + name + "(string value)");
        writer.OpenBrace();
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("_value = value;");
        writer.CloseBrace();
        foreach (EnumValueSpec value in spec.Values)
        {
            writer.Line();
            writer.Doc("summary", value.Summary);
            writer.Line("public static " + name + " " + value.MemberName + " { get; } = new " + name + "(" + SourceWriter.Literal(value.Value) + ");");
        }

        writer.Line();
        writer.Doc("summary", "The values the spec lists.");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new " + name + "[]");
        writer.OpenBrace();
        foreach (EnumValueSpec value in spec.Values)
        {
            writer.Line(value.MemberName + ",");
        }

        writer.CloseBrace(";");
        writer.Line();
        writer.Doc("summary", "The value as the API spells it.");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Doc("summary", "Whether the spec lists this value (false for values the server added later).");
        writer.Line("public bool IsKnown");
        writer.OpenBrace();
        writer.Line("get");
        writer.OpenBrace();
        writer.Line("foreach (" + name + " known in KnownValues)");
        writer.OpenBrace();
        writer.Line("if (Equals(known))");
        writer.OpenBrace();
        writer.Line("return true;");
        writer.CloseBrace();
        writer.CloseBrace();
        writer.Line();
        writer.Line("return false;");
        writer.CloseBrace();
        writer.CloseBrace();
        writer.Line();
        writer.Doc("summary", "Wraps a value, known or not.");
        writer.Doc("param", "The value as the API spells it.", "name=\"value\"");
        writer.Line("public static implicit operator " + name + "(string value) => new " + name + "(value);");
        writer.Line();
        writer.Doc("summary", "Compares by value (ordinal).");
        writer.Doc("param", "The left value.", "name=\"left\"");
        writer.Doc("param", "The right value.", "name=\"right\"");
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Line();
        writer.Doc("summary", "Compares by value (ordinal).");
        writer.Doc("param", "The left value.", "name=\"left\"");
        writer.Doc("param", "The right value.", "name=\"right\"");
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Doc("summary", "Reads and writes the value as a JSON string.");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line("public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + name + ">");
        writer.OpenBrace();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override " + name + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("    => reader.TokenType == global::System.Text.Json.JsonTokenType.String");
        writer.Line("        ? new " + name + "(reader.GetString()!)");
        writer.Line("        : throw new global::System.Text.Json.JsonException(\"Expected a string for " + name + ".\");");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("    => writer.WriteStringValue(value.Value);");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override " + name + " ReadAsPropertyName(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("    => new " + name + "(reader.GetString()!);");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override void WriteAsPropertyName(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("    => writer.WritePropertyName(value.Value);");
        writer.CloseBrace();
        writer.CloseBrace();
    }
}
