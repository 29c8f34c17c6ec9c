using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Conformance.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecClient.Conformance.Tests;

/// <summary>
/// Every operation of each bundled fragment and of the full Atlas 2025-03-12 spec, called through the generated client
/// against Prism (static: answers from the spec's examples; dynamic: from its schemas). An operation conforms when
/// Prism reports no request violation and the client reads the response without error. Clients read tolerantly, as
/// by default; the full spec's static answers are also read strictly (mode <c>strict</c>).
/// </summary>
public sealed class PrismConformanceTests
{
    private const string FullAtlasSpec = "atlas-admin-v2-2025-03-12";

    private readonly ITestOutputHelper _output;

    public PrismConformanceTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> Runs()
    {
        var runs = new TheoryData<string, string>();
        foreach (ConformanceSpec spec in ConformanceSpec.All)
        {
            runs.Add(spec.Name, "static");
            runs.Add(spec.Name, "dynamic");
        }

        runs.Add(FullAtlasSpec, "strict");

        return runs;
    }

    [SkippableTheory]
    [MemberData(nameof(Runs))]
    public async Task EveryOperationSendsValidRequestsAndReadsTheResponses(string specName, string mode)
    {
        ConformanceSpec spec = ConformanceSpec.Named(specName);
        RequireSpec(spec);
        Type client = spec.ClientType ?? throw new InvalidOperationException(
            $"{spec.Path} exists but the test project was built without it ({spec.RootClient} is missing): rebuild the test project.");

        var clock = Stopwatch.StartNew();
        await using PrismServer prism = await PrismServer.StartAsync(spec.Path, mode == "dynamic");
        TimeSpan startup = clock.Elapsed;
        var driver = new OperationDriver(SpecDocument.Load(spec.Path), client, strictReading: mode == "strict");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        IReadOnlyList<OperationOutcome> outcomes = await driver.RunAsync(prism.BaseAddress, mode == "dynamic" ? 1 : 4, timeout.Token);

        int conforming = outcomes.Count(o => o.Conforms);
        string summary = $"{spec.Name} {mode}: {conforming}/{outcomes.Count} operations conform (Prism started in {startup.TotalSeconds:F1} s, run {clock.Elapsed.TotalSeconds:F1} s)";
        _output.WriteLine(summary);
        foreach (OperationOutcome outcome in outcomes.Where(o => !o.Conforms))
        {
            _output.WriteLine($"  {outcome.OperationId}: {outcome.Detail}");
        }

        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "conformance"));
        await File.WriteAllLinesAsync(
            Path.Combine(AppContext.BaseDirectory, "conformance", $"{spec.Name}.{mode}.txt"),
            new[] { summary }.Concat(outcomes.Select(o => $"{(o.Conforms ? "ok  " : "FAIL")} {o.OperationId}: {o.Detail}{Describe(o.MissingMembers)}")));

        Assert.NotEmpty(outcomes);
        var unexpected = outcomes.Where(o => !o.Conforms && !KnownNonConformance.Allows(spec.Name, mode, o.OperationId)).ToList();
        var stale = outcomes.Where(o => o.Conforms && KnownNonConformance.Allows(spec.Name, mode, o.OperationId) && !KnownNonConformance.MayPass(spec.Name, mode, o.OperationId)).ToList();
        Assert.True(unexpected.Count == 0, summary + "\nNot conforming and not in KnownNonConformance:\n" + string.Join("\n", unexpected.Select(o => $"  {o.OperationId}: {o.Detail}")));
        Assert.True(stale.Count == 0, "In KnownNonConformance but conforming now: remove them\n" + string.Join("\n", stale.Select(o => "  " + o.OperationId)));

        // A tolerant read never refuses an answer for what it lacks; a strict refusal of an incomplete answer names
        // members the answer really lacks, so it is Prism's example that is short, not the reader that is wrong.
        if (mode != "strict")
        {
            Assert.DoesNotContain(outcomes, o => o.MissingMembers is not null);
        }

        var unpinned = outcomes.Where(o => KnownNonConformance.IsIncompleteAnswer(spec.Name, mode, o.OperationId) && o.MissingMembers is not { AbsentFromBody: true }).ToList();
        Assert.True(unpinned.Count == 0, "Refused for another reason than members Prism's answer lacks:\n" + string.Join("\n", unpinned.Select(o => $"  {o.OperationId}: {o.Detail} {o.MissingMembers}")));
    }

    [Fact]
    public async Task PrismReportsAViolatingRequestInTheViolationHeader()
    {
        // The suite's verdicts rest on this: a request that breaks the spec (orgId pattern) is reported, not answered.
        ConformanceSpec spec = ConformanceSpec.Named("atlas-v2-2025-03-12.invites");
        await using PrismServer prism = await PrismServer.StartAsync(spec.Path, dynamic: false);
        using var http = new HttpClient { BaseAddress = prism.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/atlas/v2/orgs/not-an-id/invites");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "conformance");
        request.Headers.Accept.ParseAdd("application/vnd.atlas.2023-01-01+json");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string violations = string.Join(",", response.Headers.GetValues("sl-violations"));
        Assert.Contains(OperationDriver.RequestViolations(violations), v => v.StartsWith("path.orgid:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrismRejectsARequestWithoutCredentials()
    {
        ConformanceSpec spec = ConformanceSpec.Named("atlas-v2-2025-03-12.invites");
        await using PrismServer prism = await PrismServer.StartAsync(spec.Path, dynamic: false);
        using var http = new HttpClient { BaseAddress = prism.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/atlas/v2/orgs/64b0c1d2e3f4a5b6c7d8e901/invites");
        request.Headers.Accept.ParseAdd("application/vnd.atlas.2023-01-01+json");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Describe(MissingMembers? missing)
        => missing is null ? string.Empty : $" [{string.Join(", ", missing.Names)} at {missing.Path}: {(missing.AbsentFromBody ? "absent from the answer" : "NOT absent from the answer")}]";

    private static void RequireSpec(ConformanceSpec spec)
    {
        if (spec.Exists)
        {
            return;
        }

        string message = $"{spec.Path} is absent: the full Atlas specs are read from ../shared beside the repository.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message + " CI must have it.");
        }

        Skip.If(true, message + " Skipped locally.");
    }
}
