using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Emitting;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator;

/// <summary>
/// Turns each OpenAPI document passed as <c>&lt;OpenApiSpec&gt;</c> into a typed C# client:
/// spec files → options → parse (model + diagnostics) → emit source; diagnostics are reported separately,
/// so a diagnostic that only moved never re-emits code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<(AdditionalText File, SpecFileOptions Options)> specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => (File: pair.Left, Options: SpecFileReader.ReadOptions(pair.Left, pair.Right)))
            .Where(static pair => pair.Options is not null)
            .Select(static (pair, _) => (pair.File, Options: pair.Options!))
            .WithTrackingName(TrackingNames.SpecFiles);

        IncrementalValuesProvider<ParseResult> parsed = specFiles
            .Select(static (spec, cancellationToken) => SpecParser.Parse(spec.Options, ReadText(spec.File, cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<ApiSpec> models = parsed
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.Model);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // Where every spec generates to, compared before anything is emitted: two specs in one namespace would
        // declare the same types (or files), and the compiler would drop all generated output.
        IncrementalValueProvider<EquatableArray<SpecIdentity>> identities = models
            .Select(static (spec, _) => new SpecIdentity(spec.SourcePath, spec.SourceName, spec.Namespace, spec.RootClient.ClassName))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.Identities);

        context.RegisterSourceOutput(models.Combine(identities), static (output, pair) => AddSources(output, pair.Left, pair.Right));
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (DiagnosticInfo diagnostic in found)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    /// <summary>The spec listed before this one that generates into the same namespace; null when this one is the first.</summary>
    private static SpecIdentity? FirstInNamespace(ApiSpec spec, EquatableArray<SpecIdentity> identities)
    {
        foreach (SpecIdentity identity in identities)
        {
            if (identity.Namespace == spec.Namespace)
            {
                return identity.SourcePath == spec.SourcePath ? null : identity;
            }
        }

        return null;
    }

    private static string? ReadText(AdditionalText file, CancellationToken cancellationToken)
        => file.GetText(cancellationToken)?.ToString();

    private static void AddSources(SourceProductionContext output, ApiSpec spec, EquatableArray<SpecIdentity> identities)
    {
        if (FirstInNamespace(spec, identities) is SpecIdentity first)
        {
            output.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateNamespace,
                Location.Create(spec.SourcePath, default, default),
                spec.SourceName,
                first.SourcePath,
                spec.Namespace,
                first.ClientName == spec.RootClient.ClassName ? " with the same ClientName '" + first.ClientName + "'" : string.Empty));
            return;
        }

        try
        {
            foreach (GeneratedFile file in SourceEmitter.Emit(spec))
            {
                output.CancellationToken.ThrowIfCancellationRequested();
                output.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, spec.SourceName, exception.GetType().Name + ": " + exception.Message));
        }
    }
}
