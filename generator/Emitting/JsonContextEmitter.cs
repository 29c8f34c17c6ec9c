using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>
/// Prints the spec's <c>JsonSerializerContext</c>. The System.Text.Json source generator cannot see types that
/// another generator emits, so this context is written the way that generator writes one, with the repetitive part
/// in the runtime's <c>GeneratedJson</c>: one call per type and one line per property (its JSON name, type and C#
/// name), safe for trimming and Native AOT.
/// </summary>
internal static class JsonContextEmitter
{
    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";
    private const string Helpers = "global::SpecClient.Runtime.GeneratedJson";

    public static string Emit(ApiSpec spec)
    {
        JsonContextSpec context = spec.JsonContext;
        string name = context.ClassName;
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SourceName);
        writer.Doc("summary", "System.Text.Json metadata for every type of " + spec.RootClient.ClassName + ": use it to read or write the models yourself.");
        writer.Doc("remarks", "Defaults: properties that are null are not written, so optional fields stay absent in requests.");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public sealed partial class " + name + " : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        writer.OpenBrace();
        writer.Lines($$"""
            private static readonly {{Options}} s_defaultOptions = new {{Options}}()
            {
                DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            #if NET9_0_OR_GREATER
                // Servers do not always write a polymorphic object's discriminator first.
                AllowOutOfOrderMetadataProperties = true,
            #endif
            };

            /// <summary>The shared instance with SpecClient's default options.</summary>
            public static {{name}} Default { get; } = new {{name}}(new {{Options}}(s_defaultOptions));

            /// <summary>Creates a context with SpecClient's default options.</summary>
            public {{name}}()
                : base(null)
            {
            }

            /// <summary>Creates a context bound to <paramref name="options"/>.</summary>
            /// <param name="options">The options; the context becomes their type-info resolver.</param>
            public {{name}}({{Options}} options)
                : base(options)
            {
            }

            /// <inheritdoc/>
            protected override {{Options}}? GeneratedSerializerOptions => s_defaultOptions;

            /// <inheritdoc/>
            public override {{TypeInfo}}? GetTypeInfo(global::System.Type type)
            {
                Options.TryGetTypeInfo(type, out {{TypeInfo}}? typeInfo);
                return typeInfo;
            }

            {{TypeInfo}}? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {{Options}} options)
            {
            """);
        writer.Indent();
        foreach (JsonTypeSpec type in context.Types)
        {
            writer.Line("if (type == typeof(" + type.Type.Identifier + ")) return " + (type.Type.Kind == TypeRefKind.Model ? CreateMethod(type) + "(options)" : ValueInfo(type.Type)) + ";");
        }

        writer.Line("return null;");
        writer.CloseBrace();
        writer.Line();
        writer.Line("private " + TypeInfo + "<T> Info<T>() => global::SpecClient.Runtime.GeneratedJson.Info<T>(this);");
        foreach (JsonTypeSpec type in context.Types)
        {
            if (type.Exposed)
            {
                writer.Line();
                writer.DocXml("<summary>Metadata for " + DocTypeName(type.Type) + ".</summary>");
                writer.Line("public " + TypeInfo + "<" + type.Type.Identifier + "> " + type.Type.MetadataName + " => Info<" + type.Type.Identifier + ">();");
            }

            if (type.Type.Kind == TypeRefKind.Model)
            {
                // One method per record: the trimming analyzers (IsAotCompatible) follow the lambdas of one method
                // together, so one method holding every record's lambdas takes them ten times longer.
                writer.Line();
                EmitObject(writer, type);
            }
        }

        writer.CloseBrace();
        return GeneratedCode.EndFile(writer);
    }

    /// <summary>The metadata of a type that is not a record: one runtime call.</summary>
    private static string ValueInfo(TypeRefSpec type) => type.Kind switch
    {
        TypeRefKind.Nullable => Helpers + ".Nullable<" + type.Element!.Identifier + ">(this, options)",
        TypeRefKind.Enum => Helpers + ".OpenEnum<" + type.Identifier + ">(this, options)",
        TypeRefKind.Union => Helpers + ".Union<" + type.Identifier + ">(this, options)",
        TypeRefKind.List => Helpers + ".List<" + type.Element!.Identifier + ">(this, options)",
        TypeRefKind.Dictionary => Helpers + ".Dictionary<" + type.Element!.Identifier + ">(this, options)",
        _ => Helpers + ".Value(this, options, global::System.Text.Json.Serialization.Metadata.JsonMetadataServices." + Converter(type) + ")",
    };

    /// <summary>A record's metadata: its own method, one line per property.</summary>
    private static void EmitObject(SourceWriter writer, JsonTypeSpec spec)
    {
        string start = "private " + TypeInfo + " " + CreateMethod(spec) + "(" + Options + " o) => ";
        // Required members must be set by whoever creates the object; the deserializer then overwrites them.
        string requiredInit = string.Join(", ", spec.Properties.Where(p => p.Required).Select(p => p.PropertyName + " = default!"));
        string create = "static () => new()" + (requiredInit.Length == 0 ? string.Empty : " { " + requiredInit + " }");
        string polymorphism = spec.Discriminator is DiscriminatorSpec discriminator
            ? ", " + Helpers + ".Variants(" + SourceWriter.Literal(discriminator.PropertyName)
                + string.Concat(discriminator.DerivedTypes.Select(d => ", new global::System.Text.Json.Serialization.Metadata.JsonDerivedType(typeof(" + d.Type.Identifier + "), " + SourceWriter.Literal(d.Value) + ")")) + ")"
            : string.Empty;
        string call = start + Helpers + ".Object<" + spec.Type.Identifier + ">(this, o, " + create + ", ";
        if (spec.Properties.IsEmpty)
        {
            writer.Line(call + "static _ => { }" + polymorphism + ");");
            return;
        }

        // Each property is named with its type, not given as getter and setter lambdas: the runtime binds the record's own
        // accessors, and the lambdas cost a third of a whole-API client's compile time (docs/benchmarks.md).
        writer.Line(call + "static p => p");
        writer.Indent();
        for (int i = 0; i < spec.Properties.Count; i++)
        {
            PropertySpec property = spec.Properties[i];
            string end = i == spec.Properties.Count - 1 ? polymorphism + ");" : string.Empty;
            writer.Line("." + (property.RequiredWhenReading ? "Required" : "Add") + "<" + property.Type.Identifier + ">(" + SourceWriter.Literal(property.JsonName)
                + ", " + SourceWriter.Literal(property.PropertyName.TrimStart('@')) + ")" + end);
        }

        writer.Outdent();
    }

    // Metadata names never start with "Create_", and a name cannot hold a '_' after "Create": no collisions.
    private static string CreateMethod(JsonTypeSpec type) => "Create_" + type.Type.MetadataName;

    private static string Converter(TypeRefSpec type) => type.Kind == TypeRefKind.Json
        ? "JsonElementConverter"
        : type.Primitive switch
        {
            PrimitiveKind.Boolean => "BooleanConverter",
            PrimitiveKind.Int32 => "Int32Converter",
            PrimitiveKind.Int64 => "Int64Converter",
            PrimitiveKind.Single => "SingleConverter",
            PrimitiveKind.Double => "DoubleConverter",
            PrimitiveKind.DateTimeOffset => "DateTimeOffsetConverter",
            _ => "StringConverter",
        };

    /// <summary>
    /// The type as code, not a cref: inside the context a record's simple name would resolve to its metadata property,
    /// and constructed generics cannot be crefs at all.
    /// </summary>
    private static string DocTypeName(TypeRefSpec type) => SourceWriter.Escape(type.DisplayName);
}
