using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// An async sequence written as one <see cref="MoveNextAsync"/>: a fraction of the code a compiler-built async iterator
/// takes. Each enumeration walks a copy of this instance (so a sequence can be enumerated more than once), under a token
/// that combines the one the sequence was made with and the enumeration's own, as <c>[EnumeratorCancellation]</c> does.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal abstract class AsyncWalk<T>(CancellationToken sequenceToken) : IAsyncEnumerable<T>, IAsyncEnumerator<T>
{
    private CancellationTokenSource? _linked;

    public T Current { get; protected set; } = default!;

    /// <summary>Set when the walk has ended: <see cref="MoveNextAsync"/> then returns false.</summary>
    protected bool Done;

    /// <summary>The token the walk honours: the sequence's and the enumeration's, combined.</summary>
    protected CancellationToken Token;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var walk = (AsyncWalk<T>)MemberwiseClone();
        walk.Token = !sequenceToken.CanBeCanceled ? cancellationToken
            : !cancellationToken.CanBeCanceled || cancellationToken == sequenceToken ? sequenceToken
            : (walk._linked = CancellationTokenSource.CreateLinkedTokenSource(sequenceToken, cancellationToken)).Token;
        return walk;
    }

    public abstract ValueTask<bool> MoveNextAsync();

    public ValueTask DisposeAsync()
    {
        _linked?.Dispose();
        return DisposeWalkAsync();
    }

    /// <summary>Disposes what the walk holds (an inner enumerator, a response).</summary>
    protected virtual ValueTask DisposeWalkAsync() => default;
}
