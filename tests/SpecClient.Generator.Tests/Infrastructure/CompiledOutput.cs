using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit.Sdk;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>Generated code compiled to an assembly and loaded, so tests can run it (JSON round trips).</summary>
internal sealed class CompiledOutput
{
    private readonly Assembly _assembly;

    private CompiledOutput(Assembly assembly) => _assembly = assembly;

    public static CompiledOutput Compile(GeneratorHarness harness, GeneratorDriverRunResult run)
    {
        CSharpCompilation compilation = harness.Compilation.AddSyntaxTrees(run.GeneratedTrees);
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new XunitException("Generated code did not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CompiledOutput(context.LoadFromStream(stream));
    }

    public Type? FindType(string fullName) => _assembly.GetType(fullName);

    /// <summary>The generated context's shared instance.</summary>
    public JsonSerializerContext Context(string fullName)
        => (JsonSerializerContext)FindType(fullName)!.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    public static JsonTypeInfo TypeInfo(JsonSerializerContext context, Type type)
        => context.GetTypeInfo(type) ?? throw new XunitException("The context has no metadata for " + type);
}
