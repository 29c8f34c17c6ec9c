using System;
using System.IO;

namespace SpecClient.Runtime;

/// <summary>A file sent as a part of a <c>multipart/form-data</c> request: its bytes, name and media type.</summary>
/// <remarks>
/// The stream is read while the request is sent, not copied into memory first, and is disposed with the request.
/// </remarks>
public sealed class FilePart
{
    /// <summary>Creates a file part.</summary>
    /// <param name="content">The file's bytes, read from the stream's current position.</param>
    /// <param name="fileName">The file name the server sees.</param>
    /// <param name="contentType">The file's media type; <c>application/octet-stream</c> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public FilePart(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        Content = content;
        FileName = fileName;
        ContentType = contentType ?? "application/octet-stream";
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name the server sees.</summary>
    public string FileName { get; }

    /// <summary>The file's media type.</summary>
    public string ContentType { get; }
}
