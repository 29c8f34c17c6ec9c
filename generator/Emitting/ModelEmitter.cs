using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>Prints the schema records, the enum structs and the union structs.</summary>
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

        foreach (UnionSpec union in spec.Unions)
        {
            Separate(writer, ref first);
            EmitUnion(writer, union);
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
        var bases = new List<string>();
        if (model.Base is not null)
        {
            bases.Add(model.Base.Identifier);
        }

        if (model.ErrorFields is not null)
        {
            bases.Add("global::SpecClient.Runtime.IApiError");
        }

        writer.Line(modifiers + model.Name + (bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases)));
        writer.OpenBrace();
        bool first = true;
        if (model.ErrorFields is ErrorFieldsSpec fields)
        {
            // Explicit: the record's own members stay as the spec names them; ApiException reads these fields.
            writer.Line("string? global::SpecClient.Runtime.IApiError.ErrorCodeField => " + (fields.CodeField is null ? "null" : SourceWriter.Literal(fields.CodeField)) + ";");
            writer.Line();
            writer.Line("string? global::SpecClient.Runtime.IApiError.DetailField => " + (fields.DetailField is null ? "null" : SourceWriter.Literal(fields.DetailField)) + ";");
            first = false;
        }

        foreach (PropertySpec property in model.Properties)
        {
            Separate(writer, ref first);
            // Who sets the property is said in the summary itself: one line instead of a remarks element on a thousand properties.
            string summary = property.Description ?? "The '" + property.JsonName + "' property.";
            writer.Doc("summary", property.ReadOnly ? summary + " Set by the server." : property.WriteOnly ? summary + " Sent in requests only." : summary);
            if (property.Deprecated)
            {
                GeneratedCode.Deprecated(writer, property.Required, "property");
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
            writer.Line("public static readonly " + name + " " + value.MemberName + ";");
        }

        // One static constructor rather than an initializer per value: the trimming analyzers analyze each initializer
        // as a body of its own, a measured few percent of a whole-API build's compile time.
        writer.Lines($$"""

            /// <summary>The values the spec lists.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues { get; }

            static {{name}}()
            """);
        writer.OpenBrace();
        foreach (EnumValueSpec value in spec.Values)
        {
            writer.Line(value.MemberName + " = new(" + SourceWriter.Literal(value.Value) + ");");
        }

        writer.Line("KnownValues = new " + name + "[] { " + string.Join(", ", spec.Values.Select(v => v.MemberName)) + " };");
        writer.CloseBrace();
        writer.Lines($$"""

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

    /// <summary>
    /// A union: a positional record struct holding the runtime's <c>JsonUnionValue</c> (which variant, and its value), so
    /// equality comes from the compiler and reading, writing and choosing the variant from the runtime's
    /// <c>JsonUnionConverter</c>. Per variant: <c>IsX</c>, <c>TryGetX</c> and a conversion; then <c>Match</c> and <c>Switch</c>.
    /// </summary>
    private static void EmitUnion(SourceWriter writer, UnionSpec spec)
    {
        const string Runtime = "global::SpecClient.Runtime.";
        const string Json = "global::System.Text.Json.JsonElement";
        string name = spec.Name;
        writer.Doc("summary", spec.Description ?? "The " + spec.SchemaName + " schema.");
        writer.DocXml("<remarks>One of " + string.Join(", ", spec.Variants.Select(v => DocType(v.Type))) + "; JSON none of them reads is kept as read (<see cref=\"Unknown\"/>).</remarks>");
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + Runtime + "JsonUnionConverter<" + name + ">))]");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public readonly partial record struct " + name + "(" + Runtime + "JsonUnionValue Value) : " + Runtime + "IJsonUnion<" + name + ">");
        writer.OpenBrace();
        for (int i = 0; i < spec.Variants.Count; i++)
        {
            UnionVariantSpec variant = spec.Variants[i];
            string number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string type = variant.Type.Identifier;
            string notNull = variant.Type.IsValueType ? string.Empty : "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
            writer.Lines($$"""
                /// <summary>Whether it holds a {{DocType(variant.Type)}}.</summary>
                public bool Is{{variant.MemberName}} => Value.Is({{number}});

                /// <summary>The {{DocType(variant.Type)}} it holds, if it holds one.</summary>
                public bool TryGet{{variant.MemberName}}({{notNull}}out {{type}}{{(variant.Type.IsValueType ? string.Empty : "?")}} value) => Value.TryGet({{number}}, out value);

                /// <summary>Holds <paramref name="value"/>.</summary>
                public static implicit operator {{name}}({{type}} value) => new(new({{number}}, value));

                """);
        }

        string functions = string.Join(", ", spec.Variants.Select(v => "global::System.Func<" + v.Type.Identifier + ", TResult> " + v.ArgumentName));
        string actions = string.Join(", ", spec.Variants.Select(v => "global::System.Action<" + v.Type.Identifier + "> " + v.ArgumentName));
        string cases = string.Concat(spec.Variants.Select((v, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " => " + v.ArgumentName + "(Value.As<" + v.Type.Identifier + ">()), "));
        string statements = string.Concat(spec.Variants.Select((v, i) => "        case " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + v.ArgumentName + "(Value.As<" + v.Type.Identifier + ">()); return;\n"));
        string types = string.Join(", ", spec.Variants.Select(v => "typeof(" + v.Type.Identifier + ")"));
        writer.Lines($$"""
            /// <summary>The JSON no variant reads, kept to be written back as read; null when it holds a variant.</summary>
            public {{Json}}? Unknown => Value.Unknown;

            /// <summary>Calls the function for the variant held (<c>unknown</c> for JSON no variant reads) and returns its result.</summary>
            public TResult Match<TResult>({{functions}}, global::System.Func<{{Json}}, TResult> unknown) => Value.Case switch { {{cases}}_ => unknown(Value.Unknown.GetValueOrDefault()) };

            /// <summary>Calls the action for the variant held (<c>unknown</c> for JSON no variant reads).</summary>
            public void Switch({{actions}}, global::System.Action<{{Json}}> unknown)
            {
                switch (Value.Case)
                {
            {{statements}}        default: unknown(Value.Unknown.GetValueOrDefault()); return;
                }
            }

            /// <inheritdoc/>
            public override string ToString() => Value.ToString();

            static global::System.Collections.Generic.IReadOnlyList<global::System.Type> {{Runtime}}IJsonUnion<{{name}}>.Cases { get; } = new[] { {{types}} };

            static {{name}} {{Runtime}}IJsonUnion<{{name}}>.Create({{Runtime}}JsonUnionValue value) => new(value);
            """);
        writer.CloseBrace();
    }

    /// <summary>A type in documentation: a generated type by reference, anything else as code.</summary>
    private static string DocType(TypeRefSpec type) => type.Kind is TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union
        ? "<see cref=\"" + type.Name + "\"/>"
        : "<c>" + SourceWriter.Escape(type.DisplayName) + "</c>";
}
