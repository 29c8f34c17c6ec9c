using System.Collections.Generic;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>The emitter's entry point: one spec in, its generated files out (stable hint names, stable order).</summary>
internal static class SourceEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(ApiSpec spec)
    {
        string prefix = spec.Namespace + "." + spec.RootClient.ClassName;
        var files = new List<GeneratedFile>
        {
            new(prefix + ".Clients.g.cs", ClientEmitter.Emit(spec)),
            new(prefix + ".Parameters.g.cs", ParamsEmitter.Emit(spec)),
            new(prefix + ".Models.g.cs", ModelEmitter.Emit(spec)),
            new(prefix + ".JsonContext.g.cs", JsonContextEmitter.Emit(spec)),
        };
        if (spec.ErrorCodes is ErrorCodesSpec errorCodes)
        {
            files.Add(new GeneratedFile(prefix + ".ErrorCodes.g.cs", ErrorCodesEmitter.Emit(spec, errorCodes)));
        }

        return files;
    }
}
