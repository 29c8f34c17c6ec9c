using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Which operations to generate, from the <c>IncludeOperations</c> / <c>ExcludeOperations</c> metadata: a
/// semicolon-separated list of patterns — <c>listOrgInvites</c> or <c>list*</c> (operationId), <c>tag:Projects</c>,
/// <c>path:/api/atlas/v2/groups/**</c>. <c>*</c> matches within a path segment, <c>**</c> across segments,
/// <c>?</c> one character. With includes, an operation must match one; excludes then remove matches.
/// </summary>
internal sealed class OperationFilter
{
    private readonly List<Pattern> _includes;
    private readonly List<Pattern> _excludes;

    public OperationFilter(string? includes, string? excludes)
    {
        _includes = Parse(includes, "IncludeOperations");
        _excludes = Parse(excludes, "ExcludeOperations");
    }

    public bool Keeps(string operationId, string? tag, string path)
    {
        bool included = _includes.Count == 0 || _includes.Any(pattern => pattern.Matches(operationId, tag, path));
        return included && !_excludes.Any(pattern => pattern.Matches(operationId, tag, path));
    }

    /// <summary>The patterns that matched no operation, as (metadata name, pattern text).</summary>
    public IEnumerable<(string Metadata, string Text)> Unused()
        => _includes.Concat(_excludes).Where(pattern => !pattern.Used).Select(pattern => (pattern.Metadata, pattern.Text));

    private static List<Pattern> Parse(string? list, string metadata)
        => (list ?? string.Empty)
            .Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(text => text.Trim())
            .Where(text => text.Length > 0)
            .Select(text => new Pattern(text, metadata))
            .ToList();

    private sealed class Pattern
    {
        private readonly Regex _regex;
        private readonly string _kind;

        public Pattern(string text, string metadata)
        {
            Text = text;
            Metadata = metadata;
            string glob = text;
            _kind = "operationId";
            if (text.StartsWith("tag:", StringComparison.Ordinal))
            {
                _kind = "tag";
                glob = text.Substring(4);
            }
            else if (text.StartsWith("path:", StringComparison.Ordinal))
            {
                _kind = "path";
                glob = text.Substring(5);
            }

            _regex = new Regex("^" + GlobToRegex(glob) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        public string Text { get; }

        public string Metadata { get; }

        public bool Used { get; private set; }

        public bool Matches(string operationId, string? tag, string path)
        {
            string? subject = _kind switch
            {
                "tag" => tag,
                "path" => path,
                _ => operationId,
            };
            bool matches = subject is not null && _regex.IsMatch(subject);
            Used |= matches;
            return matches;
        }

        private static string GlobToRegex(string glob)
        {
            var builder = new StringBuilder();
            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    builder.Append(".*");
                    i++;
                }
                else if (c == '*')
                {
                    builder.Append("[^/]*");
                }
                else if (c == '?')
                {
                    builder.Append("[^/]");
                }
                else
                {
                    builder.Append(Regex.Escape(c.ToString()));
                }
            }

            return builder.ToString();
        }
    }
}
