using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>What the bundled clients tell their users, checked against the fragments: deprecation, sunset, error codes.</summary>
public sealed class BundledSpecFactsTests
{
    private static readonly string[] OperationIds =
    {
        "listOrgInvites", "createOrgInvite", "updateOrgInvites", "getOrgInvite", "updateOrgInviteById", "deleteOrgInvite",
        "listGroupInvites", "createGroupInvite", "updateGroupInvites", "getGroupInvite", "updateInviteById", "deleteGroupInvite",
    };

    public static TheoryData<string, string> AtlasSpecs => new()
    {
        { "2023-02-01", "V20230201" },
        { "2023-11-15", "V20231115" },
        { "2024-05-30", "V20240530" },
        { "2025-03-12", "V20250312" },
    };

    [Theory]
    [MemberData(nameof(AtlasSpecs))]
    public void EveryAtlasInviteOperationIsObsoleteWithTheFragmentsSunsetAndReplacement(string version, string suffix)
    {
        SpecInput spec = BundledSpecs.Atlas(version, suffix);
        string clients = Clients(spec);

        // Today's documentation (the seeds) deprecates all twelve in every version, deleteOrgInvite included.
        foreach (string operationId in OperationIds)
        {
            string sunset = FragmentValue(spec.Text, operationId, "x-sunset");
            string replacement = Regex.Match(FragmentValue(spec.Text, operationId, "description"), @"Use ([^.]+?) instead\.").Groups[1].Value;
            Assert.Equal("2027-07-01", sunset);
            Assert.NotEmpty(replacement);
            string obsolete = $"[global::System.Obsolete(\"Deprecated by the API: it stops working on its sunset date, {sunset}. Move to {replacement} before then.\")]";
            string method = char.ToUpperInvariant(operationId[0]) + operationId[1..] + "Async(";
            int declarations = Regex.Matches(clients, Regex.Escape(obsolete) + @"\s*\n\s*[^\n]*" + Regex.Escape(method)).Count;

            // The interface's main method and shorthand, and the class's implementation.
            Assert.True(declarations == 3, $"{operationId}: expected [Obsolete] on both overloads and the implementation, found {declarations}");
        }

        // Older versions reach the users API at resource version 2023-01-01 only (active users): their message says which ApiVersion sees pending users.
        string where = version == "2025-03-12" ? "" : " with ApiVersion 2025-02-19 or later, as in the bundled 2025-03-12 client,";
        Assert.Contains("(removeOrganizationUser)" + where + " before then.\")]\n    public global::System.Threading.Tasks.Task DeleteOrgInviteAsync(", clients);
    }

