using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Runtime;

/// <summary>
/// A string enum that keeps the values its spec does not list: generated enum structs implement it, so one converter
/// and one <see cref="OpenEnum.IsKnown{T}(T)"/> serve them all.
/// </summary>
/// <typeparam name="TSelf">The enum struct.</typeparam>
public interface IOpenEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IOpenEnum<TSelf>
{
    /// <summary>The values the spec lists.</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>The value as the API spells it.</summary>
    string Value { get; }

    /// <summary>Wraps a value, known or not.</summary>
    /// <param name="value">The value as the API spells it.</param>
    static abstract TSelf Create(string value);
}

/// <summary>What every open enum can do, written once.</summary>
public static class OpenEnum
{
    /// <summary>Whether the spec lists <paramref name="value"/> (false for values the server added later).</summary>
    /// <typeparam name="T">The enum struct.</typeparam>
    /// <param name="value">The value to look up.</param>
    public static bool IsKnown<T>(T value)
        where T : struct, IOpenEnum<T>
    {
        foreach (T known in T.KnownValues)
        {
            if (known.Equals(value))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Reads and writes an open enum as a JSON string, as a value and as a property name.</summary>
/// <typeparam name="T">The enum struct.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OpenEnumConverter<T> : JsonConverter<T>, IStringConverter
    where T : struct, IOpenEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String
            ? T.Create(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => T.Create(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }
}
