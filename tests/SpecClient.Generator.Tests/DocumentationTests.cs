using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The README stays a user's page (it is also the package's), every diagnostic id has its entry in the diagnostics
/// reference, and no link between the documents points at a file or heading that is not there.
/// </summary>
public sealed partial class DocumentationTests
{
    private const int ReadmeLimitBytes = 20 * 1024;

    private static string Readme => Path.Combine(RepositoryPaths.Root, "README.md");

    private static string Docs => Path.Combine(RepositoryPaths.Root, "docs");

    public static TheoryData<string> DiagnosticIds()
    {
        var ids = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            ids.Add(descriptor.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void EveryDiagnosticIdHasAHeadingInTheReference(string id)
    {
        string reference = File.ReadAllText(Path.Combine(Docs, "diagnostics.md"));

        Assert.Matches(new Regex("^#{2,3} " + id + @"\b", RegexOptions.Multiline), reference);
    }

    [Fact]
    public void EveryDescriptorIsFoundById()
    {
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Assert.Same(descriptor, DiagnosticDescriptors.ById(descriptor.Id));
        }
    }

    [Fact]
    public void ReadmeIsAtMostTwentyKilobytes()
    {
        long size = new FileInfo(Readme).Length;

        Assert.True(size <= ReadmeLimitBytes, $"README.md is {size:N0} bytes; at most {ReadmeLimitBytes:N0}. Move detail into docs/.");
    }

    [Fact]
    public void ReadmeLinksToEachDocument()
    {
        string readme = File.ReadAllText(Readme);

        foreach (string document in Directory.GetFiles(Docs, "*.md").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal))
        {
            Assert.Contains("](docs/" + document, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryRelativeLinkResolvesToAFileAndHeading()
    {
        var broken = new List<string>();
        foreach (string document in new[] { Readme }.Concat(Directory.GetFiles(Docs, "*.md")))
        {
            string text = File.ReadAllText(document);
            foreach (Match link in Link().Matches(WithoutCodeBlocks(text)))
            {
                string target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                int hash = target.IndexOf('#', StringComparison.Ordinal);
                string file = hash < 0 ? target : target.Substring(0, hash);
                string path = file.Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, file));
                string where = Path.GetRelativePath(RepositoryPaths.Root, document) + ": " + target;
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    broken.Add(where + " (no such file)");
                }
                else if (hash >= 0 && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(path)).Contains(target.Substring(hash + 1)))
                {
                    broken.Add(where + " (no such heading)");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors()
        => typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal);

    /// <summary>The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutCodeBlocks(markdown)))
        {
            var slug = new StringBuilder();
            foreach (char c in heading.Groups[1].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            string anchor = slug.ToString();
            for (int n = 1; !anchors.Add(anchor); n++)
            {
                anchor = slug + "-" + n;
            }
        }

        return anchors;
    }

    private static string WithoutCodeBlocks(string markdown) => CodeBlock().Replace(markdown, string.Empty);

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
