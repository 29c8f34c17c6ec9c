using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The generator runs inside the user's compiler and IDE: a spec built to overflow its stack, explode a walk or
/// clash with another spec ends in a diagnostic, never in a dead process, a hang or dropped output.
/// </summary>
public sealed class CompilerSafetyTests
{
    // A guard against a test that would otherwise hang the run; not a speed goal (those live in bench/).
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static SpecInput Spec(string fileName) => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, fileName), "Consumer.Api", "ApiClient");

    private static SpecInput Inline(string fileName, string text, string @namespace = "Consumer.Api", string clientName = "ApiClient")
        => new(Path.Combine(RepositoryPaths.TestSpecs, fileName), text, @namespace, clientName);

    private static async Task<GeneratorDriverRunResult> RunGuarded(GeneratorHarness harness, params SpecInput[] specs)
    {
        Task<GeneratorDriverRunResult> running = Task.Run(() => harness.Run(specs));
        Assert.True(await Task.WhenAny(running, Task.Delay(HangGuard)) == running, "the generator did not finish within " + HangGuard);
        GeneratorDriverRunResult run = await running;
        Assert.All(run.Results, result => Assert.Null(result.Exception));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SCG0010");
        return run;
    }

    private static void AssertCompilesCleanly(GeneratorHarness harness, GeneratorDriverRunResult run)
    {
        harness.AssertOutputCompilesCleanly(run);
    }

    [Fact]
    public async Task DiscriminatedSchemasNamingEachOtherAsVariantsGenerateOnce()
    {
        // Before the guard came first, mapping Cat mapped its base Dog, whose base is Cat…: a stack overflow.
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = await RunGuarded(harness, Spec("discriminator-cycle.yaml"));

        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("public partial record Dog\n", models);
        Assert.Contains("public sealed partial record Cat : Dog\n", models);
        AssertCompilesCleanly(harness, run);
    }

    [Fact]
    public void SchemasNestedDeeperThanTheStackAllowsEndInADiagnosticOnASmallThread()
    {
        // 100 nested objects are within every depth limit; on a 192 KiB stack the stack check is what stops them.
        var spec = new StringBuilder("openapi: 3.0.1\ninfo: {title: Deep, version: '1'}\npaths:\n  /deep:\n    get:\n      operationId: getDeep\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n");
        string indent = new(' ', 16);
        for (int level = 0; level < 100; level++)
        {
            spec.Append(indent).Append("type: object\n").Append(indent).Append("properties:\n").Append(indent).Append("  p").Append(level).Append(":\n");
            indent += "    ";
        }

        spec.Append(indent).Append("type: string\n");
        var options = new SpecFileOptions("deep.yaml", "Consumer.Api", "ApiClient", null, null, null, null);
        ParseResult? result = null;
        Exception? escaped = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = SpecParser.Parse(options, spec.ToString(), CancellationToken.None);
                }
                catch (Exception exception)
                {
                    escaped = exception;
                }
            },
            maxStackSize: 192 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(escaped);
        Assert.NotNull(result);
        DiagnosticInfo diagnostic = Assert.Single(result!.Diagnostics, d => d.Id == "SCG0016");
        Assert.Contains("stack", string.Join(" ", diagnostic.MessageArgs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AliasBombInAnErrorExampleIsReadOncePerNode()
    {
        // Fan-out 20, depth 7: 20^7 (1.28 billion) paths through 141 nodes. The error code at the bottom is harvested.
        var text = new StringBuilder("openapi: 3.0.1\ninfo: {title: Bomb, version: '1'}\nx-bomb:\n  l0: &l0 {errorCode: BOMB_DEFUSED}\n");
        for (int level = 1; level <= 7; level++)
        {
            text.Append("  l").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 20))).Append("]\n");
        }

        text.Append("paths:\n  /bomb:\n    get:\n      operationId: getBomb\n      responses:\n        '204': {description: Done}\n        '400':\n          description: Bad\n          content:\n            application/json:\n              example: *l7\n");
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = await RunGuarded(harness, Inline("bomb.yaml", text.ToString()));

        Assert.Contains("public const string BombDefused = \"BOMB_DEFUSED\";", GeneratedSource.Of(run, ".ErrorCodes.g.cs"));
        AssertCompilesCleanly(harness, run);
    }

    [Fact]
    public async Task AliasBombInComponentExamplesIsReadOncePerNode()
    {
        // The same bomb, reached only from components (no operation lists these responses or examples).
        var text = new StringBuilder("openapi: 3.0.1\ninfo: {title: Bomb, version: '1'}\nx-bomb:\n  l0: &l0 {error: 410, errorCode: BOMB_IN_COMPONENTS}\n");
        for (int level = 1; level <= 7; level++)
        {
            text.Append("  l").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 20))).Append("]\n");
        }

        text.Append("paths:\n  /bomb:\n    get:\n      operationId: getBomb\n      responses:\n        '204': {description: Done}\ncomponents:\n  responses:\n");
        for (int i = 0; i < 50; i++)
        {
            text.Append("    r").Append(i).Append(":\n      description: Gone\n      content:\n        application/json:\n          example: *l7\n");
        }

        text.Append("  examples:\n");
        for (int i = 0; i < 50; i++)
        {
            text.Append("    e").Append(i).Append(": {value: *l7}\n");
        }

        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = await RunGuarded(harness, Inline("component-bomb.yaml", text.ToString()));

        Assert.Contains("/// <summary>BOMB_IN_COMPONENTS. Seen with HTTP 410.</summary>", GeneratedSource.Of(run, ".ErrorCodes.g.cs"));
        AssertCompilesCleanly(harness, run);
    }

    [Fact]
    public async Task MergeKeysMergingMergesStayLinear()
    {
        // Every level merges the previous one twice: 2^40 entries if copied blindly; merged keys are kept once.
        var text = new StringBuilder("openapi: 3.0.1\ninfo: {title: Merge, version: '1'}\nx-bomb:\n  m0: &m0 {a: 1, b: 2}\n");
        for (int level = 1; level <= 40; level++)
        {
            text.Append("  m").Append(level).Append(": &m").Append(level).Append(" {<<: *m").Append(level - 1).Append(", <<: *m").Append(level - 1).Append(", k").Append(level).Append(": 1}\n");
        }

        text.Append("paths: {}\n");
        GeneratorDriverRunResult run = await RunGuarded(new GeneratorHarness(), Inline("merge-bomb.yaml", text.ToString()));

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task MergingOneLargeMappingThousandsOfTimesEndsInADiagnostic()
    {
        // 2,000 keys merged into 6,000 mappings: 12 million copied entries from 200 KB of text.
        var text = new StringBuilder("openapi: 3.0.1\ninfo: {title: Merge, version: '1'}\nx-big: &big\n");
        for (int key = 0; key < 2000; key++)
        {
            text.Append("  k").Append(key).Append(": 1\n");
        }

        text.Append("x-copies:\n");
        for (int copy = 0; copy < 6000; copy++)
        {
            text.Append("  - {<<: *big}\n");
        }

        text.Append("paths: {}\n");
        GeneratorDriverRunResult run = await RunGuarded(new GeneratorHarness(), Inline("merge-bomb.yaml", text.ToString()));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SCG0016", diagnostic.Id);
        Assert.Contains("merge keys", diagnostic.GetMessage());
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public async Task MergedEntriesYieldToTheMappingsOwn()
    {
        string text = "openapi: 3.0.1\ninfo: {title: Merge, version: '1'}\nx-defaults:\n  base: &base {type: string, description: From the merge.}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  count:\n                    <<: *base\n                    type: integer\n";
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = await RunGuarded(harness, Inline("merge.yaml", text));

        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("/// <summary>From the merge.</summary>", models);
        Assert.Contains("public long? Count { get; set; }", models);
        AssertCompilesCleanly(harness, run);
    }

    [Fact]
    public async Task PatternLongerThanTheLimitIsReportedAndNotChecked()
    {
        string pattern = "^(" + string.Join("|", Enumerable.Range(0, 40_000).Select(i => "a" + i)) + ")$";
        string text = "openapi: 3.0.1\ninfo: {title: Long, version: '1'}\npaths:\n  /items/{id}:\n    delete:\n      operationId: deleteItem\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n            pattern: '" + pattern + "'\n      responses:\n        '204': {description: Done}\n";
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = await RunGuarded(harness, Inline("long-pattern.yaml", text));

        Diagnostic diagnostic = DiagnosticAssert.Single(run.Diagnostics, "SCG0011", "long-pattern.yaml", 13, 22);
        Assert.Contains("longer than 4,096 characters", diagnostic.GetMessage());
        Assert.True(diagnostic.GetMessage().Length < 1000, "the message quotes the pattern in full");
        Assert.DoesNotContain("a39999", GeneratedSource.Of(run, ".Parameters.g.cs"));
        AssertCompilesCleanly(harness, run);
    }

    [Theory]
    [InlineData("list*", "listOrgInvites", true)]
    [InlineData("list*", "list/x", false)]
    [InlineData("/api/**", "/api/atlas/v2/orgs", true)]
    [InlineData("/api/*/v2", "/api/atlas/v2", true)]
    [InlineData("/api/*/v2", "/api/a/b/v2", false)]
    [InlineData("get?rg", "getOrg", true)]
    [InlineData("get?rg", "get/rg", false)]
    [InlineData("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("*a*a*b", "xxaxxaxxb", true)]
    public void FilterGlobsMatchWithoutBacktracking(string glob, string subject, bool expected)
        => Assert.Equal(expected, OperationFilter.GlobMatches(glob, subject));

    [Fact]
    public void StepBudgetEndsAWalkWithoutEnd()
    {
        var context = new ParseContext("x.yaml", new MappingNode(new List<KeyValuePair<ScalarNode, SpecNode>>(), default, default), CancellationToken.None);

        Assert.Throws<SpecTooComplexException>(() =>
        {
            for (long step = 0; step <= ParseContext.MaxSteps + 1024; step++)
            {
                context.Step();
            }
        });
    }

    [SkippableFact]
    public void ParsingAWholeSpecStopsWhenCancelled()
    {
        SpecInput spec = FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var options = new SpecFileOptions(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, null, null, null);

        Assert.ThrowsAny<OperationCanceledException>(() => SpecParser.Parse(options, spec.Text, cancellation.Token));
    }

    [SkippableFact]
    public void RealSpecsStayFarBelowTheStepBudget()
    {
        SpecInput spec = FullSpecs.Load("atlas-admin-v2-2025-03-12.yaml");
        var options = new SpecFileOptions(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, null, null, null);

        ParseResult result = SpecParser.Parse(options, spec.Text, CancellationToken.None);

        Assert.NotNull(result.Spec);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SCG0016");
    }

    [Theory]
    [InlineData("ApiClient")]
    [InlineData("OtherClient")]
    public async Task TwoSpecsInOneNamespaceGenerateTheFirstAndNameBothFiles(string secondClientName)
    {
        SpecInput first = Spec("read-write-only.yaml");
        SpecInput second = Spec("discriminator-values.yaml") with { ClientName = secondClientName };
        var harness = new GeneratorHarness();

        GeneratorDriverRunResult run = await RunGuarded(harness, first, second);

        Diagnostic diagnostic = DiagnosticAssert.Single(run.Diagnostics, "SCG0017", "discriminator-values.yaml", 1, 1);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(first.Path, diagnostic.GetMessage());
        Assert.Contains("'Consumer.Api'", diagnostic.GetMessage());
        Assert.Equal(secondClientName == "ApiClient", diagnostic.GetMessage().Contains("same ClientName", StringComparison.Ordinal));
        Assert.Contains("CreateUserAsync", GeneratedSource.Of(run, ".Clients.g.cs"));
        Assert.DoesNotContain(run.GeneratedTrees, tree => tree.ToString().Contains("ListLimitsAsync", StringComparison.Ordinal));
        AssertCompilesCleanly(harness, run);
    }

    [Theory]
    [InlineData("get\u200BThing")]
    [InlineData("_getThing")]
    [InlineData("get-thing")]
    public async Task OperationIdsDifferingOnlyInDroppedCharactersGetDistinctCompilingNames(string secondOperationId)
    {
        // Identifiers drop a zero-width space, a leading underscore or a dash: both operations start from GetThing, so
        // the second's params class is GetThingParams2, the name its parameter getThingParams takes (GetThingParams is reserved).
        string text = "openapi: 3.0.1\ninfo: {title: Things, version: '1'}\npaths:\n"
            + "  /things/{id}:\n    get:\n      operationId: getThing\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '204': {description: Done}\n"
            + "  /other/{id}:\n    get:\n      operationId: \"" + secondOperationId + "\"\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n        - {name: getThingParams, in: query, schema: {type: string}}\n      responses:\n        '204': {description: Done}\n";
        var harness = new GeneratorHarness();

        GeneratorDriverRunResult run = await RunGuarded(harness, Inline("dropped-characters.yaml", text));

        string clients = GeneratedSource.Of(run, ".Clients.g.cs");
        Assert.Contains("GetThingAsync(GetThingParams parameters", clients);
        Assert.Contains("GetThingAsync2(GetThingParams3 parameters", clients);
        Assert.Contains("public string? GetThingParams2 { get; init; }", GeneratedSource.Of(run, ".Parameters.g.cs"));
        AssertCompilesCleanly(harness, run);
    }

    [Fact]
    public async Task TwoSpecsInTheirOwnNamespacesBothGenerate()
    {
        SpecInput first = Spec("read-write-only.yaml");
        SpecInput second = Spec("discriminator-values.yaml") with { Namespace = "Consumer.Limits" };
        var harness = new GeneratorHarness();

        GeneratorDriverRunResult run = await RunGuarded(harness, first, second);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SCG0017");
        Assert.Equal(2, run.GeneratedTrees.Count(tree => tree.FilePath.EndsWith(".Clients.g.cs", StringComparison.Ordinal)));
        AssertCompilesCleanly(harness, run);
    }

    [Fact]
    public async Task ReferencesToOtherFilesAndUrlsAreReportedWithoutBeingRead()
    {
        // If the generator read them, the file below would be found (it exists beside the spec) and no warning given.
        string neighbour = Path.Combine(RepositoryPaths.TestSpecs, "read-write-only.yaml");
        string text = "openapi: 3.0.1\ninfo: {title: Refs, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  local:\n                    $ref: '" + neighbour + "#/components/schemas/User'\n                  relative:\n                    $ref: 'read-write-only.yaml#/components/schemas/User'\n                  remote:\n                    $ref: 'http://127.0.0.1:9/schemas/user.yaml'\n";
        var harness = new GeneratorHarness();

        GeneratorDriverRunResult run = await RunGuarded(harness, Inline("refs.yaml", text));

        List<Diagnostic> unresolved = run.Diagnostics.Where(d => d.Id == "SCG0003").ToList();
        Assert.Equal(3, unresolved.Count);
        Assert.All(unresolved, d => Assert.Contains("references to other files are not supported", d.GetMessage()));
        Assert.DoesNotContain("record User", GeneratedSource.Of(run, ".Models.g.cs"));
        AssertCompilesCleanly(harness, run);
    }
}
