using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SpecClient.Runtime;

/// <summary>
/// Creates the System.Text.Json metadata of generated types, one call per type and one per property: what the
/// System.Text.Json source generator writes out in full for every type, written once here. Called by generated JSON
/// contexts. Safe for trimming and Native AOT: the only reflection, finding a record's property accessors by name, is
/// over public properties the trimmer keeps (see <see cref="JsonPropertyList{T}"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedJson
{
    /// <summary>
    /// The metadata of <typeparamref name="T"/> in a context's options: what a generated context's properties return,
    /// on every call that sends or reads a body. The last answer per type is kept, so a call costs a field read instead
    /// of the options' cache lookup (about 20 ns each); it is checked against the options it belongs to, so contexts
    /// with other options simply ask again.
    /// </summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="context">The generated context.</param>
    public static JsonTypeInfo<T> Info<T>(JsonSerializerContext context)
    {
        JsonSerializerOptions options = context.Options;
        if (LastInfo<T>.Value is { } last && ReferenceEquals(last.Options, options))
        {
            return last;
        }

        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        LastInfo<T>.Value = info;
        return info;
    }

    private static class LastInfo<T>
    {
        // One reference, written whole: a reader sees an answer for some options, and checks which.
        public static JsonTypeInfo<T>? Value;
    }

    /// <summary>A value read and written by one converter (built-in values, open enums).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="context">The context that resolves it.</param>
    /// <param name="options">The options it is created for.</param>
    /// <param name="converter">The converter.</param>
    public static JsonTypeInfo<T> Value<T>(JsonSerializerContext context, JsonSerializerOptions options, JsonConverter<T> converter)
        => Resolved(JsonMetadataServices.CreateValueInfo<T>(options, converter), context);

    /// <summary>An open enum struct.</summary>
    /// <typeparam name="T">The enum struct.</typeparam>
    /// <param name="context">The context that resolves it.</param>
    /// <param name="options">The options it is created for.</param>
    public static JsonTypeInfo<T> OpenEnum<T>(JsonSerializerContext context, JsonSerializerOptions options)
        where T : struct, IOpenEnum<T>
        => Value(context, options, new OpenEnumConverter<T>());

    /// <summary>A generated union struct.</summary>
    /// <typeparam name="T">The union struct.</typeparam>
    /// <param name="context">The context that resolves it and its variants.</param>
    /// <param name="options">The options it is created for.</param>
    public static JsonTypeInfo<T> Union<T>(JsonSerializerContext context, JsonSerializerOptions options)
        where T : struct, IJsonUnion<T>
        => Value(context, options, new JsonUnionConverter<T>());

    /// <summary>A <see cref="Nullable{T}"/>.</summary>
    /// <typeparam name="T">The underlying value type.</typeparam>
    /// <param name="context">The context that resolves it.</param>
    /// <param name="options">The options it is created for.</param>
    public static JsonTypeInfo<T?> Nullable<T>(JsonSerializerContext context, JsonSerializerOptions options)
        where T : struct
        => Value(context, options, JsonMetadataServices.GetNullableConverter<T>(options));

    /// <summary>A <see cref="List{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="context">The context that resolves it.</param>
    /// <param name="options">The options it is created for.</param>
    public static JsonTypeInfo<List<T>> List<T>(JsonSerializerContext context, JsonSerializerOptions options)
        => Resolved(JsonMetadataServices.CreateListInfo<List<T>, T>(options, new JsonCollectionInfoValues<List<T>> { ObjectCreator = static () => new List<T>() }), context);

    /// <summary>A <see cref="Dictionary{TKey, TValue}"/> with string keys.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="context">The context that resolves it.</param>
    /// <param name="options">The options it is created for.</param>
    public static JsonTypeInfo<Dictionary<string, T>> Dictionary<T>(JsonSerializerContext context, JsonSerializerOptions options)
        => Resolved(
            JsonMetadataServices.CreateDictionaryInfo<Dictionary<string, T>, string, T>(options, new JsonCollectionInfoValues<Dictionary<string, T>> { ObjectCreator = static () => new Dictionary<string, T>() }),
            context);

    /// <summary>A generated record and its properties.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="context">The context that resolves it.</param>
    /// <param name="options">The options it is created for.</param>
    /// <param name="create">Creates an empty instance for the deserializer to fill.</param>
    /// <param name="properties">Adds the record's JSON properties, its base record's first.</param>
    /// <param name="polymorphism">For a polymorphic base record, its variants (see <see cref="Variants"/>).</param>
    public static JsonTypeInfo<T> Object<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(JsonSerializerContext context, JsonSerializerOptions options, Func<T> create, Action<JsonPropertyList<T>> properties, JsonPolymorphismOptions? polymorphism = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(properties);
        var values = new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ =>
            {
                var list = new JsonPropertyList<T>(options);
                properties(list);
                return list.ToArray();
            },
        };
        JsonTypeInfo<T> typeInfo = JsonMetadataServices.CreateObjectInfo(options, values);
        typeInfo.PolymorphismOptions = polymorphism;
        return Resolved(typeInfo, context);
    }

    /// <summary>
    /// How a polymorphic base record picks its variant: the discriminator property and a variant per value. A value no
    /// variant claims reads as the base record instead of failing.
    /// </summary>
    /// <param name="discriminatorProperty">The JSON property naming the variant.</param>
    /// <param name="variants">The variants and their discriminator values.</param>
    public static JsonPolymorphismOptions Variants(string discriminatorProperty, params JsonDerivedType[] variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = discriminatorProperty,
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToBaseType,
            IgnoreUnrecognizedTypeDiscriminators = true,
        };
        foreach (JsonDerivedType variant in variants)
        {
            polymorphism.DerivedTypes.Add(variant);
        }

        return polymorphism;
    }

    private static JsonTypeInfo<T> Resolved<T>(JsonTypeInfo<T> typeInfo, JsonSerializerContext context)
    {
        typeInfo.OriginatingResolver = context;
        return typeInfo;
    }
}

