using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Diagnostics;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// State shared by the readers of one spec: the document, where diagnostics go, and <c>$ref</c> resolution.
/// </summary>
internal sealed class ParseContext
{
    private const int MaxReferenceHops = 64;

    /// <summary>
    /// How many steps (schemas mapped, references followed, example nodes visited…) one spec may take. Real specs
    /// take well under a million (the 2.9 MB Atlas spec: about 300,000); a document built to explode a walk stops here
    /// with a diagnostic instead of holding the compiler or the IDE.
    /// </summary>
    public const long MaxSteps = 20_000_000;

    private readonly List<DiagnosticInfo> _diagnostics = new();
    private long _steps;

    public ParseContext(string filePath, MappingNode document, CancellationToken cancellationToken)
    {
        FilePath = filePath;
        Document = document;
        CancellationToken = cancellationToken;
    }

    public string FilePath { get; }

    public MappingNode Document { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>
    /// Counts one step of any walk over spec data and checks cancellation every 1,024 steps.
    /// </summary>
    /// <exception cref="SpecTooComplexException">The spec took more than <see cref="MaxSteps"/> steps.</exception>
    public void Step()
    {
        _steps++;
        if ((_steps & 1023) == 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
            if (_steps > MaxSteps)
            {
                throw new SpecTooComplexException("reading it took more than " + MaxSteps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " steps (an alias bomb, or references that fan out without end)");
            }
        }
    }

    /// <summary>
    /// Called on entry to every recursive reader: the worst bug a generator can have is a stack overflow, which kills
    /// the compiler or the IDE's analysis process and cannot be caught. This turns a stack running low into an
    /// exception that can be (<see cref="System.InsufficientExecutionStackException"/>), whatever the depth limits
    /// of the individual readers missed.
    /// </summary>
    public void EnterRecursion()
    {
        Step();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    public void Report(DiagnosticDescriptor descriptor, SpecNode? node, params string[] messageArgs)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, node is null ? null : Locate(node), messageArgs));

    /// <summary>Reports a problem that can repeat across the spec, grouped in its summary by <paramref name="cause"/>.</summary>
    public void Report(DiagnosticCause cause, SpecNode? node, params string[] messageArgs)
        => _diagnostics.Add(DiagnosticInfo.Create(cause, node is null ? null : Locate(node), messageArgs));

