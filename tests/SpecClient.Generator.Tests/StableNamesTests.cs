using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Public type names do not move: every component schema's name is reserved before anything else is named, so a
/// filtered client, or a spec that gained an operation, names each type it shares with the full client the same way.
/// </summary>
public sealed class StableNamesTests
{
    private const string FullSpec = "atlas-admin-v2-2025-03-12.yaml";

    [SkippableFact]
    public void FullAtlasClientTypeNamesMatchTheGoldenList()
    {
        ApiSpec full = Parse(FullSpecs.Load(FullSpec));

        // One line per record and enum: its name and the schema it stands for. A rename shows here as a diff.
        var text = new StringBuilder();
        foreach (string line in Shapes(full).Select(shape => shape.Key + " <- " + shape.Value.Schema).Order(StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        Snapshot.Match(Path.Combine(RepositoryPaths.Snapshots, "atlas-admin-v2-2025-03-12.type-names.txt"), text.ToString());
    }

    [SkippableTheory]
    [InlineData("tag:Projects")]
    [InlineData("tag:Clusters;tag:Alerts")]
    [InlineData("list*")]
    [InlineData("path:/api/atlas/v2/groups/{groupId}/clusters/**")]
    public void FilteredClientNamesEveryTypeItSharesLikeTheFullClient(string includeOperations)
    {
        Dictionary<string, TypeShape> full = Shapes(Parse(FullSpecs.Load(FullSpec)));
        Dictionary<string, TypeShape> filtered = Shapes(Parse(FullSpecs.Load(FullSpec, includeOperations)));

        Assert.InRange(filtered.Count, 5, full.Count - 1);
        foreach ((string name, TypeShape shape) in filtered)
        {
            Assert.True(full.TryGetValue(name, out TypeShape? same), $"{name} ({shape.Schema}) is not in the full client");
            Assert.Equal(same!, shape);
        }
    }

    [SkippableFact]
    public void OperationAddedUpstreamRenamesNothing()
    {
        SpecInput spec = FullSpecs.Load(FullSpec);

        // A new first operation whose inline enum wants a component's name: operation "paginated" + parameter
        // "alertView" asks for PaginatedAlertView, the name of an existing component schema.
        const string added = """
                /api/atlas/v2/added/{groupId}:
                    get:
                        operationId: paginated
                        tags: [Added]
                        parameters:
                            - {name: groupId, in: path, required: true, schema: {type: string}}
                            - {name: alertView, in: query, schema: {type: string, enum: [A, B]}}
                        responses:
                            '200':
                                description: OK
                                content:
                                    application/vnd.atlas.2025-03-12+json:
                                        schema:
                                            type: object
                                            properties:
                                                group: {$ref: '#/components/schemas/Group'}
                                                apiError: {type: object, properties: {detail: {type: string}}}

            """;
        int paths = spec.Text.IndexOf("\npaths:\n", StringComparison.Ordinal);
        Assert.True(paths > 0);
        string changed = spec.Text.Insert(paths + "\npaths:\n".Length, added);

        Dictionary<string, TypeShape> before = Shapes(Parse(spec));
        Dictionary<string, TypeShape> after = Shapes(Parse(spec.WithText(changed)));

        Assert.Equal("PaginatedAlertView", before["PaginatedAlertView"].Schema);
        Assert.Equal(new TypeShape("enum", "A, B"), after["PaginatedAlertView2"]);
        Assert.Contains("PaginatedResponse", after.Keys);
        foreach ((string name, TypeShape shape) in before)
        {
            Assert.True(after.TryGetValue(name, out TypeShape? same), $"{name} ({shape.Schema}) was renamed after an operation was added");
            Assert.Equal(shape, same!);
        }
    }

    private static ApiSpec Parse(SpecInput spec)
    {
        ParseResult result = SpecParser.Parse(
            new SpecFileOptions(spec.Path, spec.Namespace, spec.ClientName, spec.ApiVersion, "Consumer", spec.IncludeOperations, spec.ExcludeOperations),
            spec.Text,
            default);
        return result.Spec ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    /// <summary>Every record and enum by name: the schema it stands for and its members (properties or values).</summary>
    private static Dictionary<string, TypeShape> Shapes(ApiSpec spec)
    {
        var shapes = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        foreach (ModelSpec model in spec.Models)
        {
            shapes.Add(model.Name, new TypeShape(model.SchemaName, string.Join(", ", model.Properties.Select(p => p.JsonName + ":" + p.Type.Identifier))));
        }

        foreach (EnumSpec value in spec.Enums)
        {
            shapes.Add(value.Name, new TypeShape("enum", string.Join(", ", value.Values.Select(v => v.Value))));
        }

        return shapes;
    }

    private sealed record TypeShape(string Schema, string Members);
}
