using System.Linq;
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
            EmitModel(writer, model);
        }

        foreach (EnumSpec enumSpec in spec.Enums)
        {
            Separate(writer, ref first);
            EmitEnum(writer, enumSpec);
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

    private static void EmitModel(SourceWriter writer, ModelSpec model)
    {
        writer.Doc("summary", model.Description ?? "The " + model.SchemaName + " schema.");
        if (model.Discriminator is DiscriminatorSpec discriminator)
        {
            writer.Doc("remarks", "Polymorphic: the '" + discriminator.PropertyName + "' property picks the derived record ("
                + string.Join(", ", discriminator.DerivedTypes.Select(d => d.Value + " → " + d.Type.Name))
                + "); an unknown value reads as this base record.");
        }

        writer.Line(GeneratedCode.Attribute);
        if (model.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The API deprecates this schema.\")]");
        }

        string modifiers = model.Discriminator is null ? "public sealed partial record " : "public partial record ";
        writer.Line(modifiers + model.Name + (model.Base is null ? string.Empty : " : " + model.Base.Identifier));
        writer.OpenBrace();
        bool first = true;
        foreach (PropertySpec property in model.Properties)
        {
            Separate(writer, ref first);
            // Who sets the property is said in the summary itself: one line instead of a remarks element on a thousand properties.
            string summary = property.Description ?? "The '" + property.JsonName + "' property.";
            writer.Doc("summary", property.ReadOnly ? summary + " Set by the server." : property.WriteOnly ? summary + " Sent in requests only." : summary);
            if (property.Deprecated && property.Required)
            {
                // A required member may not be [Obsolete] (CS9042): say it in the documentation instead.
                writer.Doc("remarks", "The API deprecates this property.");
            }
            else if (property.Deprecated)
            {
                writer.Line("[global::System.Obsolete(\"The API deprecates this property.\")]");
            }

            writer.Line("public " + (property.Required ? "required " : string.Empty) + property.Type.Identifier + " " + property.PropertyName + " { get; set; }");
        }

        writer.CloseBrace();
    }

    /// <summary>
    /// An open enum: a positional record struct holding the value, so construction, equality, hashing and operators come
    /// from the compiler, and reading, writing and <c>IsKnown</c> from the runtime's <c>IOpenEnum</c>.
    /// </summary>
    private static void EmitEnum(SourceWriter writer, EnumSpec spec)
    {
        string name = spec.Name;
        writer.Doc("summary", spec.Description ?? "The values of " + name + ".");
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::SpecClient.Runtime.OpenEnumConverter<" + spec.Type.Identifier + ">))]");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public readonly partial record struct " + name + "(string Value) : global::SpecClient.Runtime.IOpenEnum<" + spec.Type.Identifier + ">");
        writer.OpenBrace();
        foreach (EnumValueSpec value in spec.Values)
        {
            writer.Doc("summary", value.Summary);
            writer.Line("public static " + name + " " + value.MemberName + " { get; } = new(" + SourceWriter.Literal(value.Value) + ");");
        }

        writer.Lines($$"""

            /// <summary>The values the spec lists.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues { get; } = new {{name}}[] { {{string.Join(", ", spec.Values.Select(v => v.MemberName))}} };

            /// <summary>Whether the spec lists this value.</summary>
            public bool IsKnown => global::SpecClient.Runtime.OpenEnum.IsKnown(this);

            /// <summary>Wraps a value as the API spells it, known or not (see IsKnown).</summary>
            public static implicit operator {{name}}(string value) => new(value);

            /// <inheritdoc/>
            public override string ToString() => Value ?? string.Empty;

            static {{name}} global::SpecClient.Runtime.IOpenEnum<{{name}}>.Create(string value) => new(value);
            """);
        writer.CloseBrace();
    }
}
