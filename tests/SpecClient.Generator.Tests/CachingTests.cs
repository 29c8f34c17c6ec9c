using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The pipeline's caching contract: unchanged input is never re-parsed, and equal models never re-emit.</summary>
public sealed class CachingTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.SpecFiles, TrackingNames.Parse, TrackingNames.Model, TrackingNames.Diagnostics };

    [Fact]
    public void SecondRunWithSameInputsIsAllCached()
    {
        var harness = new GeneratorHarness("class Program {}");
        SpecInput[] specs = BundledSpecs.All().ToArray();
        harness.Run(specs);

        GeneratorRunResult second = harness.Run(specs).Results.Single();

        foreach (string step in TrackedSteps)
        {
            IEnumerable<IncrementalStepRunReason> reasons = Reasons(second, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void WhitespaceAndCommentEditReparsesButLeavesOutputUnchanged()
    {
        var harness = new GeneratorHarness();
        SpecInput spec = BundledSpecs.Atlas("2025-03-12", "V20250312");
        GeneratorRunResult first = harness.Run(spec).Results.Single();

        SpecInput edited = spec.WithText("# a comment the generator must not care about\n\n" + spec.Text.Replace("\n", "\n\n") + "\n# trailing\n");
        GeneratorRunResult second = harness.Run(edited).Results.Single();

        // The text is read and parsed again, the result compares equal, so nothing after it runs.
        Assert.All(Reasons(second, TrackingNames.Parse), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        Assert.All(Reasons(second, TrackingNames.Model), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.NotEqual(IncrementalStepRunReason.Modified, output.Reason));
        Assert.Equal(
            first.GeneratedSources.Select(source => source.SourceText.ToString()),
            second.GeneratedSources.Select(source => source.SourceText.ToString()));
    }

    [Fact]
    public void WhitespaceEditInSpecWithWarningsMovesDiagnosticsButLeavesSourceUnchanged()
    {
        var harness = new GeneratorHarness();
        SpecInput spec = SpecInput.FromFile(System.IO.Path.Combine(RepositoryPaths.TestSpecs, "broken-refs.yaml"), "Consumer.Api", "ApiClient");
        GeneratorRunResult first = harness.Run(spec).Results.Single();

        GeneratorRunResult second = harness.Run(spec.WithText("\n\n" + spec.Text)).Results.Single();

        Assert.All(Reasons(second, TrackingNames.Parse), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        Assert.All(Reasons(second, TrackingNames.Model), reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached }));
        Assert.All(Reasons(second, TrackingNames.Diagnostics), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        Diagnostic moved = second.Diagnostics.Single(d => d.Id == "SCG0003");
        Assert.Equal(first.Diagnostics.Single(d => d.Id == "SCG0003").Location.GetLineSpan().StartLinePosition.Line + 2, moved.Location.GetLineSpan().StartLinePosition.Line);
        // Every output: the ones fed by the model (sources) are not re-run, the diagnostics output is.
        ILookup<bool, IncrementalStepRunReason> outputs = second.TrackedOutputSteps["SourceOutput"]
            .SelectMany(run => run.Outputs.Select(output => (FromModel: run.Inputs.Any(input => input.Source.Name == TrackingNames.SourceInput), output.Reason)))
            .ToLookup(output => output.FromModel, output => output.Reason);
        Assert.NotEmpty(outputs[true]);
        Assert.NotEmpty(outputs[false]);
        Assert.All(outputs[true], reason => Assert.NotEqual(IncrementalStepRunReason.Modified, reason));
        Assert.All(outputs[false], reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        Assert.Equal(
            first.GeneratedSources.Select(source => source.SourceText.ToString()),
            second.GeneratedSources.Select(source => source.SourceText.ToString()));
    }

    [Fact]
    public void EditingUnrelatedCSharpReparsesNothing()
    {
        var harness = new GeneratorHarness("class Program {}", "class Other {}");
        SpecInput spec = BundledSpecs.Atlas("2023-02-01", "V20230201");
        harness.Run(spec);

        harness.ReplaceSource(1, "class Other { int _changed; }");
        GeneratorRunResult second = harness.Run(spec).Results.Single();

        Assert.All(Reasons(second, TrackingNames.Parse), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(Reasons(second, TrackingNames.Model), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void RealSpecEditChangesTheOutput()
    {
        var harness = new GeneratorHarness();
        SpecInput spec = BundledSpecs.Atlas("2025-03-12", "V20250312");
        harness.Run(spec);

        GeneratorRunResult second = harness.Run(spec.WithText(spec.Text.Replace("operationId: deleteOrgInvite", "operationId: cancelOrgInvite"))).Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, TrackingNames.Model));
        Assert.Contains(second.GeneratedSources, source => source.SourceText.ToString().Contains("CancelOrgInviteAsync"));
    }

    [Fact]
    public void ParsingTheSameTextTwiceGivesEqualModels()
    {
        SpecInput spec = BundledSpecs.Atlas("2024-05-30", "V20240530");
        var options = new SpecFileOptions(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, null);

        ParseResult first = SpecParser.Parse(options, spec.Text, default);
        ParseResult second = SpecParser.Parse(options, spec.Text, default);

        Assert.NotNull(first.Spec);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotSame(first.Spec, second.Spec);
    }

    [Fact]
    public void ModelHoldsNoRoslynSymbolsOrPositions()
    {
        Type[] forbidden =
        {
            typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(AdditionalText),
            typeof(SpecNode), typeof(TextPosition), typeof(Diagnostics.LocationInfo), typeof(Diagnostics.DiagnosticInfo),
            typeof(Microsoft.CodeAnalysis.Text.TextSpan), typeof(Microsoft.CodeAnalysis.Text.LinePositionSpan),
        };
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>();
        pending.Push(typeof(ApiSpec));
        while (pending.Count > 0)
        {
            Type type = pending.Pop();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string))
            {
                continue;
            }

            Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"{type} may not be part of the model.");
            foreach (Type argument in type.GetGenericArguments())
            {
                pending.Push(argument);
            }

            if (type.Namespace?.StartsWith("SpecClient", StringComparison.Ordinal) == true)
            {
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        Assert.Contains(typeof(OperationSpec), seen);
        Assert.Contains(typeof(PropertySpec), seen);
    }

    /// <summary>
    /// The reasons of every output of a tracked step. Never empty: a step that is not tracked (renamed, or its
    /// tracking name dropped) would otherwise make every <c>Assert.All</c> over it pass without checking anything.
    /// </summary>
    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"The step '{step}' is not tracked.");
        IncrementalStepRunReason[] reasons = runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();
        Assert.NotEmpty(reasons);
        return reasons;
    }
}
