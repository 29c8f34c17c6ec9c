using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>
/// Prints the spec's <c>JsonSerializerContext</c>. The System.Text.Json source generator cannot see types that
/// another generator emits, so this context is written the way that generator writes one: metadata built with
/// <c>JsonMetadataServices</c>, no reflection, safe for trimming and Native AOT.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    public static string Emit(ApiSpec spec)
    {
        JsonContextSpec context = spec.JsonContext;
        string name = context.ClassName;
        SourceWriter writer = GeneratedCode.StartFile(spec.Namespace, spec.SourceName);
        writer.Doc("summary", "System.Text.Json metadata for every type of " + spec.RootClient.ClassName + ": use it to read or write the models yourself.");
        writer.Doc("remarks", "Defaults: properties that are null are not written, so optional fields stay absent in requests.");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public sealed partial class " + name + " : global::System.Text.Json.Serialization.JsonSerializerContext, " + Metadata + ".IJsonTypeInfoResolver");
        writer.OpenBrace();
        writer.Line("private static readonly " + Options + " s_defaultOptions = new " + Options + "()");
        writer.OpenBrace();
        writer.Line("DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,");
        writer.Line("#if NET9_0_OR_GREATER");
        // Servers do not always write a polymorphic object's discriminator first.
        writer.Line("AllowOutOfOrderMetadataProperties = true,");
        writer.Line("#endif");
        writer.CloseBrace(";");
        writer.Line();
        writer.Doc("summary", "The shared instance with SpecClient's default options.");
        writer.Line("public static " + name + " Default { get; } = new " + name + "(new " + Options + "(s_defaultOptions));");
        writer.Line();
        writer.Doc("summary", "Creates a context with SpecClient's default options.");
        writer.Line("public " + name + "()");
        writer.Line("    : base(null)");
        writer.OpenBrace();
        writer.CloseBrace();
        writer.Line();
        writer.DocXml("<summary>Creates a context bound to <paramref name=\"options\"/>.</summary>");
        writer.Doc("param", "The options; the context becomes their type-info resolver.", "name=\"options\"");
        writer.Line("public " + name + "(" + Options + " options)");
        writer.Line("    : base(options)");
        writer.OpenBrace();
        writer.CloseBrace();
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("protected override " + Options + "? GeneratedSerializerOptions => s_defaultOptions;");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        writer.Line("public override " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.OpenBrace();
        writer.Line("Options.TryGetTypeInfo(type, out " + Metadata + ".JsonTypeInfo? typeInfo);");
        writer.Line("return typeInfo;");
        writer.CloseBrace();
        writer.Line();
        writer.Line(Metadata + ".JsonTypeInfo? " + Metadata + ".IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Options + " options)");
        writer.OpenBrace();
        foreach (JsonTypeSpec type in context.Types)
        {
            writer.Line("if (type == typeof(" + type.Type.FullName + "))");
            writer.OpenBrace();
            writer.Line("return " + CreateMethod(type) + "(options);");
            writer.CloseBrace();
            writer.Line();
        }

        writer.Line("return null;");
        writer.CloseBrace();
        var models = new System.Collections.Generic.Dictionary<string, ModelSpec>(System.StringComparer.Ordinal);
        foreach (ModelSpec model in spec.Models)
        {
            models[model.Name] = model;
        }

        foreach (JsonTypeSpec type in context.Types)
        {
            writer.Line();
            EmitTypeInfo(writer, models, type);
        }

        writer.CloseBrace();
        return GeneratedCode.EndFile(writer);
    }

    private static void EmitTypeInfo(SourceWriter writer, System.Collections.Generic.Dictionary<string, ModelSpec> models, JsonTypeSpec type)
    {
        string typeName = type.Type.FullName;
        string typeInfo = Metadata + ".JsonTypeInfo<" + typeName + ">";
        string field = "_" + type.PropertyName;
        writer.Line("private " + typeInfo + "? " + field + ";");
        writer.Line();
        writer.DocXml("<summary>Metadata for " + DocTypeName(typeName) + ".</summary>");
        writer.Line("public " + typeInfo + " " + type.PropertyName + " => " + field + " ??= (" + typeInfo + ")Options.GetTypeInfo(typeof(" + typeName + "));");
        writer.Line();
        writer.Line("private " + typeInfo + " " + CreateMethod(type) + "(" + Options + " options)");
        writer.OpenBrace();
        switch (type.Kind)
        {
            case JsonTypeKind.Primitive:
                writer.Line(typeInfo + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + typeName + ">(options, " + Metadata + ".JsonMetadataServices." + type.PrimitiveConverter + ");");
                break;
            case JsonTypeKind.NullableValue:
                writer.Line(typeInfo + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + typeName + ">(options, " + Metadata + ".JsonMetadataServices.GetNullableConverter<" + type.ElementType!.FullName + ">(options));");
                break;
            case JsonTypeKind.Enum:
                writer.Line(typeInfo + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + typeName + ">(options, new " + typeName + ".JsonConverter());");
                break;
            case JsonTypeKind.List:
                EmitCollectionInfo(writer, typeInfo, typeName, "CreateListInfo<" + typeName + ", " + type.ElementType!.FullName + ">");
                break;
            case JsonTypeKind.Dictionary:
                EmitCollectionInfo(writer, typeInfo, typeName, "CreateDictionaryInfo<" + typeName + ", string, " + type.ElementType!.FullName + ">");
                break;
            case JsonTypeKind.Object:
                EmitObjectInfo(writer, models, type, typeInfo);
                break;
        }

        writer.Line("typeInfo.OriginatingResolver = this;");
        writer.Line("return typeInfo;");
        writer.CloseBrace();
        if (type.Kind == JsonTypeKind.Object)
        {
            writer.Line();
            EmitProperties(writer, models, type);
        }
    }

    private static void EmitCollectionInfo(SourceWriter writer, string typeInfo, string typeName, string createMethod)
    {
        writer.Line("var collection = new " + Metadata + ".JsonCollectionInfoValues<" + typeName + ">");
        writer.OpenBrace();
        writer.Line("ObjectCreator = static () => new " + typeName + "(),");
        writer.CloseBrace(";");
        writer.Line(typeInfo + " typeInfo = " + Metadata + ".JsonMetadataServices." + createMethod + "(options, collection);");
    }

    private static void EmitObjectInfo(SourceWriter writer, System.Collections.Generic.Dictionary<string, ModelSpec> models, JsonTypeSpec type, string typeInfo)
    {
        ModelSpec model = models[type.Model!];
        string typeName = type.Type.FullName;

        // Required members must be set by whoever creates the object; the deserializer then overwrites them.
        string requiredInit = string.Join(", ", AllProperties(models, model).Where(p => p.Required).Select(p => p.PropertyName + " = default!"));
        writer.Line("var objectInfo = new " + Metadata + ".JsonObjectInfoValues<" + typeName + ">");
        writer.OpenBrace();
        writer.Line("ObjectCreator = static () => new " + typeName + (requiredInit.Length == 0 ? "()" : " { " + requiredInit + " }") + ",");
        writer.Line("PropertyMetadataInitializer = _ => " + PropertiesMethod(type) + "(options),");
        writer.CloseBrace(";");
        writer.Line(typeInfo + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateObjectInfo<" + typeName + ">(options, objectInfo);");
        if (model.Discriminator is DiscriminatorSpec discriminator)
        {
            writer.Line("typeInfo.PolymorphismOptions = new " + Metadata + ".JsonPolymorphismOptions");
            writer.OpenBrace();
            writer.Line("TypeDiscriminatorPropertyName = " + SourceWriter.Literal(discriminator.PropertyName) + ",");
            writer.Line("UnknownDerivedTypeHandling = global::System.Text.Json.Serialization.JsonUnknownDerivedTypeHandling.FallBackToBaseType,");
            writer.Line("IgnoreUnrecognizedTypeDiscriminators = true,");
            writer.Line("DerivedTypes =");
            writer.OpenBrace();
            foreach (DerivedTypeSpec derived in discriminator.DerivedTypes)
            {
                writer.Line("new " + Metadata + ".JsonDerivedType(typeof(" + derived.TypeFullName + "), " + SourceWriter.Literal(derived.Value) + "),");
            }

            writer.CloseBrace(",");
            writer.CloseBrace(";");
        }
    }

    /// <summary>A record's JSON properties: its base's first, then its own.</summary>
    private static System.Collections.Generic.List<PropertySpec> AllProperties(System.Collections.Generic.Dictionary<string, ModelSpec> models, ModelSpec model)
    {
        var chain = new System.Collections.Generic.List<ModelSpec>();
        for (ModelSpec? current = model; current is not null && chain.Count < 64; current = current.BaseModel is string baseName && models.TryGetValue(baseName, out ModelSpec? baseModel) ? baseModel : null)
        {
            chain.Insert(0, current);
        }

        return chain.SelectMany(m => m.Properties).ToList();
    }

    private static void EmitProperties(SourceWriter writer, System.Collections.Generic.Dictionary<string, ModelSpec> models, JsonTypeSpec type)
    {
        System.Collections.Generic.List<PropertySpec> properties = AllProperties(models, models[type.Model!]);
        string typeName = type.Type.FullName;
        writer.Line("private static " + Metadata + ".JsonPropertyInfo[] " + PropertiesMethod(type) + "(" + Options + " options)");
        writer.OpenBrace();
        writer.Line("var properties = new " + Metadata + ".JsonPropertyInfo[" + properties.Count + "];");
        for (int i = 0; i < properties.Count; i++)
        {
            PropertySpec property = properties[i];
            string propertyType = property.Nullable && property.Type.IsValueType ? property.Type.Nullable : property.Type.FullName;
            writer.Line("properties[" + i + "] = " + Metadata + ".JsonMetadataServices.CreatePropertyInfo<" + propertyType + ">(options, new " + Metadata + ".JsonPropertyInfoValues<" + propertyType + ">");
            writer.OpenBrace();
            writer.Line("IsProperty = true,");
            writer.Line("IsPublic = true,");
            writer.Line("DeclaringType = typeof(" + typeName + "),");
            writer.Line("PropertyName = " + SourceWriter.Literal(property.PropertyName.TrimStart('@')) + ",");
            writer.Line("JsonPropertyName = " + SourceWriter.Literal(property.JsonName) + ",");
            writer.Line("Getter = static obj => ((" + typeName + ")obj)." + property.PropertyName + ",");
            writer.Line("Setter = static (obj, value) => ((" + typeName + ")obj)." + property.PropertyName + " = value" + (property.Nullable ? string.Empty : "!") + ",");
            writer.CloseBrace(");");
            if (property.RequiredWhenReading)
            {
                writer.Line("properties[" + i + "].IsRequired = true;");
            }
        }

        writer.Line("return properties;");
        writer.CloseBrace();
    }

    // Type-info property names never contain '_' past their first character, so these cannot collide with them.
    private static string CreateMethod(JsonTypeSpec type) => "Create_" + type.PropertyName;

    private static string PropertiesMethod(JsonTypeSpec type) => "Properties_" + type.PropertyName;

    /// <summary>
    /// A cref for plain types (kept <c>global::</c>-qualified: a schema named System must not capture it); constructed
    /// generics and nullables cannot be crefs, so they are printed as code.
    /// </summary>
    private static string DocTypeName(string fullName)
        => fullName.IndexOf('<') >= 0 || fullName.EndsWith("?", System.StringComparison.Ordinal)
            ? "<c>" + SourceWriter.Escape(fullName.Replace("global::", string.Empty)) + "</c>"
            : "<see cref=\"" + fullName + "\"/>";
}