/// <summary>
/// The JSON properties of a generated record, added one call each by its JSON context. A property is named, not given
/// as a getter and a setter lambda: two lambdas per property were a third of what a whole-API client cost to compile
/// (docs/benchmarks.md). Its accessors are bound once per options instance, as typed delegates to the property's own
/// get and set methods, so reading and writing costs what the lambdas cost.
/// </summary>
/// <typeparam name="T">The record; the trimmer keeps its public properties, which this class finds by name.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyList<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
    where T : class
{
    private readonly JsonSerializerOptions _options;
    private readonly bool _strict;
    private readonly List<JsonPropertyInfo> _properties = new();

    internal JsonPropertyList(JsonSerializerOptions options)
    {
        _options = options;
        _strict = StrictReading.IsStrict(options);
    }

    /// <summary>A property that may be absent from the JSON.</summary>
    /// <typeparam name="TValue">The property's type, exactly as the record declares it.</typeparam>
    /// <param name="jsonName">The property's name in JSON.</param>
    /// <param name="propertyName">The record's public property, read and written through its accessors.</param>
    public JsonPropertyList<T> Add<TValue>(string jsonName, string propertyName)
    {
        _properties.Add(Create<TValue>(jsonName, propertyName));
        return this;
    }

    /// <summary>
    /// A property the spec requires in responses. Read tolerantly, a response without it leaves it at its default;
    /// only metadata made for strict options (<see cref="ApiConnection.StrictResponseReading"/>) refuses the response.
    /// </summary>
    /// <typeparam name="TValue">The property's type, exactly as the record declares it.</typeparam>
    /// <param name="jsonName">The property's name in JSON.</param>
    /// <param name="propertyName">The record's public property, read and written through its accessors.</param>
    public JsonPropertyList<T> Required<TValue>(string jsonName, string propertyName)
    {
        JsonPropertyInfo property = Create<TValue>(jsonName, propertyName);
        property.IsRequired = _strict;
        _properties.Add(property);
        return this;
    }

    internal JsonPropertyInfo[] ToArray() => _properties.ToArray();

    private JsonPropertyInfo Create<TValue>(string jsonName, string propertyName)
    {
        PropertyInfo? property = typeof(T).GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance);
        if (property is null || property.PropertyType != typeof(TValue) || property.GetMethod is null || property.SetMethod is null)
        {
            // Only a generator that disagrees with itself gets here; say so instead of failing later in the serializer.
            throw new InvalidOperationException(
                $"{typeof(T)} has no public read-write property {propertyName} of type {typeof(TValue)} for the JSON property '{jsonName}'.");
        }

        Func<T, TValue> get = property.GetMethod.CreateDelegate<Func<T, TValue>>();
        Action<T, TValue> set = property.SetMethod.CreateDelegate<Action<T, TValue>>();
        return JsonMetadataServices.CreatePropertyInfo(_options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(T),
            PropertyName = propertyName,
            JsonPropertyName = jsonName,
            Getter = owner => get((T)owner),

            // A null where the record declares a non-nullable member is the server's to answer for: it is stored as read.
            Setter = (owner, value) => set((T)owner, value!),
        });
    }
}