    [Theory]
    [MemberData(nameof(AtlasSpecs))]
    public void EveryReplacementAnObsoleteMessageNamesIsOnTheClientThatReachesPendingUsers(string version, string suffix)
    {
        SpecInput spec = BundledSpecs.Atlas(version, suffix);
        string latestClients = Clients(BundledSpecs.Atlas("2025-03-12", "V20250312"));
        foreach (string operationId in OperationIds)
        {
            string replacement = Regex.Match(FragmentValue(spec.Text, operationId, "description"), @"Use ([^.]+?) instead\.").Groups[1].Value;
            string[] named = Regex.Matches(replacement, @"\((\w+)\)").Select(m => m.Groups[1].Value).ToArray();
            Assert.NotEmpty(named);
            foreach (string replacementId in named)
            {
                // A current (not obsolete) method of the 2025-03-12 client, on the users sub-client.
                string method = char.ToUpperInvariant(replacementId[0]) + replacementId[1..] + "Async(";
                Assert.Matches(@"\n    public global::System\.Threading\.Tasks\.Task(<[\w.]+>)? " + Regex.Escape(method), latestClients);
                Assert.DoesNotMatch(@"Obsolete[^\n]*\)\]\n    public [^\n]* " + Regex.Escape(method), latestClients);
            }

            if (version != "2025-03-12")
            {
                Assert.EndsWith("with ApiVersion 2025-02-19 or later, as in the bundled 2025-03-12 client,", replacement);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(AtlasSpecs))]
    public void TheUsersOperationsHaveTheRealSpecsPathsAndResourceVersions(string version, string suffix)
    {
        string realPath = Path.Combine(FullSpecs.Directory, "atlas-admin-v2-" + version + ".yaml");
        Skip.IfNot(File.Exists(realPath), "The full Atlas specs are read from " + FullSpecs.Directory + ", which is absent.");
        var real = System.Text.Json.Nodes.JsonNode.Parse(YamlToJson.Convert(File.ReadAllText(realPath)))!;
        var ours = System.Text.Json.Nodes.JsonNode.Parse(YamlToJson.Convert(BundledSpecs.Atlas(version, suffix).Text))!;

        var usersOperations = new System.Collections.Generic.List<string>();
        foreach ((string path, System.Text.Json.Nodes.JsonNode? item) in ours["paths"]!.AsObject())
        {
            foreach ((string method, System.Text.Json.Nodes.JsonNode? operation) in item!.AsObject())
            {
                if (operation!["tags"]![0]!.GetValue<string>() != "Users")
                {
                    continue;
                }

                string operationId = operation["operationId"]!.GetValue<string>();
                usersOperations.Add(operationId);
                System.Text.Json.Nodes.JsonNode? realOperation = real["paths"]?[path]?[method];
                Assert.True(realOperation is not null, $"{version}: the real spec has no {method.ToUpperInvariant()} {path} ({operationId})");
                Assert.Equal(operationId, realOperation!["operationId"]!.GetValue<string>());
                Assert.Equal(ResourceVersions(realOperation), ResourceVersions(operation));
            }
        }

        string[] expected = version == "2025-03-12"
            ? new[] { "addProjectRole", "addProjectUser", "createOrganizationUser", "getOrganizationUser", "getProjectUser", "listOrganizationUsers", "listProjectUsers", "removeOrganizationUser", "removeProjectRole", "removeProjectUser", "updateOrganizationUser" }
            : new[] { "listOrganizationUsers", "listProjectUsers", "removeOrganizationUser", "removeProjectUser" };
        Assert.Equal(expected, usersOperations.OrderBy(id => id, System.StringComparer.Ordinal));

        // The versioned media types of the success response and the request body: the resource version a client reaches.
        static string ResourceVersions(System.Text.Json.Nodes.JsonNode operation)
        {
            var types = new System.Collections.Generic.SortedSet<string>(System.StringComparer.Ordinal);
            foreach (System.Text.Json.Nodes.JsonNode? content in new[] { operation["requestBody"]?["content"] }.Concat(operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2') && r.Key != "204").Select(r => r.Value?["content"])))
            {
                foreach ((string mediaType, _) in content?.AsObject() ?? new System.Text.Json.Nodes.JsonObject())
                {
                    types.Add(mediaType);
                }
            }

            // A 204 is left out: the real spec gives its empty body a media type, the fragments none (specs/README.md).
            return string.Join(", ", types);
        }
    }

    [Fact]
    public void CloudManagerOperationsAreNotObsolete()
    {
        SpecInput spec = BundledSpecs.All().Single(s => s.Path.EndsWith("cloud-manager-v1.0.invites.yaml", System.StringComparison.Ordinal));

        Assert.DoesNotContain("Obsolete", Clients(spec));
        Assert.DoesNotContain("x-sunset", spec.Text);
    }

    [Theory]
    [MemberData(nameof(AtlasSpecs))]
    public void AtlasErrorCodesIncludeTheOnesOnlyComponentsDefine(string version, string suffix)
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(BundledSpecs.Atlas(version, suffix));
        string codes = Source(run, ".ErrorCodes.g.cs");

        Assert.Contains("/// <summary>INVALID_VERSION_DATE. Seen with HTTP 406.</summary>\n    public const string InvalidVersionDate = \"INVALID_VERSION_DATE\";", codes);
        Assert.Contains("/// <summary>VERSION_GONE. Seen with HTTP 410.</summary>\n    public const string VersionGone = \"VERSION_GONE\";", codes);
        Assert.Contains("/// <summary>SERVICE_UNAVAILABLE. Seen with HTTP 503.</summary>\n    public const string ServiceUnavailable = \"SERVICE_UNAVAILABLE\";", codes);
    }

    [Fact]
    public void ErrorCodesAreHarvestedFromComponentResponsesAndExamples()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(
            SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "component-errors.yaml"), "Consumer.Api", "ApiClient"));

