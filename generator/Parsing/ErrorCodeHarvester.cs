using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Collects the <c>errorCode</c> values that appear in the examples of error responses, so callers can
/// compare against constants instead of string literals.
/// </summary>
internal sealed class ErrorCodeHarvester
{
    private const int MaxExampleDepth = 8;

    private readonly ParseContext _context;
    private readonly SortedDictionary<string, SortedSet<int>> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<SpecNode> _seenResponses = new();

    // Example nodes already read for the current response: YAML aliases share nodes, so an example can be a DAG
    // whose paths are exponentially many (an alias bomb); visiting each node once keeps the walk linear.
    private readonly HashSet<SpecNode> _visited = new();

    public ErrorCodeHarvester(ParseContext context) => _context = context;

    public void Harvest(string status, MappingNode response)
    {
        if (!_seenResponses.Add(response) || response["content"] is not MappingNode content)
        {
            return;
        }

        int statusCode = int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
        _visited.Clear();
        foreach (KeyValuePair<ScalarNode, SpecNode> media in content.Entries)
        {
            if (media.Value is not MappingNode mediaNode)
            {
                continue;
            }

            Collect(mediaNode["example"], statusCode, 0);
            if (mediaNode["examples"] is MappingNode examples)
            {
                foreach (KeyValuePair<ScalarNode, SpecNode> example in examples.Entries)
                {
                    if (_context.Resolve(example.Value, "the example is ignored", out _) is MappingNode exampleNode)
                    {
                        Collect(exampleNode["value"], statusCode, 0);
                    }
                }
            }

            // Quietly: the operation reader resolves (and reports) this schema itself.
            if (_context.ResolveQuietly(mediaNode["schema"]) is MappingNode schema)
            {
                Collect(schema["example"], statusCode, 0);
            }
        }
    }

    public ErrorCodesSpec? ToSpec(NameScope typeNames)
    {
        if (_codes.Count == 0)
        {
            return null;
        }

        string className = typeNames.Claim("ApiErrorCodes");

        // A constant may not share its class's name (CS0542).
        var names = NameScope.ForMembers(className);
        var codes = _codes
            .Select(code => new ErrorCodeSpec(names.Claim(Identifiers.ToPascalCase(code.Key)), code.Key, code.Value.ToEquatableArray()))
            .ToEquatableArray();
        return new ErrorCodesSpec(className, codes);
    }

    private void Collect(SpecNode? example, int status, int depth)
    {
        if (example is null || depth > MaxExampleDepth || !_visited.Add(example))
        {
            return;
        }

        _context.EnterRecursion();

        if (example is MappingNode mapping)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> entry in mapping.Entries)
            {
                if (entry.Key.Value == "errorCode" && entry.Value is ScalarNode { IsNull: false } code && IsCodeLike(code.Value))
                {
                    if (!_codes.TryGetValue(code.Value, out SortedSet<int>? statuses))
                    {
                        _codes[code.Value] = statuses = new SortedSet<int>();
                    }

                    if (status != 0)
                    {
                        statuses.Add(status);
                    }
                }
                else
                {
                    Collect(entry.Value, status, depth + 1);
                }
            }
        }
        else if (example is SequenceNode sequence)
        {
            foreach (SpecNode item in sequence.Items)
            {
                Collect(item, status, depth + 1);
            }
        }
    }

    private static bool IsCodeLike(string value)
        => value.Length is > 0 and <= 128 && value.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.');
}
