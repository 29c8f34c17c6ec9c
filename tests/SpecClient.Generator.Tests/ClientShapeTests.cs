using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>What the clients look like to their users: interfaces for fakes, conveniences on them, paging methods.</summary>
public sealed class ClientShapeTests
{
    [Fact]
    public void EveryClientImplementsItsInterfaceWhichCarriesTheConveniences()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(BundledSpecs.Atlas("2025-03-12", "V20250312"));
        string clients = GeneratedSource.Of(run, ".Clients.g.cs");

        Assert.Contains("public partial interface IAtlasClient\n", clients);
        Assert.Contains("public sealed partial class AtlasClient : IAtlasClient\n", clients);
        Assert.Contains("public partial interface IOrganizationsClient\n", clients);
        Assert.Contains("public sealed partial class OrganizationsClient : IOrganizationsClient\n", clients);

        // The root exposes its tag clients as interfaces, so a fake root can hand out fake tag clients.
        Assert.Contains("    IOrganizationsClient Organizations { get; }\n", clients);
        Assert.Contains("    public IOrganizationsClient Organizations { get; }\n", clients);

        // The interface declares the main method and implements the shorthand over it; the class implements only the main method.
        string organizationsInterface = Between(clients, "public partial interface IOrganizationsClient\n", "\n}\n");
        string organizationsClass = Between(clients, "public sealed partial class OrganizationsClient : IOrganizationsClient\n", "\n}\n");
        Assert.Matches(@"Task<global::System\.Collections\.Generic\.List<OrganizationInvitation>> ListOrgInvitesAsync\(ListOrgInvitesParams parameters, global::System\.Threading\.CancellationToken cancellationToken = default\);", organizationsInterface);
        Assert.Contains("=> ListOrgInvitesAsync(new ListOrgInvitesParams { OrgId = orgId }, cancellationToken);", organizationsInterface);
        Assert.DoesNotContain("ListOrgInvitesAsync(string orgId", organizationsClass);
        Assert.Contains("public global::System.Threading.Tasks.Task<global::System.Collections.Generic.List<OrganizationInvitation>> ListOrgInvitesAsync(ListOrgInvitesParams parameters", organizationsClass);
    }

    [Fact]
    public void EachPatternIsCompiledOnceForTheWholeClient()
    {
        SpecInput spec = BundledSpecs.Atlas("2025-03-12", "V20250312");
        ApiSpec model = SpecParser.Parse(new SpecFileOptions(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, null), spec.Text, default).Spec!;
        ValidationSpec[] checks = model.AllOperations.SelectMany(o => o.Parameters).Select(p => p.Validation).OfType<ValidationSpec>().Where(v => v.Pattern is not null).ToArray();

        // Every orgId, groupId and invitationId has the same pattern: one field holds it, and every check reads that field.
        Assert.True(checks.Length >= 10, checks.Length + " pattern checks");
        ParameterPatternSpec pattern = Assert.Single(model.ParameterPatterns.Patterns);
        Assert.Equal("^([a-f0-9]{24})$", pattern.Pattern);
        Assert.Equal("AtlasClientPatterns", model.ParameterPatterns.ClassName);
        Assert.All(checks, check => Assert.Equal("global::" + spec.Namespace + ".AtlasClientPatterns." + pattern.FieldName, check.PatternField));

        GeneratorDriverRunResult run = new GeneratorHarness().Run(spec);
        string parameters = GeneratedSource.Of(run, ".Parameters.g.cs");
        Assert.Single(Regex.Matches(parameters, Regex.Escape("SearchValues.Create(")));
        Assert.DoesNotContain("private static readonly", parameters);
    }

    [SkippableFact]
    public void NumberedPageOperationsOfTheFullAtlasSpecReadEveryPage()
    {
        SpecInput spec = FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml");
        ApiSpec model = SpecParser.Parse(new SpecFileOptions(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, null), spec.Text, default).Spec!;
        OperationSpec[] operations = model.RootClient.Operations.Concat(model.TagClients.SelectMany(c => c.Operations)).ToArray();
        OperationSpec[] numbered = operations.Where(o => o.Parameters.Any(p => p.Name == "pageNum" && p.Location == ParameterLocation.Query && !p.Required)).ToArray();

        // Every operation taking pageNum whose answer is a page (results, or a bare list) reads every page.
        Assert.InRange(numbered.Length, 60, 90);
        foreach (OperationSpec operation in numbered)
        {
            bool isPage = operation.ResultType is { Kind: TypeRefKind.List }
                || model.Models.Any(m => m.Type == operation.ResultType && m.Properties.Any(p => p.JsonName == "results" && p.Type.Underlying.Kind == TypeRefKind.List));
            Assert.True(isPage == operation.Paging is not null, operation.OperationId);
        }

        Assert.InRange(numbered.Count(o => o.Paging is not null), 60, 90);
        OperationSpec listProjects = operations.Single(o => o.OperationId == "listProjects");
        Assert.Equal(new NumberedPagingSpec("ListProjectsItemsAsync", "ListProjectsPagesAsync", listProjects.Paging!.ItemType, "Results", "PageNum", "TotalCount", "ItemsPerPage", "Envelope"), listProjects.Paging);
        Assert.Equal("Group", listProjects.Paging.ItemType.Identifier);

        // The generated methods, as users see them.
        GeneratorDriverRunResult run = new GeneratorHarness().Run(FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml", "listProjects"));
        string clients = GeneratedSource.Of(run, ".Clients.g.cs");
        Assert.Contains("global::System.Collections.Generic.IAsyncEnumerable<Group> ListProjectsItemsAsync(ListProjectsParams parameters, global::System.Threading.CancellationToken cancellationToken = default)", clients);
        Assert.Contains("(pageNum, ct) => ListProjectsAsync(parameters with { PageNum = pageNum, Envelope = null }, ct), static page => page.Results, static page => page.TotalCount, (int?)parameters.ItemsPerPage, (int)(parameters.PageNum ?? 1), cancellationToken);", clients);
    }

    [Fact]
    public void ARequiredEnvelopeIsKeptOnEveryPageRequest()
    {
        // Found by the fuzzer (all-12-815): a spec marking `envelope` required made the pages clear it with `Envelope =
        // null`, which a required bool cannot hold (CS0037). Each page now keeps the caller's value.
        const string yaml = """
            openapi: 3.0.1
            info: { title: Pages, version: '1' }
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - { name: envelope, in: query, required: true, schema: { type: boolean } }
                    - { name: pageNum, in: query, schema: { type: integer, format: int32 } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              results: { type: array, items: { type: string } }
                              totalCount: { type: integer, format: int32 }
            """;
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(new SpecInput("/specs/pages.yaml", yaml, "Consumer.Pages", "PagesClient"));
        string clients = GeneratedSource.Of(run, ".Clients.g.cs");

        Assert.Contains("ListThingsAsync(parameters with { PageNum = pageNum }, ct)", clients);
        Assert.DoesNotContain("Envelope = null", clients);
        Assert.Empty(harness.Compilation.AddSyntaxTrees(run.GeneratedTrees).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task CursorPagesAreReadUntilAPageNamesNoNextOne()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "cursor-pages.yaml"), "Consumer.Widgets", "WidgetsApi"));

        // Three pages chained by their cursors, served from memory; the generated client runs for real.
        var asked = new List<string>();
        var pages = new Dictionary<string, string>
        {
            [""] = """{"data":[{"id":"a"},{"id":"b"}],"nextCursor":"c2"}""",
            ["?cursor=c2&limit=2"] = """{"data":[{"id":"c"},{"id":"d"}],"nextCursor":"c3"}""",
            ["?cursor=c3&limit=2"] = """{"data":[{"id":"e"}],"nextCursor":null}""",
        };
        var handler = new PageHandler(uri =>
        {
            asked.Add(uri.Query);
            return pages[uri.Query == "?limit=2" ? string.Empty : uri.Query];
        });
        CompiledOutput compiled = CompiledOutput.Compile(harness, run);
        object api = Activator.CreateInstance(compiled.FindType("Consumer.Widgets.WidgetsApi")!, new HttpClient(handler), new Uri("https://widgets.example.com/"))!;
        object widgets = api.GetType().GetProperty("Widgets")!.GetValue(api)!;
        object parameters = Activator.CreateInstance(compiled.FindType("Consumer.Widgets.ListWidgetsParams")!)!;
        parameters.GetType().GetProperty("Limit")!.SetValue(parameters, 2);
        var items = (IAsyncEnumerable<object>)compiled.FindType("Consumer.Widgets.IWidgetsClient")!.GetMethod("ListWidgetsItemsAsync")!.Invoke(widgets, [parameters, CancellationToken.None])!;

        var ids = new List<string>();
        await foreach (object widget in items)
        {
            ids.Add((string)widget.GetType().GetProperty("Id")!.GetValue(widget)!);
        }

        Assert.Equal(["a", "b", "c", "d", "e"], ids);
        Assert.Equal(["?limit=2", "?cursor=c2&limit=2", "?cursor=c3&limit=2"], asked);
    }

    [Fact]
    public async Task LinkedPagesAreFollowedOnTheClientsServerOnly()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "linked-pages.yaml"), "Consumer.Gadgets", "GadgetsApi"));

        // A relative link, an absolute one on the same server, and (for gizmos) a rel=next link; then the last pages.
        var asked = new List<string>();
        var pages = new Dictionary<string, string>
        {
            ["/v1/gadgets?size=2"] = """{"items":[{"id":"a"},{"id":"b"}],"nextLink":"/v1/gadgets?size=2&page=2"}""",
            ["/v1/gadgets?size=2&page=2"] = """{"items":[{"id":"c"}],"nextLink":"https://gadgets.example.com/v1/gadgets?size=2&page=3"}""",
            ["/v1/gadgets?size=2&page=3"] = """{"items":[{"id":"d"}]}""",
            ["/v1/gizmos"] = """{"results":[{"id":"x"}],"links":[{"rel":"self","href":"/v1/gizmos"},{"rel":"next","href":"https://elsewhere.example.com/steal"}]}""",
        };
        var handler = new PageHandler(request =>
        {
            asked.Add(request.PathAndQuery);
            return pages[request.PathAndQuery];
        });
        CompiledOutput compiled = CompiledOutput.Compile(harness, run);
        object api = Activator.CreateInstance(compiled.FindType("Consumer.Gadgets.GadgetsApi")!, new HttpClient(handler), new Uri("https://gadgets.example.com/v1/"))!;
        object gadgets = api.GetType().GetProperty("Gadgets")!.GetValue(api)!;
        Type client = compiled.FindType("Consumer.Gadgets.IGadgetsClient")!;
        object gadgetParameters = Activator.CreateInstance(compiled.FindType("Consumer.Gadgets.ListGadgetsParams")!)!;
        gadgetParameters.GetType().GetProperty("Size")!.SetValue(gadgetParameters, 2);

        List<string> ids = await Ids((IAsyncEnumerable<object>)client.GetMethod("ListGadgetsItemsAsync")!.Invoke(gadgets, [gadgetParameters, CancellationToken.None])!);
        Assert.Equal(["a", "b", "c", "d"], ids);
        Assert.Equal(["/v1/gadgets?size=2", "/v1/gadgets?size=2&page=2", "/v1/gadgets?size=2&page=3"], asked);

        // A next link to another host would carry the client's credentials there: it is refused before anything is sent.
        object gizmoParameters = Activator.CreateInstance(compiled.FindType("Consumer.Gadgets.ListGizmosParams")!)!;
        var gizmos = (IAsyncEnumerable<object>)client.GetMethod("ListGizmosItemsAsync")!.Invoke(gadgets, [gizmoParameters, CancellationToken.None])!;
        ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(() => Ids(gizmos));
        Assert.Contains("elsewhere.example.com", refused.Message, StringComparison.Ordinal);
        Assert.Equal("/v1/gizmos", asked[^1]);
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<object> items)
    {
        var ids = new List<string>();
        await foreach (object item in items)
        {
            ids.Add((string)item.GetType().GetProperty("Id")!.GetValue(item)!);
        }

        return ids;
    }

    /// <summary>Answers every request with the JSON its query selects.</summary>
    private sealed class PageHandler(Func<Uri, string> pageFor) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pageFor(request.RequestUri!), System.Text.Encoding.UTF8, "application/json") });
    }

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, start);
        int to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text.Substring(from, to - from);
    }
}
