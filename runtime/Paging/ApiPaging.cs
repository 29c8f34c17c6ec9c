using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// Walks a paginated list operation page after page, as an <see cref="IAsyncEnumerable{T}"/> of pages or of their
/// items. Called by generated list methods, which pass a function fetching one page through the operation's
/// ordinary method; pages are fetched lazily, one at a time, only as the caller enumerates.
/// </summary>
/// <remarks>
/// Each page is one ordinary call: retries, rate-limit waits and authentication already happen in the HttpClient's
/// handlers under it, and its failure (an <see cref="ApiException"/>, …) ends the enumeration with that exception, so
/// nothing here retries. Cancellation: both the token passed to the method and the one given to
/// <c>WithCancellation</c> stop the walk (before the next item or page, with an <see cref="OperationCanceledException"/>)
/// and are passed to the page being fetched.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiPaging
{
    /// <summary>
    /// The most pages one enumeration of numbered pages fetches. A server that keeps sending full pages without a
    /// <c>totalCount</c> (ignoring <c>pageNum</c>, say) would otherwise be walked forever; reaching the bound throws
    /// rather than ending quietly, so a truncated list is never mistaken for a whole one.
    /// </summary>
    public const int MaxNumberedPages = 10_000;

    /// <summary>
    /// Every item of a list paginated by page number (Atlas' <c>pageNum</c>, <c>itemsPerPage</c>,
    /// <c>includeCount</c> with <c>results</c> and <c>totalCount</c>), across pages; see
    /// <see cref="NumberedPagesAsync{TPage, TItem}"/> for when it stops.
    /// </summary>
    /// <typeparam name="TPage">The page type the operation returns.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page with the given number.</param>
    /// <param name="itemsOf">The page's items; null counts as none.</param>
    /// <param name="totalCountOf">The page's count of items over all pages, or null when the page type has none.</param>
    /// <param name="itemsPerPage">The page size asked for, or null when the server's default is used.</param>
    /// <param name="firstPageNumber">The number of the first page to fetch (Atlas counts from 1).</param>
    /// <param name="cancellationToken">Stops the walk before the next item and cancels the page being fetched.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fetchPage"/> or <paramref name="itemsOf"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="itemsPerPage"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxNumberedPages"/> pages would be needed.</exception>
    public static IAsyncEnumerable<TItem> NumberedItemsAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> itemsOf,
        Func<TPage, long?>? totalCountOf,
        int? itemsPerPage,
        int firstPageNumber = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(itemsOf);
        ThrowIfNotPositive(itemsPerPage);
        return new ItemWalk<TPage, TItem>(new NumberedWalk<TPage, TItem>(fetchPage, itemsOf, totalCountOf, itemsPerPage, firstPageNumber, default), itemsOf, cancellationToken);
    }

    /// <summary>
    /// The pages of a list paginated by page number (Atlas' <c>pageNum</c>, <c>itemsPerPage</c>, <c>includeCount</c>
    /// with <c>results</c> and <c>totalCount</c>), from <paramref name="firstPageNumber"/> on.
    /// </summary>
    /// <remarks>
    /// After each page the walk stops when the page had no items, when the items seen reach its <c>totalCount</c>, or,
    /// when the page has no <c>totalCount</c>, when it had fewer items than <paramref name="itemsPerPage"/> (if known).
    /// An empty page is yielded only when it is the first (so a caller still sees its <c>totalCount</c> of 0).
    /// More than <see cref="MaxNumberedPages"/> pages throw an <see cref="InvalidOperationException"/>.
    /// </remarks>
    /// <typeparam name="TPage">The page type the operation returns.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page with the given number.</param>
    /// <param name="itemsOf">The page's items; null counts as none.</param>
    /// <param name="totalCountOf">The page's count of items over all pages, or null when the page type has none.</param>
    /// <param name="itemsPerPage">The page size asked for, or null when the server's default is used.</param>
    /// <param name="firstPageNumber">The number of the first page to fetch (Atlas counts from 1).</param>
    /// <param name="cancellationToken">Stops the walk before the next page and cancels the page being fetched.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fetchPage"/> or <paramref name="itemsOf"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="itemsPerPage"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxNumberedPages"/> pages would be needed.</exception>
    public static IAsyncEnumerable<TPage> NumberedPagesAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> itemsOf,
        Func<TPage, long?>? totalCountOf,
        int? itemsPerPage,
        int firstPageNumber = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(itemsOf);
        ThrowIfNotPositive(itemsPerPage);
        return new NumberedWalk<TPage, TItem>(fetchPage, itemsOf, totalCountOf, itemsPerPage, firstPageNumber, cancellationToken);
    }

    /// <summary>
    /// Every item of a list paginated by links or cursors (each page names the next), across pages; see
    /// <see cref="LinkedPagesAsync{TPage}"/> for when it stops.
    /// </summary>
    /// <typeparam name="TPage">The page type the operation returns.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page a link or cursor names; null asks for the first page.</param>
    /// <param name="itemsOf">The page's items; null counts as none.</param>
    /// <param name="nextOf">The page's link or cursor to the next page; null or empty on the last page.</param>
    /// <param name="cancellationToken">Stops the walk before the next item and cancels the page being fetched.</param>
    /// <exception cref="ArgumentNullException">A function is null.</exception>
    /// <exception cref="InvalidOperationException">A page named a link or cursor that an earlier page already named.</exception>
    public static IAsyncEnumerable<TItem> LinkedItemsAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> itemsOf,
        Func<TPage, string?> nextOf,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(itemsOf);
        ArgumentNullException.ThrowIfNull(nextOf);
        return new ItemWalk<TPage, TItem>(new LinkedWalk<TPage>(fetchPage, nextOf, default), itemsOf, cancellationToken);
    }

    /// <summary>
    /// The pages of a list paginated by links or cursors: the first page, then the page each page names, until a page
    /// names none (null or empty).
    /// </summary>
    /// <remarks>
    /// A link or cursor that an earlier page already named would loop forever: it throws an
    /// <see cref="InvalidOperationException"/> (after the pages before it were yielded), so a truncated list is never
    /// mistaken for a whole one. Links are compared exactly (ordinal).
    /// </remarks>
    /// <typeparam name="TPage">The page type the operation returns.</typeparam>
    /// <param name="fetchPage">Fetches the page a link or cursor names; null asks for the first page.</param>
    /// <param name="nextOf">The page's link or cursor to the next page; null or empty on the last page.</param>
    /// <param name="cancellationToken">Stops the walk before the next page and cancels the page being fetched.</param>
    /// <exception cref="ArgumentNullException">A function is null.</exception>
    /// <exception cref="InvalidOperationException">A page named a link or cursor that an earlier page already named.</exception>
    public static IAsyncEnumerable<TPage> LinkedPagesAsync<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextOf,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(nextOf);
        return new LinkedWalk<TPage>(fetchPage, nextOf, cancellationToken);
    }

    /// <summary>The items of every page, in order: how a generated <c>…ItemsAsync</c> method reads its <c>…PagesAsync</c> twin.</summary>
    /// <typeparam name="TPage">The page type.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="pages">The pages.</param>
    /// <param name="itemsOf">A page's items; null counts as none.</param>
    /// <param name="cancellationToken">Stops before the next item, mid-page included.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> or <paramref name="itemsOf"/> is null.</exception>
    public static IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(IAsyncEnumerable<TPage> pages, Func<TPage, IReadOnlyList<TItem>?> itemsOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(itemsOf);
        return new ItemWalk<TPage, TItem>(pages, itemsOf, cancellationToken);
    }

    private static void ThrowIfNotPositive(int? itemsPerPage)
    {
        if (itemsPerPage is int size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(itemsPerPage));
        }
    }

    // The walks are written as one MoveNextAsync each on AsyncWalk rather than as compiler-built async iterators, which
    // cost several kilobytes of runtime each. Arguments are checked in the public methods, before any enumeration.
    private sealed class NumberedWalk<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> itemsOf,
        Func<TPage, long?>? totalCountOf,
        int? itemsPerPage,
        int firstPageNumber,
        CancellationToken cancellationToken) : AsyncWalk<TPage>(cancellationToken)
    {
        private long _seen;
        private int _fetched;

        public override async ValueTask<bool> MoveNextAsync()
        {
            if (Done)
            {
                return false;
            }

            if (_fetched == MaxNumberedPages)
            {
                Done = true;
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Stopped after {MaxNumberedPages} pages ({_seen} items): the server kept sending full pages without a totalCount. Ask for larger pages (itemsPerPage) or narrow the list."));
            }

            Token.ThrowIfCancellationRequested();
            int number = _fetched++;
            TPage page = await fetchPage(firstPageNumber + number, Token).ConfigureAwait(false);
            int count = itemsOf(page)?.Count ?? 0;
            _seen += count;

            // An empty page ends the walk, and is seen only when it is the first (so its totalCount of 0 is too).
            Done = count == 0 || (totalCountOf?.Invoke(page) is long total ? _seen >= total : itemsPerPage is int size && count < size);
            Current = page;
            return count > 0 || number == 0;
        }
    }

    private sealed class LinkedWalk<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextOf,
        CancellationToken cancellationToken) : AsyncWalk<TPage>(cancellationToken)
    {
        private HashSet<string>? _followed;
        private string? _next;
        private bool _started;

        public override async ValueTask<bool> MoveNextAsync()
        {
            if (Done)
            {
                return false;
            }

            if (_started)
            {
                // The page before is the caller's by now: its link is read only when the caller asks for more.
                _next = nextOf(Current);
                if (string.IsNullOrEmpty(_next))
                {
                    Done = true;
                    return false;
                }

                if (!(_followed ??= new HashSet<string>(StringComparer.Ordinal)).Add(_next))
                {
                    Done = true;
                    throw new InvalidOperationException($"A page named the next page '{_next}' a second time: following it would loop forever.");
                }
            }

            Token.ThrowIfCancellationRequested();
            Current = await fetchPage(_next, Token).ConfigureAwait(false);
            _started = true;
            return true;
        }
    }

    private sealed class ItemWalk<TPage, TItem>(
        IAsyncEnumerable<TPage> pages,
        Func<TPage, IReadOnlyList<TItem>?> itemsOf,
        CancellationToken cancellationToken) : AsyncWalk<TItem>(cancellationToken)
    {
        private IAsyncEnumerator<TPage>? _pages;
        private IReadOnlyList<TItem>? _items;
        private int _index;

        public override async ValueTask<bool> MoveNextAsync()
        {
            _pages ??= pages.GetAsyncEnumerator(Token);
            while (_items is null || _index == _items.Count)
            {
                if (!await _pages.MoveNextAsync().ConfigureAwait(false))
                {
                    return false;
                }

                _items = itemsOf(_pages.Current);
                _index = 0;
            }

            // A caller that cancels mid-page expects no further item, not the rest of a page already fetched.
            Token.ThrowIfCancellationRequested();
            Current = _items[_index++];
            return true;
        }

        protected override ValueTask DisposeWalkAsync() => _pages?.DisposeAsync() ?? default;
    }
}
