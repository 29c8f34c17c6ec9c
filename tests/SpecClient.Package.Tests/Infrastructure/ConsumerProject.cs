using System;
using System.IO;
using System.Threading.Tasks;

namespace SpecClient.Package.Tests.Infrastructure;

/// <summary>
/// A user's project that references the packed SpecClient package: a console app outside the repository with the
/// usual strict settings (nullable, warnings as errors), its sources copied from <c>Consumers/&lt;name&gt;</c>.
/// </summary>
internal sealed class ConsumerProject
{
    /// <summary>How long one build or run may take (a cold consumer build takes about 10 s).</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly PackageFixture _package;

    private ConsumerProject(PackageFixture package, string name, string directory)
    {
        _package = package;
        Name = name;
        Directory = directory;
    }

    /// <summary>The project's name (its folder under Consumers/ and its assembly name).</summary>
    public string Name { get; }

    /// <summary>The folder of the project.</summary>
    public string Directory { get; }

    /// <summary>Writes the project: its csproj and the files of <c>Consumers/<paramref name="name"/></c>.</summary>
    /// <param name="package">The packed package to reference.</param>
    /// <param name="name">The folder under Consumers/ holding the sources.</param>
    /// <param name="properties">More csproj properties (XML), such as &lt;SpecClientBundledSpecs&gt;.</param>
    /// <param name="items">More csproj items (XML), such as &lt;OpenApiSpec&gt;.</param>
    public static ConsumerProject Create(PackageFixture package, string name, string properties, string items)
    {
        string directory = Path.Combine(package.ConsumersDirectory, name);
        System.IO.Directory.CreateDirectory(directory);

        string sources = Path.Combine(AppContext.BaseDirectory, "Consumers", name);
        foreach (string file in System.IO.Directory.EnumerateFiles(sources))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(
            Path.Combine(directory, name + ".csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecClient" Version="{package.Version}" />
                {items}
              </ItemGroup>
            </Project>
            """);

        return new ConsumerProject(package, name, directory);
    }

    /// <summary><c>dotnet build</c>: restores SpecClient from the feed, runs the generator, compiles.</summary>
    public Task<ProcessResult> BuildAsync()
        => DotnetCli.RunAsync(Directory, CommandTimeout, _package.ConsumerEnvironment, "build", "-p:UseSharedCompilation=false", "-nodeReuse:false", "-tl:off");

    /// <summary><c>dotnet run --no-build</c>: runs what <see cref="BuildAsync"/> built.</summary>
    public Task<ProcessResult> RunAsync()
        => DotnetCli.RunAsync(Directory, CommandTimeout, _package.ConsumerEnvironment, "run", "--no-build");
}
