using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary><see cref="ApiPaging"/> walks pages lazily and stops by the rules of numbered and linked pagination.</summary>
public class PagingTests
{
    [Fact]
    public async Task NumberedItemsStopWhenTheTotalCountIsReached()
    {
        var server = new NumberedServer(Enumerable.Range(1, 5), totalCount: true);

        List<int> items = await ToListAsync(ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2));

        Assert.Equal([1, 2, 3, 4, 5], items);
        Assert.Equal([1, 2, 3], server.Requested);
    }

    [Fact]
    public async Task NumberedItemsStopOnAFullLastPageWhenTheTotalCountIsReached()
    {
        var server = new NumberedServer(Enumerable.Range(1, 4), totalCount: true);

        List<int> items = await ToListAsync(ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2));

        Assert.Equal([1, 2, 3, 4], items);
        Assert.Equal([1, 2], server.Requested);
    }

    [Fact]
    public async Task WithoutTotalCountAShortPageIsTheLast()
    {
        var server = new NumberedServer(Enumerable.Range(1, 5), totalCount: false);

        List<int> items = await ToListAsync(ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2));

        Assert.Equal([1, 2, 3, 4, 5], items);
        Assert.Equal([1, 2, 3], server.Requested);
    }

    [Fact]
    public async Task WithoutTotalCountOrPageSizeAnEmptyPageIsTheEnd()
    {
        var server = new NumberedServer(Enumerable.Range(1, 4), totalCount: false);

        List<int> items = await ToListAsync(ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, totalCountOf: null, itemsPerPage: null));

        Assert.Equal([1, 2, 3, 4], items);
        Assert.Equal([1, 2, 3], server.Requested);
    }

    [Fact]
    public async Task AnEmptyPageEndsTheWalkEvenWhenTheTotalCountPromisesMore()
    {
        var server = new NumberedServer(Enumerable.Range(1, 3), totalCount: false) { ClaimedTotal = 100 };

        List<int> items = await ToListAsync(ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2));

        Assert.Equal([1, 2, 3], items);
        Assert.Equal([1, 2, 3], server.Requested);
    }

    [Fact]
    public async Task NullItemsCountAsAnEmptyPage()
    {
        var fetched = 0;
        Func<int, CancellationToken, Task<Page>> fetch = (_, _) =>
        {
            fetched++;
            return Task.FromResult(new Page(null, 10));
        };

        List<int> items = await ToListAsync(ApiPaging.NumberedItemsAsync(fetch, static p => p.Results, static p => p.TotalCount, 5));
        List<Page> pages = await ToListAsync(ApiPaging.NumberedPagesAsync(fetch, static p => p.Results, static p => p.TotalCount, 5));

        Assert.Empty(items);
        Assert.Null(Assert.Single(pages).Results);
        Assert.Equal(2, fetched);
    }

    [Fact]
    public async Task PagesAreYieldedWithTheirTotalCountAndAnEmptyFirstPageIsKept()
    {
        var server = new NumberedServer(Enumerable.Range(1, 3), totalCount: true);
        var empty = new NumberedServer([], totalCount: true);

        List<Page> pages = await ToListAsync(ApiPaging.NumberedPagesAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2));
        List<Page> none = await ToListAsync(ApiPaging.NumberedPagesAsync(empty.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2));

        Assert.Equal([[1, 2], [3]], pages.Select(p => p.Results!));
        Assert.All(pages, p => Assert.Equal(3, p.TotalCount));
        Assert.Equal(0, Assert.Single(none).TotalCount);
    }

    [Fact]
    public async Task TheWalkStartsAtTheFirstPageNumberGiven()
    {
        var server = new NumberedServer(Enumerable.Range(1, 6), totalCount: false);

        List<int> items = await ToListAsync(ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2, firstPageNumber: 2));

        Assert.Equal([3, 4, 5, 6], items);
        Assert.Equal([2, 3, 4], server.Requested);
    }

    [Fact]
    public async Task PagesAreFetchedOnlyAsTheCallerEnumerates()
    {
        var server = new NumberedServer(Enumerable.Range(1, 10), totalCount: true);

        List<int> firstThree = await ToListAsync(ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2), limit: 3);

        Assert.Equal([1, 2, 3], firstThree);
        Assert.Equal([1, 2], server.Requested);
    }

    [Fact]
    public async Task AServerRepeatingFullPagesForeverIsStoppedAtTheBound()
    {
        var fetched = 0;
        Func<int, CancellationToken, Task<Page>> fetch = (_, _) =>
        {
            fetched++;
            return Task.FromResult(new Page([1, 2], null));
        };

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ToListAsync(ApiPaging.NumberedItemsAsync(fetch, static p => p.Results, static p => p.TotalCount, 2)));

        Assert.Equal(ApiPaging.MaxNumberedPages, fetched);
        Assert.Contains("10000 pages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingTheMethodsTokenStopsBeforeTheNextPage()
    {
        var server = new NumberedServer(Enumerable.Range(1, 6), totalCount: true);
        using var cts = new CancellationTokenSource();
        var items = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int item in ApiPaging.NumberedItemsAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2, cancellationToken: cts.Token))
            {
                items.Add(item);
                if (items.Count == 2)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.Equal([1, 2], items);
        Assert.Equal([1], server.Requested);
    }

    [Fact]
    public async Task CancellingMidPageYieldsNoFurtherItem()
    {
        var server = new NumberedServer(Enumerable.Range(1, 6), totalCount: true);
        using var cts = new CancellationTokenSource();
        var items = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int item in ApiPaging.NumberedItemsAsync(server.FetchAsync(3), static p => p.Results, static p => p.TotalCount, 3).WithCancellation(cts.Token))
            {
                items.Add(item);
                cts.Cancel();
            }
        });

        Assert.Equal([1], items);
        Assert.Equal([1], server.Requested);
    }

    [Fact]
    public async Task CancellingTheWithCancellationTokenStopsBeforeTheNextPage()
    {
        var server = new NumberedServer(Enumerable.Range(1, 6), totalCount: true);
        using var cts = new CancellationTokenSource();
        var pages = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Page page in ApiPaging.NumberedPagesAsync(server.FetchAsync(2), static p => p.Results, static p => p.TotalCount, 2).WithCancellation(cts.Token))
            {
                pages++;
                cts.Cancel();
            }
        });

        Assert.Equal(1, pages);
        Assert.Equal([1], server.Requested);
    }

    [Fact]
    public async Task ThePageBeingFetchedReceivesTheCancellation()
    {
        using var cts = new CancellationTokenSource();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<int, CancellationToken, Task<Page>> hang = async (_, cancellationToken) =>
        {
            arrived.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable");
        };

        Func<Task> walk = async () =>
        {
            await foreach (int item in ApiPaging.NumberedItemsAsync(hang, static p => p.Results, null, null).WithCancellation(cts.Token))
            {
            }
        };
        Task walking = walk();
        await arrived.Task;
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => walking);
    }

    [Fact]
    public async Task LinkedPagesFollowEachNextLinkUntilThereIsNone()
    {
        var requested = new List<string?>();
        var pages = new Dictionary<string, LinkedPage>
        {
            ["<first>"] = new([1, 2], "cursor-b"),
            ["cursor-b"] = new([3], "cursor-c"),
            ["cursor-c"] = new([4], null),
        };
        Func<string?, CancellationToken, Task<LinkedPage>> fetch = (next, _) =>
        {
            requested.Add(next);
            return Task.FromResult(pages[next ?? "<first>"]);
        };

        List<int> items = await ToListAsync(ApiPaging.LinkedItemsAsync(fetch, static p => p.Items, static p => p.Next));

        Assert.Equal([1, 2, 3, 4], items);
        Assert.Equal([null, "cursor-b", "cursor-c"], requested);
    }

    [Fact]
    public async Task AnEmptyNextLinkEndsTheWalkAndEmptyPagesAreYielded()
    {
        var pages = new Queue<LinkedPage>([new LinkedPage([], "b"), new LinkedPage(null, "")]);

        List<LinkedPage> walked = await ToListAsync(ApiPaging.LinkedPagesAsync<LinkedPage>((_, _) => Task.FromResult(pages.Dequeue()), static p => p.Next));

        Assert.Equal(2, walked.Count);
        Assert.Empty(pages);
    }

    [Fact]
    public async Task ARepeatedCursorThrowsAfterThePagesBeforeIt()
    {
        var requested = new List<string?>();
        Func<string?, CancellationToken, Task<LinkedPage>> fetch = (next, _) =>
        {
            requested.Add(next);
            return Task.FromResult(next switch
            {
                null => new LinkedPage([1], "a"),
                "a" => new LinkedPage([2], "b"),
                _ => new LinkedPage([3], "a"),
            });
        };
        var items = new List<int>();

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (int item in ApiPaging.LinkedItemsAsync(fetch, static p => p.Items, static p => p.Next))
            {
                items.Add(item);
            }
        });

        Assert.Equal([1, 2, 3], items);
        Assert.Equal([null, "a", "b"], requested);
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingALinkedWalkStopsBeforeTheNextPage()
    {
        using var cts = new CancellationTokenSource();
        var requested = 0;
        Func<string?, CancellationToken, Task<LinkedPage>> fetch = (_, _) =>
        {
            requested++;
            return Task.FromResult(new LinkedPage([requested], "next-" + requested));
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int item in ApiPaging.LinkedItemsAsync(fetch, static p => p.Items, static p => p.Next, cts.Token))
            {
                cts.Cancel();
            }
        });

        Assert.Equal(1, requested);
    }

    [Fact]
    public void ArgumentsAreCheckedWhenTheMethodIsCalledNotWhenEnumerated()
    {
        Func<int, CancellationToken, Task<Page>> fetch = (_, _) => Task.FromResult(new Page([], 0));

        Assert.Throws<ArgumentNullException>(() => ApiPaging.NumberedItemsAsync<Page, int>(null!, static p => p.Results, null, null));
        Assert.Throws<ArgumentNullException>(() => ApiPaging.NumberedPagesAsync<Page, int>(fetch, null!, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApiPaging.NumberedItemsAsync(fetch, static p => p.Results, null, 0));
        Assert.Throws<ArgumentNullException>(() => ApiPaging.LinkedPagesAsync<LinkedPage>((_, _) => Task.FromResult(new LinkedPage(null, null)), null!));
        Assert.Throws<ArgumentNullException>(() => ApiPaging.LinkedItemsAsync<LinkedPage, int>(null!, static p => p.Items, static p => p.Next));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, int limit = int.MaxValue)
    {
        var list = new List<T>();
        await foreach (T item in source)
        {
            list.Add(item);
            if (list.Count == limit)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>An Atlas-shaped page: <c>results</c> and <c>totalCount</c> (absent with <c>includeCount=false</c>).</summary>
    private sealed record Page(List<int>? Results, int? TotalCount);

    private sealed record LinkedPage(List<int>? Items, string? Next);

    /// <summary>Serves pages of a list the way Atlas does: 1-based pageNum, a page past the end is empty.</summary>
    private sealed class NumberedServer(IEnumerable<int> all, bool totalCount)
    {
        private readonly List<int> _all = all.ToList();

        public List<int> Requested { get; } = new();

        public int? ClaimedTotal { get; init; }

        public Func<int, CancellationToken, Task<Page>> FetchAsync(int itemsPerPage) => (pageNum, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            Requested.Add(pageNum);
            List<int> results = _all.Skip((pageNum - 1) * itemsPerPage).Take(itemsPerPage).ToList();
            return Task.FromResult(new Page(results, ClaimedTotal ?? (totalCount ? _all.Count : null)));
        };
    }
}
