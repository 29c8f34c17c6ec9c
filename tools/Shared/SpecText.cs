using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SpecClient.Testing;

/// <summary>An additional file given as bytes, decoded as the compiler decodes files: UTF-8 (BOM-aware), else Latin-1.</summary>
internal sealed class SpecText : AdditionalText
{
    private readonly byte[] _bytes;

    public SpecText(string path, byte[] bytes)
    {
        Path = path;
        _bytes = bytes;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default)
    {
        // SourceText.From(Stream) reads a BOM (UTF-8, UTF-16) and otherwise decodes strictly as UTF-8; the compiler
        // falls back to a single-byte code page when that fails (EncodedStringText), Latin-1 here.
        using var stream = new MemoryStream(_bytes, writable: false);
        try
        {
            return SourceText.From(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), throwIfBinaryDetected: false);
        }
        catch (DecoderFallbackException)
        {
            return SourceText.From(Encoding.Latin1.GetString(_bytes));
        }
    }
}
