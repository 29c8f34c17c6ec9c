using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Simulator.Json;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> the way the service does (<c>2021-02-18T18:51:46Z</c>:
/// UTC, whole seconds, a literal Z) and reads any ISO-8601 form.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    internal const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.GetString();
        if (text is null
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
        {
            throw new JsonException($"'{text}' is not an ISO-8601 date-time.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteStringValue(ToWire(value));

    internal static string ToWire(DateTimeOffset value)
        => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
