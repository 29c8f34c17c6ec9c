using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Generator.Tests.Infrastructure;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>
/// The simulator's users responses, validated against the component schemas of the real Atlas specs
/// (read in place from ../shared/specs/atlas) with NJsonSchema, the generator tests' independent oracle.
/// </summary>
public sealed class UserSchemaTests
{
    private const string CurrentSpec = "atlas-admin-v2-2025-03-12.yaml";
    private const string LegacySpec = "atlas-admin-v2-2024-05-30.yaml";

    private static readonly ConcurrentDictionary<string, ComponentSchemaValidator> Validators = new();

    [SkippableFact]
    public async Task OrganizationUsersPageMatchesPaginatedOrgUserView()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement results = reply.Json.GetProperty("results");
        Assert.Contains(results.EnumerateArray(), u => u.GetProperty("orgMembershipStatus").GetString() == "PENDING");
        Assert.Contains(results.EnumerateArray(), u => u.GetProperty("orgMembershipStatus").GetString() == "ACTIVE");
        Assert.Empty(Validator(CurrentSpec).Validate("PaginatedOrgUserView", reply.Body));
        foreach (JsonElement user in results.EnumerateArray())
        {
            string variant = user.GetProperty("orgMembershipStatus").GetString() == "PENDING" ? "OrgPendingUserResponse" : "OrgActiveUserResponse";
            Assert.Empty(Validator(CurrentSpec).Validate(variant, user.GetRawText()));
        }
    }

    [SkippableFact]
    public async Task ProjectUsersPageMatchesPaginatedGroupUserView()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers(SimulatorDemo.StagingProjectId) + "?includeOrgUsers=true"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement results = reply.Json.GetProperty("results");
        Assert.Contains(results.EnumerateArray(), u => u.GetProperty("orgMembershipStatus").GetString() == "PENDING");
        Assert.Contains(results.EnumerateArray(), u => u.GetProperty("orgMembershipStatus").GetString() == "ACTIVE");
        Assert.Empty(Validator(CurrentSpec).Validate("PaginatedGroupUserView", reply.Body));
        foreach (JsonElement user in results.EnumerateArray())
        {
            string variant = user.GetProperty("orgMembershipStatus").GetString() == "PENDING" ? "GroupPendingUserResponse" : "GroupActiveUserResponse";
            Assert.Empty(Validator(CurrentSpec).Validate(variant, user.GetRawText()));
        }
    }

    [SkippableTheory]
    [InlineData(SimulatorDemo.OrgInvitationWithProjectRoleId, "OrgPendingUserResponse")]
    [InlineData(SimulatorDemo.ProjectMemberUserId, "OrgActiveUserResponse")]
    public async Task OrganizationUserMatchesOrgUserResponse(string userId, string variant)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(userId)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(Validator(CurrentSpec).Validate("OrgUserResponse", reply.Body));
        Assert.Empty(Validator(CurrentSpec).Validate(variant, reply.Body));
    }

    [SkippableTheory]
    [InlineData(SimulatorDemo.OrgInvitationWithProjectRoleId, SimulatorDemo.StagingProjectId, "GroupPendingUserResponse")]
    [InlineData(SimulatorDemo.ProjectMemberUserId, SimulatorDemo.ProductionProjectId, "GroupActiveUserResponse")]
    public async Task ProjectUserMatchesGroupUserResponse(string userId, string groupId, string variant)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUser(userId, groupId)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(Validator(CurrentSpec).Validate("GroupUserResponse", reply.Body));
        Assert.Empty(Validator(CurrentSpec).Validate(variant, reply.Body));
    }

    /// <summary>
    /// Created by an API key, the pending user's inviterUsername is the key's public key (as for the
    /// invitations API), which is not the email address the schema's format asks for: that one
    /// violation is expected and asserted; everything else must match.
    /// </summary>
    [SkippableFact]
    public async Task CreatedOrganizationUserMatchesOrgPendingUserResponse()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(
            HttpMethod.Post,
            UserPaths.OrgUsers(),
            $$$"""{"username":"new.user@acme.example","roles":{"orgRoles":["ORG_MEMBER"],"groupRoleAssignments":[{"groupId":"{{{SimulatorDemo.ProductionProjectId}}}","groupRoles":["GROUP_READ_ONLY"]}]}}"""));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(SimulatorDemo.PublicKey, reply.Json.GetProperty("inviterUsername").GetString());
        Assert.Equal(new[] { "#/: NotAllOf ← #/inviterUsername: EmailExpected" }, Validator(CurrentSpec).Validate("OrgPendingUserResponse", reply.Body));
        Assert.Empty(Validator(CurrentSpec).Validate("OrgPendingUserResponse", WithInviter(reply.Body, SimulatorDemo.AdminUsername)));
    }

    [SkippableTheory]
    [InlineData("new.user@acme.example", "GroupPendingUserResponse")]
    [InlineData(SimulatorDemo.TwoOrgMemberUsername, "GroupActiveUserResponse")]
    public async Task AddedProjectUserMatchesGroupUserResponse(string username, string variant)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(
            HttpMethod.Post,
            UserPaths.GroupUsers(SimulatorDemo.ProductionProjectId),
            $$"""{"username":"{{username}}","roles":["GROUP_READ_ONLY"]}"""));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        string body = variant == "GroupPendingUserResponse" ? WithInviter(reply.Body, SimulatorDemo.AdminUsername) : reply.Body;
        Assert.Empty(Validator(CurrentSpec).Validate(variant, body));
        Assert.Empty(Validator(CurrentSpec).Validate("GroupUserResponse", body));
    }

    /// <summary>
    /// CloudAppUser's <c>required</c> lists request-only fields (password, mobileNumber, country) that
    /// no response carries, so only the properties are checked: PropertyRequired violations are left out.
    /// </summary>
    [SkippableFact]
    public async Task LegacyOrganizationUsersPageMatchesPaginatedAppUserViewProperties()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers(), accept: UserPaths.LegacyAccept));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotEqual(0, reply.Json.GetProperty("results").GetArrayLength());
        Assert.DoesNotContain(Validator(LegacySpec).Validate("PaginatedAppUserView", reply.Body), v => !v.Contains("PropertyRequired", StringComparison.Ordinal));
        foreach (JsonElement user in reply.Json.GetProperty("results").EnumerateArray())
        {
            IReadOnlyList<string> violations = Validator(LegacySpec).Validate("CloudAppUser", user.GetRawText());
            Assert.Equal(new[] { "#/mobileNumber: PropertyRequired", "#/password: PropertyRequired" }, violations.OrderBy(v => v, StringComparer.Ordinal));
        }
    }

    [SkippableFact]
    public void ValidatorRejectsAPendingUserWithoutItsInvitationDates()
    {
        string json = $$"""{"id":"{{SimulatorDemo.RecentOrgInvitationId}}","orgMembershipStatus":"PENDING","roles":{"orgRoles":["ORG_MEMBER"]},"username":"a@b.example","inviterUsername":"x@y.example"}""";
        IReadOnlyList<string> violations = Validator(CurrentSpec).Validate("OrgPendingUserResponse", json);
        Assert.Contains("#/invitationCreatedAt: PropertyRequired", violations);
    }

    private static string WithInviter(string json, string inviter)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["inviterUsername"] = inviter;
        return node.ToJsonString();
    }

    private static ComponentSchemaValidator Validator(string file)
        => Validators.GetOrAdd(file, static name => ComponentSchemaValidator.FromSpec(SharedSpecs.ComponentSchemas(name)));
}
