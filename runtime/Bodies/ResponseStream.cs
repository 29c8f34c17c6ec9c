using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// A response body read as it arrives: the stream of the response content, which disposes the whole response (and
/// frees its connection) when it is disposed.
/// </summary>
internal sealed class ResponseStream : System.IO.Stream
{
    private readonly System.IO.Stream _inner;
    private readonly HttpResponseMessage _response;
    private int _disposed;

    public ResponseStream(System.IO.Stream inner, HttpResponseMessage response)
    {
        _inner = inner;
        _response = response;
    }

    /// <summary>Whether the response has been disposed (with this stream).</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

    public override Task CopyToAsync(System.IO.Stream destination, int bufferSize, CancellationToken cancellationToken) => _inner.CopyToAsync(destination, bufferSize, cancellationToken);

    public override long Seek(long offset, System.IO.SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A response stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A response stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            _response.Dispose();
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}
