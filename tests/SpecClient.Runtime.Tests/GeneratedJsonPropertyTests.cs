using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SpecClient.Runtime;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>
/// The metadata a generated JSON context builds through <see cref="GeneratedJson"/>: properties named with their type,
/// read and written through the record's own accessors.
/// </summary>
public sealed class GeneratedJsonPropertyTests
{
    public sealed record Widget
    {
        public required string Name { get; set; }

        public int? Count { get; set; }

        public List<string>? Tags { get; set; }
    }

    public sealed record Sprocket : PartBase
    {
        public DateTimeOffset? MadeAt { get; set; }
    }

    public abstract record PartBase
    {
        public string? Id { get; set; }
    }

    private sealed class WidgetContext : JsonSerializerContext, IJsonTypeInfoResolver
    {
        private readonly Func<JsonPropertyList<Widget>, JsonPropertyList<Widget>> _widgetProperties;

        public WidgetContext(Func<JsonPropertyList<Widget>, JsonPropertyList<Widget>> widgetProperties, JsonSerializerOptions options)
            : base(options)
        {
            _widgetProperties = widgetProperties;
        }

        protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

        public override JsonTypeInfo? GetTypeInfo(Type type) => Options.GetTypeInfo(type);

        JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            if (type == typeof(Widget)) return GeneratedJson.Object<Widget>(this, options, static () => new() { Name = default! }, p => _widgetProperties(p));
            if (type == typeof(Sprocket)) return GeneratedJson.Object<Sprocket>(this, options, static () => new(), static p => p.Add<string?>("id", "Id").Add<DateTimeOffset?>("madeAt", "MadeAt"));
            if (type == typeof(string)) return GeneratedJson.Value(this, options, JsonMetadataServices.StringConverter);
            if (type == typeof(int?)) return GeneratedJson.Nullable<int>(this, options);
            if (type == typeof(int)) return GeneratedJson.Value(this, options, JsonMetadataServices.Int32Converter);
            if (type == typeof(DateTimeOffset?)) return GeneratedJson.Nullable<DateTimeOffset>(this, options);
            if (type == typeof(DateTimeOffset)) return GeneratedJson.Value(this, options, JsonMetadataServices.DateTimeOffsetConverter);
            if (type == typeof(List<string>)) return GeneratedJson.List<string>(this, options);
            return null;
        }
    }

    private static JsonSerializerOptions Options(Func<JsonPropertyList<Widget>, JsonPropertyList<Widget>> widgetProperties)
    {
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        _ = new WidgetContext(widgetProperties, options);
        return options;
    }

    [Fact]
    public void NamedPropertiesAreReadAndWrittenThroughTheRecordsAccessors()
    {
        JsonSerializerOptions options = Options(p => p.Required<string>("name", "Name").Add<int?>("count", "Count").Add<List<string>>("tags", "Tags"));

        Widget widget = JsonSerializer.Deserialize<Widget>("""{"name":"bolt","count":3,"tags":["a","b"],"extra":1}""", options)!;
        Assert.Equal("bolt", widget.Name);
        Assert.Equal(3, widget.Count);
        Assert.Equal(new[] { "a", "b" }, widget.Tags);

        widget.Count = null;
        Assert.Equal("""{"name":"bolt","tags":["a","b"]}""", JsonSerializer.Serialize(widget, options));
    }

    [Fact]
    public void AnInheritedPropertyIsFoundOnItsBaseRecord()
    {
        JsonSerializerOptions options = Options(p => p);
        Sprocket sprocket = JsonSerializer.Deserialize<Sprocket>("""{"id":"s-1","madeAt":"2026-12-07T10:00:00Z"}""", options)!;

        Assert.Equal("s-1", sprocket.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), sprocket.MadeAt);
        Assert.Equal("""{"id":"s-1","madeAt":"2026-12-07T10:00:00+00:00"}""", JsonSerializer.Serialize(sprocket, options));
    }

    [Theory]
    [InlineData("Missing")]
    [InlineData("Count")]
    public void APropertyThatIsNotThereOrHasAnotherTypeIsRefusedNamingIt(string propertyName)
    {
        // Count is an int?, declared here as an int: the accessors could not be bound.
        JsonSerializerOptions options = Options(p => p.Add<int>("count", propertyName));

        var error = Assert.Throws<InvalidOperationException>(() => JsonSerializer.Deserialize<Widget>("{}", options));
        Assert.Contains(propertyName, error.Message, StringComparison.Ordinal);
        Assert.Contains("'count'", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Widget).FullName!, error.Message, StringComparison.Ordinal);
    }
}
