using System;
using System.Collections.Generic;
using System.Linq;

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

    /// <summary>
    /// Whether <paramref name="subject"/> matches the glob, in time proportional to their lengths' product (a
    /// backtracking regex could take exponential time on a pattern like <c>*a*a*a*a*b</c>, inside the compiler).
    /// </summary>
    internal static bool GlobMatches(string glob, string subject)
    {
        // matches[j]: the glob read so far matches subject[..j].
        bool[] matches = new bool[subject.Length + 1];
        matches[0] = true;
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            bool anySegments = c == '*' && i + 1 < glob.Length && glob[i + 1] == '*';
            var next = new bool[subject.Length + 1];
            if (c == '*')
            {
                // A star extends any match over characters it may cross: '*' stops at '/', '**' does not.
                for (int j = 0; j <= subject.Length; j++)
                {
                    next[j] = matches[j] || (j > 0 && next[j - 1] && (anySegments || subject[j - 1] != '/'));
                }

                i += anySegments ? 1 : 0;
            }
            else
            {
                for (int j = 1; j <= subject.Length; j++)
                {
                    next[j] = matches[j - 1] && (c == '?' ? subject[j - 1] != '/' : subject[j - 1] == c);
                }
            }

            matches = next;
        }

        return matches[subject.Length];
    }

    private sealed class Pattern
    {
        private readonly string _glob;
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

            _glob = glob;
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
            bool matches = subject is not null && GlobMatches(_glob, subject);
            Used |= matches;
            return matches;
        }
    }
}