        Assert.Empty(run.Diagnostics);
        string codes = Source(run, ".ErrorCodes.g.cs");
        Assert.Contains("public const string ThingNotFound = \"THING_NOT_FOUND\";", codes);
        Assert.Contains("/// <summary>VERSION_GONE. Seen with HTTP 410.</summary>", codes);
        Assert.Contains("/// <summary>SERVICE_UNAVAILABLE. Seen with HTTP 503.</summary>", codes);
        Assert.Contains("/// <summary>INVALID_VERSION_DATE. Seen with HTTP 406.</summary>", codes);
    }

    [Fact]
    public void OperationDocsListTheErrorStatusesAndCodesTheyCanAnswer()
    {
        GeneratorDriverRunResult run = new GeneratorHarness().Run(
            SpecInput.FromFile(Path.Combine(RepositoryPaths.TestSpecs, "component-errors.yaml"), "Consumer.Api", "ApiClient"));

        Assert.Contains(
            "/// <exception cref=\"global::SpecClient.Runtime.ApiException\">An error status (with the ErrorCode values the spec's examples show): "
            + "404 (THING_NOT_FOUND); 409; other statuses (default) (SERVICE_UNAVAILABLE); or a body that could not be read.</exception>",
            Source(run, ".Clients.g.cs"));
    }

    [Fact]
    public void BundledDeleteOrgInviteDocsListItsErrors()
    {
        string clients = Clients(BundledSpecs.Atlas("2025-03-12", "V20250312"));

        Assert.Contains(
            "400 (CANNOT_DELETE_GROUP_INVITATION, CANNOT_DELETE_ORG_INVITATION, DEFAULT_INVITATION_EXCEPTION, VALIDATION_ERROR); 401 (NOT_ORG_GROUP_CREATOR); "
            + "403 (CANNOT_CHANGE_GROUP_NAME); 404 (RESOURCE_NOT_FOUND); 429 (RATE_LIMITED_TOKEN_BUCKET); 500 (UNEXPECTED_ERROR); or a body that could not be read.",
            clients);
    }

    /// <summary>A scalar of the operation with <paramref name="operationId"/>, read from the fragment's text (its own block).</summary>
    private static string FragmentValue(string text, string operationId, string key)
    {
        string[] lines = text.Split('\n');
        int at = System.Array.FindIndex(lines, line => line == "      operationId: " + operationId);
        Assert.True(at > 0, operationId);
        int start = at;
        while (!Regex.IsMatch(lines[start], "^    [a-z]+:$"))
        {
            start--;
        }

        for (int i = start + 1; i < lines.Length && !Regex.IsMatch(lines[i], @"^ {0,4}\S"); i++)
        {
            if (lines[i].StartsWith("      " + key + ": ", System.StringComparison.Ordinal))
            {
                return lines[i].Substring(8 + key.Length).Trim().Trim('"');
            }
        }

        return string.Empty;
    }

    private static string Clients(SpecInput spec) => Source(new GeneratorHarness().Run(spec), ".Clients.g.cs");

    private static string Source(GeneratorDriverRunResult run, string suffix)
        => run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(suffix, System.StringComparison.Ordinal)).SourceText.ToString();
}
