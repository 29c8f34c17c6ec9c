using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

using SpecClient.Testing;

namespace SpecClient.Package.Tests.Infrastructure;

/// <summary>The tests that share one packed SpecClient package (and SpecClient.Http).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "SpecClient package";
}

/// <summary>
/// Packs the repository's runtime project (which packs the one SpecClient package) once per test run, into a fresh
/// temporary folder, with a unique prerelease version so NuGet's caches can never serve a stale copy.
/// Consumers live in the same temporary folder (outside the repository) and restore into its own packages folder.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    /// <summary>How long packing may take (about 30 s on a 2-core machine with a cold build).</summary>
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Creates the fixture; <see cref="InitializeAsync"/> does the work.</summary>
    public PackageFixture()
    {
        RepoRoot = RepositoryRoot.Path;
        string baseVersion = ReadSpecClientVersion(RepoRoot);
        Version = string.Create(CultureInfo.InvariantCulture, $"{baseVersion}-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        WorkDirectory = Path.Combine(Path.GetTempPath(), "specclient-package-tests", Version);
        PackagePath = Path.Combine(FeedDirectory, $"SpecClient.{Version}.nupkg");
    }

    /// <summary>The repository root (the folder holding Generator.sln).</summary>
    public string RepoRoot { get; }

    /// <summary>The version the package was packed with, e.g. <c>0.1.0-test.20250101120000.4242</c>.</summary>
    public string Version { get; }

    /// <summary>The temporary folder everything of this run lives in; deleted at the end.</summary>
    public string WorkDirectory { get; }

    /// <summary>The folder the package is packed into: the consumers' extra package source.</summary>
    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    /// <summary>Where consumers restore packages to (NUGET_PACKAGES), so the machine's global cache stays clean.</summary>
    public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    /// <summary>The folder consumer projects are created in.</summary>
    public string ConsumersDirectory => Path.Combine(WorkDirectory, "consumers");

    /// <summary>The packed package.</summary>
    public string PackagePath { get; }

    /// <summary>The packed SpecClient.Http package.</summary>
    public string HttpPackagePath => Path.Combine(FeedDirectory, $"SpecClient.Http.{Version}.nupkg");

    /// <summary>The pack command's result.</summary>
    internal ProcessResult? PackResult { get; private set; }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (IsUnder(WorkDirectory, RepoRoot))
        {
            throw new InvalidOperationException($"The temporary folder '{WorkDirectory}' is inside the repository; consumers must live outside it.");
        }

        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersDirectory);
        WriteConsumerEnvironment();

        // ArtifactsPath keeps the pack's bin/obj out of the working tree: a clean build that cannot race with
        // (or be helped by) builds other people run in the repository at the same time.
        PackResult = await DotnetCli.RunAsync(
            RepoRoot,
            PackTimeout,
            environment: null,
            "pack",
            Path.Combine(RepoRoot, "runtime", "SpecClient.Runtime.csproj"),
            "-c",
            "Release",
            "-o",
            FeedDirectory,
            $"-p:Version={Version}",
            $"-p:ArtifactsPath={Path.Combine(WorkDirectory, "artifacts")}",
            "-p:UseSharedCompilation=false",
            "-nodeReuse:false",
            "-tl:off").ConfigureAwait(false);

        if (PackResult.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing SpecClient failed." + Environment.NewLine + PackResult.Describe());
        }

        // The second package, with the HTTP chain: packed the same way, depending on this SpecClient.
        ProcessResult packHttp = await DotnetCli.RunAsync(
            RepoRoot,
            PackTimeout,
            environment: null,
            "pack",
            Path.Combine(RepoRoot, "http", "SpecClient.Http.csproj"),
            "-c",
            "Release",
            "-o",
            FeedDirectory,
            $"-p:Version={Version}",
            $"-p:ArtifactsPath={Path.Combine(WorkDirectory, "artifacts")}",
            "-p:UseSharedCompilation=false",
            "-nodeReuse:false",
            "-tl:off").ConfigureAwait(false);
        if (packHttp.ExitCode != 0 || !File.Exists(HttpPackagePath))
        {
            throw new InvalidOperationException("Packing SpecClient.Http failed." + Environment.NewLine + packHttp.Describe());
        }

        if (!File.Exists(PackagePath))
        {
            string found = string.Join(", ", Directory.EnumerateFiles(FeedDirectory).Select(Path.GetFileName));
            throw new InvalidOperationException($"Packing succeeded but '{PackagePath}' is missing; the feed holds: [{found}]." + Environment.NewLine + PackResult.Describe());
        }
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
            string parent = Path.GetDirectoryName(WorkDirectory)!;
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // Best effort: a file still held open must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The environment for <c>dotnet</c> commands on consumers: restore into this run's packages folder.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    private void WriteConsumerEnvironment()
    {
        // The feed as one more package source. No <clear/>: the machine's usual sources stay available, as for a user.
        File.WriteAllText(
            Path.Combine(WorkDirectory, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="specclient-under-test" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        // Fences: MSBuild stops looking upwards at the first Directory.Build.props/targets it finds, so nothing
        // above the temporary folder can change the consumers. They stay plain SDK projects.
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.targets"), "<Project />\n");
    }
    private static string ReadSpecClientVersion(string repoRoot)
    {
        string props = Path.Combine(repoRoot, "Directory.Build.props");
        string? version = XDocument.Load(props).Descendants("SpecClientVersion").Select(element => element.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(version) ? throw new InvalidOperationException($"No <SpecClientVersion> in '{props}'.") : version;
    }

    private static bool IsUnder(string path, string root)
    {
        string fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(fullRoot, StringComparison.Ordinal);
    }
}
