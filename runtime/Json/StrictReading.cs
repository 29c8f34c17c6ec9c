using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SpecClient.Runtime;

/// <summary>
/// Whether generated JSON metadata refuses an object that lacks a member the spec marks required. It is a property of
/// the <see cref="JsonSerializerOptions"/> the metadata is created for: a generated context's own options read
/// tolerantly (the member is left at its default); their strict copy, made once on first use, resolves through
/// <see cref="StrictResolver"/>, and the metadata it creates marks those members <see cref="JsonPropertyInfo.IsRequired"/>.
/// The default path therefore costs nothing per call; strict reading costs two table lookups per call (the strict copy,
/// then its metadata; <see cref="ApiConnection.StrictResponseReading"/>).
/// </summary>
internal static class StrictReading
{
    // Weak keys: options (and their contexts) or HttpClients no longer used are not kept alive by these tables.
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> s_strictCopies = new();
    private static readonly ConditionalWeakTable<HttpClient, object> s_strictClients = new();

    /// <summary>
    /// Remembers that connections made over <paramref name="client"/> start reading strictly
    /// (<c>SpecClientOptions.StrictResponseReading</c> in SpecClient.Http): HttpClient has no property to carry it.
    /// </summary>
    public static void Remember(HttpClient client, bool strict)
    {
        if (strict)
        {
            s_strictClients.AddOrUpdate(client, s_strictClients);
        }
        else
        {
            s_strictClients.Remove(client);
        }
    }

    /// <summary>Whether <paramref name="client"/> was configured to read strictly (see <see cref="Remember"/>).</summary>
    public static bool IsRemembered(HttpClient client) => s_strictClients.TryGetValue(client, out _);

    /// <summary>Whether metadata created for <paramref name="options"/> refuses objects missing a required member.</summary>
    public static bool IsStrict(JsonSerializerOptions options) => options.TypeInfoResolver is StrictResolver;

    /// <summary>The strict copy of <paramref name="options"/> (the same settings and resolver), or the options themselves when strict.</summary>
    public static JsonSerializerOptions For(JsonSerializerOptions options)
        => IsStrict(options) ? options : s_strictCopies.GetValue(options, static tolerant => new JsonSerializerOptions(tolerant)
        {
            TypeInfoResolver = new StrictResolver(tolerant.TypeInfoResolver ?? throw new InvalidOperationException("The JSON options have no type-info resolver (a generated JSON context).")),
        });

    /// <summary>The strict counterpart of <paramref name="typeInfo"/>: the same type, resolved by the strict copy of its options.</summary>
    public static JsonTypeInfo<T> For<T>(JsonTypeInfo<T> typeInfo)
        => (JsonTypeInfo<T>)For(typeInfo.Options).GetTypeInfo(typeof(T));

    /// <summary>
    /// Resolves as the generated context does, for strict options. Being a resolver of its own also keeps System.Text.Json
    /// from sharing one metadata cache between the strict copy and the options it was copied from, as it does for
    /// options with equal settings and the same resolver.
    /// </summary>
    private sealed class StrictResolver : IJsonTypeInfoResolver
    {
        private readonly IJsonTypeInfoResolver _context;

        public StrictResolver(IJsonTypeInfoResolver context) => _context = context;

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => _context.GetTypeInfo(type, options);
    }
}
