using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The generator writes "\n" and golden files are compared byte for byte, so a Windows checkout
/// (<c>core.autocrlf=true</c>) must not turn golden files or specs into CRLF: <c>.gitattributes</c> pins them to LF.
/// </summary>
public sealed class LineEndingTests
{
    [SkippableFact]
    public void GoldenFilesAndSpecsAreCheckedOutWithLf()
    {
        string[] files = Directory.EnumerateFiles(RepositoryPaths.Snapshots, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryPaths.BundledSpecs, "*.yaml"))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests", "SpecClient.Generator.Tests", "Specs")))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
            .ToArray();
        Assert.NotEmpty(files);

        string? output = Git(["check-attr", "eol", "--", .. files]);
        Skip.If(output is null, "git is not available or this is not a git checkout");

        Dictionary<string, string> eol = output!.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": "))
            .ToDictionary(parts => parts[0], parts => parts[^1]);
        Assert.All(files, file => Assert.Equal((file, "lf"), (file, eol.GetValueOrDefault(file, "missing"))));
    }

    private static string? Git(string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
