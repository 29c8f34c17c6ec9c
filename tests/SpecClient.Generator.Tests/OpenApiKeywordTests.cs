using System;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using SpecClient.Runtime;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// OpenAPI 3.1 keywords and the 3.0 habits they replace: exclusive bounds (numbers in 3.1, booleans in 3.0), <c>$ref</c>
/// with siblings, <c>$defs</c>, <c>webhooks</c>.
/// </summary>
public sealed class OpenApiKeywordTests
{
    private static SpecInput Spec(string fileName) => SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, fileName), "Consumer.Api", "ApiClient");

    [Fact]
    public void NumericExclusiveBoundsOf31AreCheckedAndTheStricterBoundHolds()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec("openapi31-keywords.yaml"));

        string clients = GeneratedSource.Of(run, ".Parameters.g.cs");
        Assert.Contains("ParameterGuard.Range(Above, 0m, true, 100m, false, \"above\");", clients);
        Assert.Contains("ParameterGuard.Range(Below, null, false, 1.5m, true, \"below\");", clients);
        Assert.Contains("ParameterGuard.Range(AtLeast, 5m, null, \"atLeast\");", clients);
        Assert.Contains("/// <remarks>Range 0 (exclusive) to 100.</remarks>", clients);

        CompiledOutput compiled = CompiledOutput.Compile(harness, run);
        Type parameters = compiled.FindType("Consumer.Api.ListReadingsParams")!;
        Validate(parameters, ("Above", 1L));
        Validate(parameters, ("Above", 100L));
        ArgumentOutOfRangeException zero = Assert.Throws<ArgumentOutOfRangeException>(() => Validate(parameters, ("Above", 0L)));
        Assert.StartsWith("The parameter 'above' must be greater than 0 and at most 100.", zero.Message, StringComparison.Ordinal);
        Validate(parameters, ("Below", 1.49));
        Assert.Throws<ArgumentOutOfRangeException>(() => Validate(parameters, ("Below", 1.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Validate(parameters, ("Below", double.NaN)));
        Validate(parameters, ("AtLeast", 5L));
        Assert.Throws<ArgumentOutOfRangeException>(() => Validate(parameters, ("AtLeast", 4L)));
    }

    [Fact]
    public void BooleanExclusiveBoundsOf30ModifyMinimumAndMaximum()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec("openapi30-ref-siblings.yaml"));

        string clients = GeneratedSource.Of(run, ".Parameters.g.cs");
        Assert.Contains("ParameterGuard.Range(Depth, 0m, true, 10m, true, \"depth\");", clients);
        Assert.Contains("ParameterGuard.Range(Scale, 1m, null, \"scale\");", clients);

        Type parameters = CompiledOutput.Compile(harness, run).FindType("Consumer.Api.GetSensorParams")!;
        Validate(parameters, ("SensorId", "s1"), ("Depth", 9L), ("Scale", 1.0));
        ArgumentOutOfRangeException ten = Assert.Throws<ArgumentOutOfRangeException>(() => Validate(parameters, ("SensorId", "s1"), ("Depth", 10L)));
        Assert.StartsWith("The parameter 'depth' must be greater than 0 and less than 10.", ten.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Validate(parameters, ("SensorId", "s1"), ("Depth", 0L)));
    }

    [Fact]
    public void DescriptionBesideRefDocumentsTheMemberAndNullableMakesItNullable()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec("openapi30-ref-siblings.yaml"));

        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.Contains("    /// <summary>Where the sensor is; null while it is in storage.</summary>\n    public required Place? Location { get; set; }", models);
        Assert.Contains("    /// <summary>A place on Earth.</summary>\n    public required Place Owner { get; set; }", models);
        Assert.Contains("    /// <summary>A place on Earth. Set by the server.</summary>\n    public Place? InstalledAt { get; set; }", models);
        Assert.Empty(run.Diagnostics);
        harness.AssertOutputCompilesCleanly(run);
    }

    [Fact]
    public void DefsReferencesResolveFromTheRootAndInsideAComponent()
    {
        var harness = new GeneratorHarness();
        GeneratorDriverRunResult run = harness.Run(Spec("openapi31-keywords.yaml"));

        string models = GeneratedSource.Of(run, ".Models.g.cs");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SCG0003");
        Assert.Contains("public Unit? Unit { get; set; }", models);
        Assert.Contains("public Calibration? Calibration { get; set; }", models);
        Assert.Contains("public sealed partial record Calibration\n", models);
        Assert.Contains("    /// <summary>The sensor that took this reading.</summary>\n    public required Sensor Sensor { get; set; }", models);
        harness.AssertOutputCompilesCleanly(run);
    }

    [Fact]
    public void WebhooksAreReportedAsNotGeneratedAtTheirKey()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(Spec("openapi31-keywords.yaml"));

        Diagnostic info = DiagnosticAssert.Single(run.Diagnostics, "SCG0020", "openapi31-keywords.yaml", 28, 1);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal(
            "'openapi31-keywords.yaml' declares webhooks (1), which are not generated: a client calls the API; webhooks are requests the API sends",
            info.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(run.Diagnostics);
        Assert.DoesNotContain("ReadingTaken", GeneratedSource.Of(run, ".Clients.g.cs"));
    }

    /// <summary>Builds a params object with the given properties and calls its Validate().</summary>
    private static void Validate(Type parameters, params (string Property, object Value)[] values)
    {
        object instance = Activator.CreateInstance(parameters)!;
        foreach ((string property, object value) in values)
        {
            parameters.GetProperty(property)!.SetValue(instance, value);
        }

        try
        {
            ((IRequestParameters)instance).Validate();
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
