using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using SpecClient.Generator.Tests.Infrastructure;

using SpecClient.Testing;

namespace SpecClient.Simulator.Tests.Infrastructure;

/// <summary>The real, full Atlas specs, read in place from the shared folder beside the repository (never copied into it).</summary>
internal static class SharedSpecs
{
    public static string Directory { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot.Path, "..", "shared", "specs", "atlas"));

    /// <summary>
    /// The spec's component schemas as a JSON document the validator accepts, with one change: a
    /// polymorphic base whose variants extend it (<c>OrgUserResponse</c>: <c>oneOf</c> + discriminator,
    /// each variant <c>allOf</c> the base) loses its <c>oneOf</c>. As JSON Schema that pair is a cycle
    /// on the same instance (base → variant → base …), which overflows NJsonSchema's stack. The
    /// base then checks the common properties and the variant (chosen by the test from
    /// <c>orgMembershipStatus</c>, as the discriminator would) checks the rest.
    /// </summary>
    public static string ComponentSchemas(string file)
    {
        string path = System.IO.Path.Combine(Directory, file);
        Xunit.Skip.IfNot(File.Exists(path), $"The full Atlas specs are read from {Directory}, where {file} is absent: put the shared folder beside the repository to run this test.");

        JsonObject schemas = JsonNode.Parse(YamlToJson.Convert(File.ReadAllText(path)))!["components"]!["schemas"]!.AsObject();
        foreach ((string name, JsonNode? schema) in schemas)
        {
            if (schema is JsonObject choice && choice["discriminator"] is not null && choice["oneOf"] is JsonArray variants
                && variants.Any(v => ExtendsBase(schemas, v, name)))
            {
                choice.Remove("oneOf");
                choice.Remove("discriminator");
            }
        }

        return new JsonObject { ["components"] = new JsonObject { ["schemas"] = schemas.DeepClone() } }.ToJsonString();
    }

    private static bool ExtendsBase(JsonObject schemas, JsonNode? variant, string baseName)
    {
        string? reference = variant?["$ref"]?.GetValue<string>();
        JsonNode? target = reference is null ? null : schemas[reference.Substring("#/components/schemas/".Length)];
        return target?["allOf"] is JsonArray parts && parts.Any(p => p?["$ref"]?.GetValue<string>() == "#/components/schemas/" + baseName);
    }
}
