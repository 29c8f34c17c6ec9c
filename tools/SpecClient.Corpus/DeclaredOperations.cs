using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SpecClient.Corpus;

/// <summary>
/// What a document declares, counted without the generator: every HTTP method of every path item under
/// <c>paths</c> (a path item given as a local <c>$ref</c> counts the methods of the item it names). Keys starting
/// with <c>x-</c> are extensions, not paths. <c>webhooks</c> are not operations a client calls and are not counted.
/// </summary>
public static class DeclaredOperations
{
    /// <summary>The eight HTTP methods OpenAPI 3 names as path item fields.</summary>
    public static readonly IReadOnlyList<string> Methods = new[] { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 4096 };

    /// <summary>The number of operations a JSON document declares; an error message when it is not readable JSON.</summary>
    public static (int Count, string? Error) Count(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException exception)
        {
            return (0, "not JSON: " + exception.Message);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("paths", out JsonElement paths) || paths.ValueKind != JsonValueKind.Object)
            {
                return (0, null);
            }

            int count = 0;
            foreach (JsonProperty path in paths.EnumerateObject())
            {
                if (path.Name.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                count += MethodsOf(root, path.Value);
            }

            return (count, null);
        }
    }

    private static int MethodsOf(JsonElement root, JsonElement pathItem)
    {
        // One level of $ref only: a path item that refers to another reference is malformed enough not to count.
        if (pathItem.ValueKind == JsonValueKind.Object && pathItem.TryGetProperty("$ref", out JsonElement reference)
            && reference.ValueKind == JsonValueKind.String && ResolveLocal(root, reference.GetString()!) is JsonElement target)
        {
            pathItem = target;
        }

        if (pathItem.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        int count = 0;
        foreach (JsonProperty field in pathItem.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Object && IsMethod(field.Name))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsMethod(string name)
    {
        foreach (string method in Methods)
        {
            if (string.Equals(method, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A local JSON pointer (<c>#/components/pathItems/Pet</c>) in the document; null when it does not resolve.</summary>
    public static JsonElement? ResolveLocal(JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonElement current = root;
        foreach (string raw in reference.Substring(2).Split('/'))
        {
            string segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
