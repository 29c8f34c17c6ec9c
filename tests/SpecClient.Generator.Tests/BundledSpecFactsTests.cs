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

        Assert.Contains("(removeOrganizationUser) before then.\")]\n    public global::System.Threading.Tasks.Task DeleteOrgInviteAsync(", clients);
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
