using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using SpecClient.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecClient.Package.Tests;

/// <summary>
/// The SpecClient package as a user gets it: what is inside, and what happens when a project references it.
/// One package is packed for all tests (<see cref="PackageFixture"/>); each consumer is a fresh project outside the repository.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    // The ids the BundledSpecs consumer uses (Consumers/BundledSpecs/Program.cs).
    private const string OrgId = "5f1a2b3c4d5e6f7a8b9c0d1e";
    private const string GroupId = "6a0b1c2d3e4f5a6b7c8d9e0f";
    private const string InvitationId = "64b0c1d2e3f4a5b6c7d8e9f0";
    private const string UserId = "65c1d2e3f4a5b6c7d8e9f0a1";

    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public PackageTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
        if (package.PackResult is { } pack)
        {
            _output.WriteLine($"packed {Path.GetFileName(package.PackagePath)} in {pack.Elapsed.TotalSeconds:0.0} s");
        }
    }

    [Fact]
    public void PackageHasAnalyzerRuntimeAndBuildFiles()
    {
        using ZipArchive package = ZipFile.OpenRead(_package.PackagePath);
        string[] entries = package.Entries.Select(entry => entry.FullName).ToArray();

        string[] expected =
        [
            "README.md",
            "analyzers/dotnet/cs/SpecClient.Generator.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/SpecClient.props",
            "build/SpecClient.targets",
            "build/specs/atlas-v2-2023-02-01.invites.yaml",
            "build/specs/atlas-v2-2023-11-15.invites.yaml",
            "build/specs/atlas-v2-2024-05-30.invites.yaml",
            "build/specs/atlas-v2-2025-03-12.invites.yaml",
            "build/specs/cloud-manager-v1.0.invites.yaml",
            "lib/net8.0/SpecClient.Runtime.dll",
            "lib/net8.0/SpecClient.Runtime.xml",
        ];
        string[] content = entries.Where(entry => !IsPackageMetadata(entry)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, content);

        Assert.DoesNotContain(entries, entry => entry.Contains("Test", StringComparison.OrdinalIgnoreCase)
            || entry.Contains("Simulator", StringComparison.OrdinalIgnoreCase)
            || entry.Contains("xunit", StringComparison.OrdinalIgnoreCase));

        // YamlDotNet ships inside analyzers/ for the generator; the consumer's own code must not get it as a dependency.
        XDocument nuspec = ReadNuspec(package);
        string? Metadata(string name) => nuspec.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")
            ?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("SpecClient", Metadata("id"));
        Assert.Equal(_package.Version, Metadata("version"));
        Assert.Equal("README.md", Metadata("readme"));
        string[] dependencies = nuspec.Descendants()
            .Where(element => element.Name.LocalName == "dependency")
            .Select(element => (string?)element.Attribute("id") ?? string.Empty)
            .ToArray();
        Assert.DoesNotContain(dependencies, id => id.Equals("YamlDotNet", StringComparison.OrdinalIgnoreCase));

        // The runtime depends on one package, Microsoft's server-sent events parser; the HTTP chain and its packages are SpecClient.Http's.
        Assert.Equal(["System.Net.ServerSentEvents"], dependencies.Distinct(StringComparer.Ordinal).ToArray());

        // The runtime stays within the 100 KB it promises (docs/packages.md records its size).
        Assert.InRange(package.GetEntry("lib/net8.0/SpecClient.Runtime.dll")!.Length, 1, 100_000);
    }

    [Fact]
    public void HttpPackageCarriesTheHttpChainOverSpecClient()
    {
        using ZipArchive package = ZipFile.OpenRead(_package.HttpPackagePath);
        string[] content = package.Entries.Select(entry => entry.FullName).Where(entry => !IsPackageMetadata(entry)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["README.md", "lib/net8.0/SpecClient.Http.dll", "lib/net8.0/SpecClient.Http.xml"], content);

        XDocument nuspec = ReadNuspec(package, "SpecClient.Http.nuspec");
        string[] dependencies = nuspec.Descendants()
            .Where(element => element.Name.LocalName == "dependency")
            .Select(element => $"{(string?)element.Attribute("id")} {(string?)element.Attribute("version")}")
            .ToArray();
        Assert.Contains($"SpecClient {_package.Version}", dependencies);
        Assert.Contains(dependencies, dependency => dependency.StartsWith("Microsoft.Extensions.Http.Resilience ", StringComparison.Ordinal));
        Assert.Contains(dependencies, dependency => dependency.StartsWith("Microsoft.Extensions.Http ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConsumerWithOnlySpecClientCallsAServerThroughPlainHttpClient()
    {
        var consumer = ConsumerProject.Create(
            _package,
            "PlainHttpClient",
            properties: string.Empty,
            items: """<OpenApiSpec Include="pets.yaml" Namespace="Acme.Pets" ClientName="PetsClient" />""");

        await BuildWithoutWarningsAsync(consumer);

        // What the consumer restored: SpecClient and nothing else. Its one dependency, System.Net.ServerSentEvents, is
        // part of .NET 10, so NuGet prunes it for this net10.0 consumer.
        string assets = File.ReadAllText(Path.Combine(consumer.Directory, "obj", "project.assets.json"));
        using (var json = System.Text.Json.JsonDocument.Parse(assets))
        {
            string[] libraries = json.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name).ToArray();
            Assert.Equal([$"SpecClient/{_package.Version}"], libraries);
        }

        ProcessResult run = await RunAsync(consumer);
        Assert.Equal(
            [
                "server: GET /v1/pets/rex User-Agent: SpecClient",
                "got p1 rex",
                "server: DELETE /v1/pets/rex User-Agent: SpecClient",
                "deleted rex",
                "server: GET /v1/pets/ghost User-Agent: SpecClient",
                "ghost: 404",
            ],
            Lines(run.StandardOutput));
    }

    [Fact]
    public async Task ConsumerStreamsServerSentEventsAndSendsRequestOptionsHeaders()
    {
        var consumer = ConsumerProject.Create(
            _package,
            "EventStreams",
            properties: string.Empty,
            items: """<OpenApiSpec Include="chat.yaml" Namespace="Acme.Chat" ClientName="ChatClient" />""");

        await BuildWithoutWarningsAsync(consumer);
        ProcessResult run = await RunAsync(consumer);

        Assert.Equal(
            [
                "server: POST /v1/chat/stream Accept: text/event-stream X-Trace: none body: {\"prompt\":\"hi\"}",
                "chunk: Hel",
                "chunk: lo",
                "chunk: !",
                "chunks: 3",
                "server: POST /v1/chat/stream Accept: text/event-stream X-Trace: abc body: {\"prompt\":\"again\"}",
                "traced chunk: Hel",
                "traced chunk: lo",
                "traced chunk: !",
            ],
            Lines(run.StandardOutput));
    }

    [Fact]
    public async Task ConsumerWithBundledSpecsCallsDeleteInvitesAndTheirUsersApiReplacement()
    {
        var consumer = ConsumerProject.Create(
            _package,
            "BundledSpecs",
            properties: "<SpecClientBundledSpecs>true</SpecClientBundledSpecs>",
            items: string.Empty);

        await BuildWithoutWarningsAsync(consumer);
        ProcessResult run = await RunAsync(consumer);

        // Compared as text, so a failure shows the first differing character.
        Assert.Equal(
            string.Join("\n",
            [
                // Bodiless: the version of the invitation's own path, its only resource version.
                $"DELETE https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/invites/{InvitationId} Accept: application/vnd.atlas.2023-01-01+json",
                $"DELETE https://cloud.mongodb.com/api/atlas/v2/groups/{GroupId}/invites/{InvitationId} Accept: application/vnd.atlas.2023-01-01+json",
                $"GET https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/users?username=new.hire%40example.com&orgMembershipStatus=PENDING Accept: application/vnd.atlas.2025-02-19+json",
                "pending new.hire@example.com invited 2026-11-02 as ORG_MEMBER",
                $"DELETE https://cloud.mongodb.com/api/atlas/v2/orgs/{OrgId}/users/{UserId} Accept: application/vnd.atlas.2025-02-19+json",
                $"GET https://cloud.mongodb.com/api/atlas/v2/groups/{GroupId}/users Accept: application/vnd.atlas.2025-02-19+json",
                $"DELETE https://cloud.mongodb.com/api/atlas/v2/groups/{GroupId}/users/{UserId} Accept: application/vnd.atlas.2025-02-19+json",
                $"DELETE https://cloud.mongodb.com/api/public/v1.0/groups/{GroupId}/invites/{InvitationId} Accept: application/json",
                "malformed id: ArgumentException for orgId; requests sent: 7",
            ]),
            string.Join("\n", Lines(run.StandardOutput)));
    }

    [Fact]
    public async Task ConsumerWithOwnSpecGetsClientInItsNamespace()
    {
        var consumer = ConsumerProject.Create(
            _package,
            "OwnSpec",
            properties: string.Empty,
            items: """<OpenApiSpec Include="pets.yaml" Namespace="Acme.Pets" ClientName="PetsClient" /><AdditionalFiles Include="stylecop.json" />""");

        ProcessResult build = await BuildWithoutWarningsAsync(consumer);
        Assert.DoesNotContain("stylecop.json", build.Output, StringComparison.Ordinal);
        ProcessResult run = await RunAsync(consumer);

        Assert.Equal(
            [
                "Acme.Pets.PetsClient",
                "DELETE https://pets.example.com/v1/pets/rex Accept: application/json",
            ],
            Lines(run.StandardOutput));
    }

    [Fact]
    public async Task BrokenSpecInConsumerGivesLocatedDiagnostic()
    {
        // Consumers/BrokenSpec/pets.yaml line 3 opens a flow mapping and never closes it.
        var consumer = ConsumerProject.Create(
            _package,
            "BrokenSpec",
            properties: string.Empty,
            items: """<OpenApiSpec Include="pets.yaml" Namespace="Acme.Pets" ClientName="PetsClient" />""");

        ProcessResult build = await consumer.BuildAsync();
        _output.WriteLine($"build: {build.Elapsed.TotalSeconds:0.0} s");

        Assert.True(build.ExitCode != 0, "The build should fail on the malformed spec." + Environment.NewLine + build.Describe());
        Assert.True(build.Output.Contains("pets.yaml(3,", StringComparison.Ordinal), "The error should point at pets.yaml line 3." + Environment.NewLine + build.Describe());
        Assert.True(build.Output.Contains("error SCG0001", StringComparison.Ordinal), "The error should be SCG0001." + Environment.NewLine + build.Describe());
        Assert.Matches(@"pets\.yaml\(3,\d+\): error SCG0001: ", build.Output);

        // Not a generator crash (CS8785) nor an analyzer crash (AD0001): the generator read the spec and reported it.
        Assert.False(build.Output.Contains("CS8785", StringComparison.Ordinal), build.Describe());
        Assert.False(build.Output.Contains("AD0001", StringComparison.Ordinal), build.Describe());
    }

    private async Task<ProcessResult> BuildWithoutWarningsAsync(ConsumerProject consumer)
    {
        ProcessResult build = await consumer.BuildAsync();
        _output.WriteLine($"{consumer.Name} build: {build.Elapsed.TotalSeconds:0.0} s");
        Assert.True(build.ExitCode == 0, $"Building the {consumer.Name} consumer failed." + Environment.NewLine + build.Describe());
        Assert.True(
            build.StandardOutput.Contains("0 Warning(s)", StringComparison.Ordinal) && build.StandardOutput.Contains("0 Error(s)", StringComparison.Ordinal),
            $"Building the {consumer.Name} consumer should report no warnings." + Environment.NewLine + build.Describe());
        return build;
    }

    private async Task<ProcessResult> RunAsync(ConsumerProject consumer)
    {
        ProcessResult run = await consumer.RunAsync();
        _output.WriteLine($"{consumer.Name} run: {run.Elapsed.TotalSeconds:0.0} s");
        Assert.True(run.ExitCode == 0, $"Running the {consumer.Name} consumer failed." + Environment.NewLine + run.Describe());
        return run;
    }

    private static string[] Lines(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsPackageMetadata(string entry)
        => entry.StartsWith("_rels/", StringComparison.Ordinal)
            || entry.StartsWith("package/", StringComparison.Ordinal)
            || entry == "[Content_Types].xml"
            || entry == "SpecClient.nuspec"
            || entry == "SpecClient.Http.nuspec";

    private static XDocument ReadNuspec(ZipArchive package, string name = "SpecClient.nuspec")
    {
        ZipArchiveEntry entry = package.GetEntry(name) ?? throw new InvalidOperationException($"The package has no {name}.");
        using Stream stream = entry.Open();
        return XDocument.Load(stream);
    }
}
