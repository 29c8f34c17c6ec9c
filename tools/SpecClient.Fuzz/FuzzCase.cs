using System;
using System.Collections.Generic;
using System.Globalization;

namespace SpecClient.Fuzz;

/// <summary>
/// A case's identity: corpus, campaign seed and index. Everything about the case (seed specs, mutations, metadata)
/// is derived from it, so it replays exactly as long as the corpus files are the same.
/// </summary>
public readonly record struct CaseId(CorpusKind Corpus, int Seed, int Index)
{
    public override string ToString() => Corpus.ToString().ToLowerInvariant() + "-" + Seed.ToString(CultureInfo.InvariantCulture) + "-" + Index.ToString(CultureInfo.InvariantCulture);

    public static CaseId Parse(string text)
    {
        string[] parts = text.Trim().Split('-');
        if (parts.Length != 3 || !Enum.TryParse(parts[0], ignoreCase: true, out CorpusKind corpus)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
            || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int index))
        {
            throw new FormatException("A case id is <corpus>-<seed>-<index>, e.g. all-1-17; got '" + text + "'.");
        }

        return new CaseId(corpus, seed, index);
    }

    /// <summary>The case's own random source: SplitMix64 of (seed, index), so neighbouring cases are unrelated.</summary>
    public Random CreateRandom()
    {
        ulong z = unchecked(((ulong)(uint)Seed << 32) + (uint)Index + (ulong)Corpus * 0x9E3779B97F4A7C15UL);
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;

        // Random(int) uses the same algorithm on every .NET version, so a case id replays everywhere.
        return new Random((int)(z & 0x7FFFFFFF));
    }
}

/// <summary>One spec file passed to the generator: its path, exact bytes and <c>OpenApiSpec</c> metadata.</summary>
public sealed record FuzzSpec(string Path, byte[] Bytes, string? Namespace, string? ClientName, string? ApiVersion, string? IncludeOperations, string? ExcludeOperations, bool Unions = false);

/// <summary>A built case: the spec files and what was done to them.</summary>
public sealed record FuzzCase(CaseId Id, IReadOnlyList<FuzzSpec> Specs, IReadOnlyList<string> Mutations);
