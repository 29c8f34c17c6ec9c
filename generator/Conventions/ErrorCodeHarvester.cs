using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Conventions;

/// <summary>
/// Convention, keyed on error responses whose examples carry a string <c>errorCode</c> (MongoDB Atlas, Cloud Manager).
/// Collects the <c>errorCode</c> values that appear in the examples of error responses — the operations' and those
/// under <c>components</c> (<c>responses</c>, <c>examples</c>) that no operation lists — so callers can compare
/// against constants instead of string literals; and tells each operation which codes its responses show.
/// </summary>
internal sealed class ErrorCodeHarvester
{
    private const int MaxExampleDepth = 8;

    private readonly ParseContext _context;
    private readonly SortedDictionary<string, SortedSet<int>> _codes = new(StringComparer.Ordinal);
    // Each response's codes, read once: most operations share the same component responses.
    private readonly Dictionary<SpecNode, EquatableArray<string>> _responseCodes = new();
    private SortedSet<string>? _found;

    // Example nodes already read for the current response: YAML aliases share nodes, so an example can be a DAG
    // whose paths are exponentially many (an alias bomb); visiting each node once keeps the walk linear.
    private readonly HashSet<SpecNode> _visited = new();

    public ErrorCodeHarvester(ParseContext context) => _context = context;

    /// <summary>Reads the error codes of one response (once per response node) and returns them, sorted.</summary>
    /// <param name="status">The status the response is listed under; empty for a component response (the status is then read from the example's <c>error</c>).</param>
    public EquatableArray<string> Harvest(string status, MappingNode response) => Harvest(status, response, newWalk: true);

    /// <param name="status">As above.</param>
    /// <param name="response">The response.</param>
    /// <param name="newWalk">Whether the example nodes seen so far may be read again (a new status to attribute). Component
    /// walks share one visited set: with no listed status, a node read once has given all it can.</param>
    private EquatableArray<string> Harvest(string status, MappingNode response, bool newWalk)
    {
        int statusCode = int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
        if (_responseCodes.TryGetValue(response, out EquatableArray<string> known))
        {
            // Listed again (maybe under another status): the codes are known, the status may be new.
            foreach (string code in known)
            {
                if (statusCode != 0)
                {
                    _codes[code].Add(statusCode);
                }
            }

            return known;
        }

        _found = new SortedSet<string>(StringComparer.Ordinal);
        _responseCodes[response] = default;
        if (response["content"] is not MappingNode content)
        {
            _found = null;
            return default;
        }

        if (newWalk)
        {
            _visited.Clear();
        }

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

        EquatableArray<string> codes = _found.ToEquatableArray();
        _found = null;
        _responseCodes[response] = codes;
        return codes;
    }

    /// <summary>
    /// Reads the error examples under <c>components</c> that no operation led to: <c>components/responses</c>
    /// (410 VERSION_GONE, 503 SERVICE_UNAVAILABLE…) and <c>components/examples</c>. Call after the operations.
    /// </summary>
    public void HarvestComponents(MappingNode document)
    {
        if (document["components"] is not MappingNode components)
        {
            return;
        }

        // One visited set for the whole components walk: aliases shared between examples are read once in all.
        _visited.Clear();
        if (components["responses"] is MappingNode responses)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> entry in responses.Entries)
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
                if (_context.ResolveQuietly(entry.Value) is MappingNode response)
                {
                    Harvest(string.Empty, response, newWalk: false);
                }
            }
        }

        if (components["examples"] is MappingNode examples)
        {
            foreach (KeyValuePair<ScalarNode, SpecNode> entry in examples.Entries)
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
                if (_context.ResolveQuietly(entry.Value) is MappingNode example)
                {
                    Collect(example["value"], 0, 0);
                }
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

                    _found?.Add(code.Value);
                    int known = status != 0 ? status : StatusBeside(mapping);
                    if (known != 0)
                    {
                        statuses.Add(known);
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

    /// <summary>The HTTP status an error body states beside its code (<c>error: 410</c>), or 0.</summary>
    private static int StatusBeside(MappingNode error)
        => error["error"] is ScalarNode { IsNull: false } value
            && int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int status) && status is >= 400 and <= 599
            ? status
            : 0;

    private static bool IsCodeLike(string value)
        => value.Length is > 0 and <= 128 && value.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.');
}
