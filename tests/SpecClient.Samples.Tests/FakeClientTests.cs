using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InviteJanitor;
using InviteJanitor.Discovery.Atlas;
using Xunit;

namespace SpecClient.Samples.Tests;

/// <summary>
/// User code tested with a fake client, no HTTP: a generated client's interface asks a fake for one method per
/// operation, and the fake gets the shorthand and paging methods with it.
/// </summary>
public sealed class FakeClientTests
{
    [Fact]
    public async Task ProjectListingReadsEveryPageOfAFakeClient()
    {
        var projects = new FakeProjects(Enumerable.Range(1, 7).Select(i => new Project { Id = "p" + i, Name = "project " + i, OrgId = "o1" }).ToList());

        // The sample's own code, given the interface: what InviteJanitor runs against Atlas.
        IReadOnlyList<Container> containers = await Paging.ReadAllAsync(
            ((IProjectsClient)projects).ListProjectsItemsAsync(new ListProjectsParams { ItemsPerPage = 3 }),
            p => new Container(p.Id, p.Name, p.OrgId),
            CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 7).Select(i => "p" + i), containers.Select(c => c.Id));
        Assert.Equal([1, 2, 3], projects.PagesAsked);
        Assert.All(projects.SizesAsked, size => Assert.Equal(3, size));
    }

    [Fact]
    public async Task PagesOfAFakeClientStopAtTheTotalCount()
    {
        var projects = new FakeProjects(Enumerable.Range(1, 4).Select(i => new Project { Id = "p" + i, Name = "n", OrgId = "o" }).ToList());

        var pages = new List<PaginatedProjects>();
        IProjectsClient client = projects;
        await foreach (PaginatedProjects page in client.ListProjectsPagesAsync(new ListProjectsParams { ItemsPerPage = 2, PageNum = 1 }))
        {
            pages.Add(page);
        }

        // Two full pages reach totalCount 4: no third request for an empty page.
        Assert.Equal(2, pages.Count);
        Assert.Equal([1, 2], projects.PagesAsked);
    }

    [Fact]
    public async Task ShorthandOverloadOfTheInterfaceCallsTheFakesMainMethod()
    {
        var projects = new FakeProjects([new Project { Id = "p1", Name = "n", OrgId = "o" }]);

        IProjectsClient client = projects;
        PaginatedProjects page = await client.ListProjectsAsync();

        Assert.Equal("p1", Assert.Single(page.Results!).Id);
        Assert.Equal([1], projects.PagesAsked);
    }

    /// <summary>Answers the list operation from memory, page by page, and records what it was asked.</summary>
    private sealed class FakeProjects(List<Project> all) : IProjectsClient
    {
        public List<int> PagesAsked { get; } = [];

        public List<long?> SizesAsked { get; } = [];

        public Task<PaginatedProjects> ListProjectsAsync(ListProjectsParams parameters, CancellationToken cancellationToken = default)
        {
            int pageNum = (int)(parameters.PageNum ?? 1);
            int size = (int)(parameters.ItemsPerPage ?? 100);
            PagesAsked.Add(pageNum);
            SizesAsked.Add(parameters.ItemsPerPage);
            return Task.FromResult(new PaginatedProjects { Results = all.Skip((pageNum - 1) * size).Take(size).ToList(), TotalCount = all.Count });
        }
    }
}