    /// <summary>
    /// Reports a problem of the <c>OpenApiSpec</c> item rather than of a node (its metadata, which lives in a project
    /// file the generator cannot see): at the start of the spec file, so the IDE and the build name the file.
    /// </summary>
    public void ReportAtFile(DiagnosticDescriptor descriptor, params string[] messageArgs)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, new LocationInfo(FilePath, 0, 0, 0, 0, 0, 0), messageArgs));

    public LocationInfo Locate(SpecNode node) => Locate(FilePath, node.Start, node.End);

    public static LocationInfo Locate(string filePath, TextPosition start, TextPosition end)
        => new(filePath, start.Offset, Math.Max(0, end.Offset - start.Offset), start.Line, start.Column, end.Line, end.Column);

    /// <summary>
    /// Follows <c>$ref</c> chains to the node they name. Reports an unresolved or cyclic reference at the
    /// <c>$ref</c> value and returns <see langword="null"/>; a node without <c>$ref</c> is returned as is.
    /// </summary>
    /// <param name="reference">The last reference followed, or <see langword="null"/> when there was none.</param>
    public SpecNode? Resolve(SpecNode? node, string consequence, out string? reference)
    {
        reference = null;
        for (int hops = 0; node is MappingNode mapping && mapping["$ref"] is ScalarNode refNode; hops++)
        {
            Step();
            if (hops == MaxReferenceHops)
            {
                Report(DiagnosticCauses.ReferenceLoop, refNode, refNode.Value, "the chain of references loops or is too long; " + consequence);
                return null;
            }

            reference = refNode.Value;
            SpecNode? target = FindByPointer(refNode.Value);
            if (target is null)
            {
                if (refNode.Value.StartsWith("#", StringComparison.Ordinal))
                {
                    Report(DiagnosticCauses.ReferenceToNothing, refNode, refNode.Value, "nothing in this document is at that path; " + consequence);
                }
                else
                {
                    Report(DiagnosticCauses.ReferenceToOtherFile, refNode, refNode.Value, "references to other files are not supported (AdditionalFiles are read one at a time); " + consequence);
                }

                return null;
            }

            node = target;
        }

        return node;
    }

    /// <summary>
    /// Follows <c>$ref</c> chains like <see cref="Resolve"/> but reports nothing: for a second look at a node whose
    /// reference was already resolved (and reported, if broken) once.
    /// </summary>
    public SpecNode? ResolveQuietly(SpecNode? node)
    {
        for (int hops = 0; node is MappingNode mapping && mapping["$ref"] is ScalarNode refNode; hops++)
        {
            Step();
            if (hops == MaxReferenceHops)
            {
                return null;
            }

            node = FindByPointer(refNode.Value);
        }

        return node;
    }

    /// <summary>
    /// Resolves a local JSON pointer (<c>#/components/schemas/Name</c>, <c>#/components/schemas/A/$defs/B</c>). A
    /// <c>#/$defs/Name</c> the document root does not hold is looked up in the component schemas' <c>$defs</c>: JSON
    /// Schema resolves it against the enclosing schema resource, which is how specs that write it mean it.
    /// </summary>
    public SpecNode? FindByPointer(string pointer)
        => FindByPointer(Document, pointer) ?? (pointer.StartsWith("#/$defs/", StringComparison.Ordinal) ? FindInComponentDefinitions(pointer) : null);

    private SpecNode? FindInComponentDefinitions(string pointer)
    {
        if (Document["$defs"] is not null || (Document["components"] as MappingNode)?["schemas"] is not MappingNode schemas)
        {
            return null;
        }

        foreach (KeyValuePair<ScalarNode, SpecNode> schema in schemas.Entries)
        {
            Step();
            if (schema.Value is MappingNode component && component["$defs"] is MappingNode && FindByPointer(component, pointer) is SpecNode found)
            {
                return found;
            }
        }

        return null;
    }

    private SpecNode? FindByPointer(SpecNode root, string pointer)
    {
        if (!pointer.StartsWith("#", StringComparison.Ordinal))
        {
            return null;
        }

        SpecNode? current = root;
        string path = pointer.Substring(1);
        if (path.Length == 0)
        {
            return current;
        }

        if (path[0] != '/')
        {
            return null;
        }

        foreach (string rawSegment in path.Substring(1).Split('/'))
        {
            Step();
            string segment = UnescapePointerSegment(rawSegment);
            current = current switch
            {
                MappingNode mapping => mapping[segment],
                SequenceNode sequence when int.TryParse(segment, out int index) && index >= 0 && index < sequence.Items.Count => sequence.Items[index],
                _ => null,
            };

            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The last segment of a pointer: the component name of <c>#/components/schemas/Name</c>.</summary>
    public static string LastSegment(string pointer)
    {
        int slash = pointer.LastIndexOf('/');
        return UnescapePointerSegment(slash >= 0 ? pointer.Substring(slash + 1) : pointer);
    }

    private static string UnescapePointerSegment(string segment)
    {
        string decoded = segment.IndexOf('%') >= 0 ? PercentDecode(segment) : segment;
        return decoded.Replace("~1", "/").Replace("~0", "~");
    }

    private static string PercentDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}

/// <summary>A spec whose reading would take unbounded work; reported as a diagnostic, never thrown to the compiler.</summary>
internal sealed class SpecTooComplexException : Exception
{
    public SpecTooComplexException(string message)
        : base(message)
    {
    }
}
