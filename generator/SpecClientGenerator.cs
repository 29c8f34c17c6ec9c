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

        context.RegisterSourceOutput(models, static (output, spec) => AddSources(output, spec));
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (DiagnosticInfo diagnostic in found)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static string? ReadText(AdditionalText file, CancellationToken cancellationToken)
        => file.GetText(cancellationToken)?.ToString();

    private static void AddSources(SourceProductionContext output, ApiSpec spec)
    {
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
        catch (ArgumentException exception) when (exception.Message.Contains("hintName"))
        {
            output.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidSpecOption,
                Location.None,
                "Namespace",
                spec.Namespace,
                "another spec generates the same namespace and client name (" + spec.RootClient.ClassName + "); give each <OpenApiSpec> its own Namespace"));
        }
        catch (Exception exception)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, spec.SourceName, exception.GetType().Name + ": " + exception.Message));
        }
    }
}
