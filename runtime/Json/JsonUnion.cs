using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SpecClient.Runtime;

/// <summary>
/// A generated union (an untagged <c>oneOf</c>/<c>anyOf</c>, or an OpenAPI 3.1 <c>type</c> list): a struct holding one
/// of its variants, or the JSON no variant reads. It lists its variants' types; <see cref="JsonUnionConverter{T}"/>
/// reads and writes every union from that list and the variants' JSON metadata.
/// </summary>
/// <typeparam name="TSelf">The union struct.</typeparam>
public interface IJsonUnion<TSelf>
    where TSelf : struct, IJsonUnion<TSelf>
{
    /// <summary>The variants' types, in the spec's order: case 1 is the first.</summary>
    static abstract IReadOnlyList<Type> Cases { get; }

    /// <summary>What the union holds.</summary>
    JsonUnionValue Value { get; }

    /// <summary>Wraps a value read from JSON.</summary>
    /// <param name="value">The value.</param>
    static abstract TSelf Create(JsonUnionValue value);
}

/// <summary>
/// What a union holds: the number of its variant (1 for the first, 0 for JSON no variant reads) and the value.
/// Generated unions store one and answer from it, so each of them stays a few lines.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonUnionValue : IEquatable<JsonUnionValue>
{
    private readonly object? _value;

    /// <summary>Holds the variant numbered <paramref name="caseNumber"/>.</summary>
    /// <param name="caseNumber">The variant's number, 1 for the first.</param>
    /// <param name="value">The variant's value.</param>
    public JsonUnionValue(int caseNumber, object? value)
    {
        Case = caseNumber;
        _value = value;
    }

    /// <summary>Holds JSON that no variant reads, to be written back as read.</summary>
    /// <param name="json">The JSON.</param>
    public JsonUnionValue(JsonElement json)
    {
        Case = 0;
        _value = json;
    }

    /// <summary>The variant held: 1 for the first, 0 for JSON no variant reads (or a union never set).</summary>
    public int Case { get; }

    /// <summary>The JSON no variant reads; null when a variant is held.</summary>
    public JsonElement? Unknown => Case == 0 ? _value as JsonElement? ?? default(JsonElement) : null;

    /// <summary>The value held (a variant's, or the unknown JSON), boxed.</summary>
    public object? Boxed => _value;

    /// <summary>Whether variant <paramref name="caseNumber"/> is held.</summary>
    /// <param name="caseNumber">The variant's number.</param>
    public bool Is(int caseNumber) => Case == caseNumber && caseNumber != 0;

    /// <summary>The value of variant <paramref name="caseNumber"/>, if it is the one held.</summary>
    /// <typeparam name="T">The variant's type.</typeparam>
    /// <param name="caseNumber">The variant's number.</param>
    /// <param name="value">The value, or default.</param>
    public bool TryGet<T>(int caseNumber, [NotNullWhen(true)] out T? value)
    {
        if (Is(caseNumber) && _value is T held)
        {
            value = held;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value of the variant held, which the caller knows to be a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The variant's type.</typeparam>
    public T As<T>() => (T)_value!;

    /// <inheritdoc/>
    public bool Equals(JsonUnionValue other)
        => Case == other.Case && (_value is JsonElement json && other._value is JsonElement otherJson
            ? json.ValueKind == otherJson.ValueKind && (json.ValueKind == JsonValueKind.Undefined || json.GetRawText() == otherJson.GetRawText())
            : Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonUnionValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Case, _value is JsonElement json ? json.ValueKind : _value);

    /// <summary>The value held, as its own <c>ToString</c> says, or the unknown JSON's text.</summary>
    public override string ToString() => _value is JsonElement { ValueKind: not JsonValueKind.Undefined } json ? json.GetRawText() : _value?.ToString() ?? string.Empty;
}

/// <summary>
/// Reads and writes every generated union. Reading picks the variant in three steps: the JSON token's kind (a string,
/// a number, an object...) leaves the variants that read it; for an object, the records whose required properties are
/// all there, the one naming the most properties no other variant has first, then the one naming the most properties;
/// then the first of those that reads without error. JSON no variant reads is kept and written back as read. Writing
/// writes the variant held.
/// </summary>
/// <typeparam name="T">The union struct.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonUnionConverter<T> : JsonConverter<T>
    where T : struct, IJsonUnion<T>
{
    // A converter belongs to one context's options: what each variant reads is found once, on first use.
    private VariantShape[]? _variants;

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement json = document.RootElement.Clone();
        VariantShape[] variants = _variants ??= VariantShape.Of(T.Cases, options);
        foreach (int index in Candidates(json, variants))
        {
            try
            {
                if (json.Deserialize(variants[index].Info) is object value)
                {
                    return T.Create(new JsonUnionValue(index + 1, value));
                }
            }
            catch (JsonException)
            {
                // Not this variant: the next may read it.
            }
        }

        return T.Create(new JsonUnionValue(json));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        JsonUnionValue held = value.Value;
        if (held.Case > 0)
        {
            JsonSerializer.Serialize(writer, held.Boxed, options.GetTypeInfo(T.Cases[held.Case - 1]));
        }
        else if (held.Unknown is { ValueKind: not JsonValueKind.Undefined } json)
        {
            json.WriteTo(writer);
        }
        else
        {
            throw new JsonException($"The {typeof(T).Name} holds no value: set it to one of its variants before writing it.");
        }
    }

    /// <summary>The variants to try, in order (indexes into the cases).</summary>
    internal static List<int> Candidates(JsonElement json, VariantShape[] variants)
    {
        Tokens token = json.ValueKind switch
        {
            JsonValueKind.String => Tokens.String,
            JsonValueKind.Number => Tokens.Number,
            JsonValueKind.True or JsonValueKind.False => Tokens.Boolean,
            JsonValueKind.Array => Tokens.Array,
            JsonValueKind.Object => Tokens.Object,
            _ => Tokens.Other,
        };
        var candidates = new List<int>();
        for (int i = 0; i < variants.Length; i++)
        {
            if ((variants[i].Tokens & token) != 0)
            {
                candidates.Add(i);
            }
        }

        if (token != Tokens.Object || candidates.Count < 2)
        {
            return candidates;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in json.EnumerateObject())
        {
            present.Add(property.Name);
        }

        // Records missing a required property cannot read it; the rest go best fit first (a stable sort keeps the
        // spec's order among equals), and variants that are not records after them.
        candidates.RemoveAll(i => variants[i].Required is HashSet<string> required && !present.IsSupersetOf(required));
        var ranked = new List<(int Index, int Unique, int Known)>();
        foreach (int i in candidates)
        {
            ranked.Add(variants[i].Names is null ? (i, -1, -1) : (i, Count(variants[i].Unique!, present), Count(variants[i].Names!, present)));
        }

        ranked.Sort((a, b) => a.Unique != b.Unique ? b.Unique.CompareTo(a.Unique) : a.Known != b.Known ? b.Known.CompareTo(a.Known) : a.Index.CompareTo(b.Index));
        return ranked.ConvertAll(r => r.Index);
    }

    private static int Count(HashSet<string> names, HashSet<string> present)
    {
        int count = 0;
        foreach (string name in present)
        {
            count += names.Contains(name) ? 1 : 0;
        }

        return count;
    }
}

/// <summary>The JSON tokens a union's variant reads from.</summary>
[Flags]
internal enum Tokens
{
    String = 1,
    Number = 2,
    Boolean = 4,
    Array = 8,
    Object = 16,

    /// <summary>null, or anything else no typed variant reads.</summary>
    Other = 32,
    Any = String | Number | Boolean | Array | Object | Other,
}

/// <summary>
/// What one variant of a union reads: its metadata, the JSON tokens, and for a record its property names (all, the
/// required ones, and those no other variant of the union has).
/// </summary>
internal sealed class VariantShape
{
    private VariantShape(JsonTypeInfo info, Tokens tokens)
    {
        Info = info;
        Tokens = tokens;
    }

    public JsonTypeInfo Info { get; }

    public Tokens Tokens { get; }

    public HashSet<string>? Names { get; private set; }

    public HashSet<string>? Required { get; private set; }

    public HashSet<string>? Unique { get; private set; }

    public static VariantShape[] Of(IReadOnlyList<Type> cases, JsonSerializerOptions options)
    {
        var shapes = new VariantShape[cases.Count];
        for (int i = 0; i < cases.Count; i++)
        {
            JsonTypeInfo info = options.GetTypeInfo(cases[i]);
            var shape = new VariantShape(info, TokensOf(info));
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                shape.Names = new HashSet<string>(StringComparer.Ordinal);
                shape.Required = new HashSet<string>(StringComparer.Ordinal);

                // The members a variant requires tell variants apart however tolerantly they are then read: only the
                // strict metadata marks them.
                foreach (JsonPropertyInfo property in StrictReading.For(options).GetTypeInfo(cases[i]).Properties)
                {
                    shape.Names.Add(property.Name);
                    if (property.IsRequired)
                    {
                        shape.Required.Add(property.Name);
                    }
                }

                if (info.PolymorphismOptions?.TypeDiscriminatorPropertyName is string discriminator)
                {
                    shape.Names.Add(discriminator);
                }
            }

            shapes[i] = shape;
        }

        foreach (VariantShape shape in shapes)
        {
            if (shape.Names is null)
            {
                continue;
            }

            shape.Unique = new HashSet<string>(shape.Names, StringComparer.Ordinal);
            foreach (VariantShape other in shapes)
            {
                if (other.Names is not null && !ReferenceEquals(other, shape))
                {
                    shape.Unique.ExceptWith(other.Names);
                }
            }
        }

        return shapes;
    }

    /// <summary>The tokens a type reads from, known from its metadata: no reflection.</summary>
    private static Tokens TokensOf(JsonTypeInfo info)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
            case JsonTypeInfoKind.Dictionary:
                return Tokens.Object;
            case JsonTypeInfoKind.Enumerable:
                return Tokens.Array;
        }

        Type type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || info.Converter is IStringConverter)
        {
            return Tokens.String;
        }

        if (type == typeof(bool))
        {
            return Tokens.Boolean;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal)
            || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong))
        {
            return Tokens.Number;
        }

        // JsonElement, a union nested in a union, a type with a converter of its own: let reading decide.
        return Tokens.Any;
    }
}

/// <summary>A converter reading only JSON strings (open enums): a union tries its type for strings only.</summary>
internal interface IStringConverter
{
}
