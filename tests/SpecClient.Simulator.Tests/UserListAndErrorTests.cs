using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

/// <summary>Filters, paging, envelope and the errors of the users API.</summary>
public sealed class UserListAndErrorTests
{
    /// <summary>Acme's users by username: five pending (organization invitations) and four active.</summary>
    private static readonly string[] AcmeUsernames =
    {
        "alice.admin@acme.example", "carol.nguyen@acme.example", "dave.okafor@acme.example", "erin.schmidt@contractor.example",
        "frank.li@acme.example", "grace.hopper@acme.example", SimulatorDemo.ProjectMemberUsername, SimulatorDemo.TwoOrgMemberUsername,
    };

    [Fact]
    public async Task ListIsOrderedByUsernameAndCountsEveryUser()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers()));

        Assert.Equal(AcmeUsernames, Usernames(reply));
        Assert.Equal(AcmeUsernames.Length, reply.Json.GetProperty("totalCount").GetInt32());
        JsonElement self = Assert.Single(reply.Json.GetProperty("links").EnumerateArray());
        Assert.Equal("self", self.GetProperty("rel").GetString());
        Assert.Equal(new Uri(sim.Simulator.BaseAddress, UserPaths.OrgUsers()).ToString(), self.GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("PENDING", new[] { "carol.nguyen@acme.example", "dave.okafor@acme.example", "erin.schmidt@contractor.example", "frank.li@acme.example" })]
    [InlineData("ACTIVE", new[] { "alice.admin@acme.example", "grace.hopper@acme.example", SimulatorDemo.ProjectMemberUsername, SimulatorDemo.TwoOrgMemberUsername })]
    public async Task OrgMembershipStatusFilters(string status, string[] expected)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?orgMembershipStatus=" + status));

        Assert.Equal(expected, Usernames(reply));
        Assert.All(reply.Json.GetProperty("results").EnumerateArray(), u => Assert.Equal(status, u.GetProperty("orgMembershipStatus").GetString()));
        Assert.Equal(expected.Length, reply.Json.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task UsernameFilterIgnoresCase()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?username=Frank.LI%40ACME.example&orgMembershipStatus=PENDING"));
        Reply none = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?username=frank.li%40acme.example&orgMembershipStatus=ACTIVE"));

        JsonElement frank = Assert.Single(reply.Json.GetProperty("results").EnumerateArray());
        Assert.Equal(SimulatorDemo.OldOrgInvitationId, frank.GetProperty("id").GetString());
        Assert.Empty(none.Json.GetProperty("results").EnumerateArray());
        Assert.Equal(0, none.Json.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task PagesSliceTheOrderedList()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply second = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?itemsPerPage=3&pageNum=2"));
        Reply last = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?itemsPerPage=3&pageNum=3&includeCount=false"));
        Reply past = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?itemsPerPage=3&pageNum=4"));

        Assert.Equal(AcmeUsernames[3..6], Usernames(second));
        Assert.Equal(8, second.Json.GetProperty("totalCount").GetInt32());
        Assert.Equal(AcmeUsernames[6..], Usernames(last));
        Assert.False(last.Json.TryGetProperty("totalCount", out _));
        Assert.Empty(Usernames(past));
        Assert.Equal(8, past.Json.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("itemsPerPage=0", "itemsPerPage")]
    [InlineData("itemsPerPage=501", "itemsPerPage")]
    [InlineData("pageNum=0", "pageNum")]
    [InlineData("includeCount=maybe", "includeCount")]
    [InlineData("orgMembershipStatus=pending", "orgMembershipStatus")]
    [InlineData("orgMembershipStatus=INVITED", "orgMembershipStatus")]
    [InlineData("username=not-an-email", "username")]
    public async Task InvalidQueryValuesAnswer400(string query, string parameter)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?" + query));

        reply.AssertApiError(HttpStatusCode.BadRequest, "INVALID_QUERY_PARAMETER");
        Assert.Equal(new[] { parameter }, reply.Json.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("includeOrgUsers=yes", "includeOrgUsers")]
    [InlineData("flattenTeams=1", "flattenTeams")]
    public async Task InvalidProjectListFlagsAnswer400(string query, string parameter)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers() + "?" + query));

        reply.AssertApiError(HttpStatusCode.BadRequest, "INVALID_QUERY_PARAMETER");
        Assert.Equal(parameter, reply.Json.GetProperty("parameters")[0].GetString());
    }

    [Fact]
    public async Task IncludeOrgUsersAddsOwnersAndReadOnlyMembersWithTheProjectRoleTheirOrgRoleImplies()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest();
        Reply without = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers(SimulatorDemo.ProductionProjectId) + "?flattenTeams=true"));
        Reply with = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUsers(SimulatorDemo.ProductionProjectId) + "?includeOrgUsers=true"));

        Assert.Equal(new[] { SimulatorDemo.ProjectMemberUsername }, Usernames(without));
        Assert.Equal(new[] { "alice.admin@acme.example", "grace.hopper@acme.example", SimulatorDemo.ProjectMemberUsername }, Usernames(with));
        Assert.Equal("GROUP_OWNER", with.Json.GetProperty("results")[0].GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task EnvelopeAddsStatusToThePageInsteadOfWrappingIt()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply page = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers() + "?envelope=true&itemsPerPage=1"));
        Reply single = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUser(SimulatorDemo.AdminUserId) + "?envelope=true"));

        Assert.Equal(200, page.Json.GetProperty("status").GetInt32());
        Assert.Equal(8, page.Json.GetProperty("totalCount").GetInt32());
        Assert.False(page.Json.TryGetProperty("content", out _));
        Assert.Equal(200, single.Json.GetProperty("status").GetInt32());
        Assert.Equal(SimulatorDemo.AdminUserId, single.Json.GetProperty("content").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("GET", "api/atlas/v2/orgs/64b0c1d2e3f4a5b6c7d8e901/users/NOT-AN-ID", "VALIDATION_ERROR", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "api/atlas/v2/groups/65a1b2c3d4e5f60718293a01/users/66E0F1A2B3C4D5E6F7A8B004", "VALIDATION_ERROR", HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/atlas/v2/orgs/ffffffffffffffffffffffff/users", "RESOURCE_NOT_FOUND", HttpStatusCode.NotFound)]
    [InlineData("GET", "api/atlas/v2/groups/ffffffffffffffffffffffff/users", "RESOURCE_NOT_FOUND", HttpStatusCode.NotFound)]
    [InlineData("GET", "api/atlas/v2/orgs/64b0c1d2e3f4a5b6c7d8e901/users/ffffffffffffffffffffffff", "RESOURCE_NOT_FOUND", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "api/atlas/v2/orgs/64b0c1d2e3f4a5b6c7d8e901/users/ffffffffffffffffffffffff", "RESOURCE_NOT_FOUND", HttpStatusCode.NotFound)]
    [InlineData("GET", "api/atlas/v2/orgs/64b0c1d2e3f4a5b6c7d8e902/users/66e0f1a2b3c4d5e6f7a8b001", "RESOURCE_NOT_FOUND", HttpStatusCode.NotFound)]
    [InlineData("PUT", "api/atlas/v2/orgs/64b0c1d2e3f4a5b6c7d8e901/users", "METHOD_NOT_ALLOWED", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PATCH", "api/atlas/v2/groups/65a1b2c3d4e5f60718293a01/users/66e0f1a2b3c4d5e6f7a8b004", "METHOD_NOT_ALLOWED", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "api/atlas/v2/groups/65a1b2c3d4e5f60718293a01/users/66e0f1a2b3c4d5e6f7a8b004:addRole", "METHOD_NOT_ALLOWED", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "api/atlas/v2/groups/65a1b2c3d4e5f60718293a01/users/66e0f1a2b3c4d5e6f7a8b004:promote", "RESOURCE_NOT_FOUND", HttpStatusCode.NotFound)]
    public async Task ErrorsAreApiErrors(string method, string path, string errorCode, HttpStatusCode status)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : """{"roles":{"orgRoles":["ORG_MEMBER"]}}"""));

        reply.AssertApiError(status, errorCode);
        Assert.Equal(0, sim.State.Version);
    }

    [Fact]
    public async Task ReadOnlyCallersReadButCannotChangeUsers()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = sim.Digest(SimulatorDemo.ReadOnlyPublicKey, SimulatorDemo.ReadOnlyPrivateKey);
        Reply orgList = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers()));
        Reply projectGet = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Get, UserPaths.GroupUser(SimulatorDemo.ProjectMemberUserId)));
        Reply remove = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, UserPaths.OrgUser(SimulatorDemo.RecentOrgInvitationId)));
        Reply add = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, UserPaths.GroupUsers(), """{"username":"x@acme.example","roles":["GROUP_READ_ONLY"]}"""));

        Assert.Equal(HttpStatusCode.OK, orgList.Status);
        Assert.Equal(HttpStatusCode.OK, projectGet.Status);
        remove.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
        add.AssertApiError(HttpStatusCode.Forbidden, "USER_UNAUTHORIZED");
        Assert.Equal(0, sim.State.Version);
    }

    [Fact]
    public async Task UnauthenticatedCallsAnswer401()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Raw(), TestSimulator.Atlas(HttpMethod.Get, UserPaths.OrgUsers()));

        reply.AssertApiError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Theory]
    [InlineData("""{"roles":{"orgRoles":["ORG_MEMBER"]}}""", "username")]
    [InlineData("""{"username":"x@acme.example"}""", "roles")]
    [InlineData("""{"username":"x@acme.example","roles":{"orgRoles":[]}}""", "roles.orgRoles")]
    [InlineData("""{"username":"x@acme.example","roles":{"orgRoles":["GROUP_OWNER"]}}""", "roles.orgRoles[0]")]
    [InlineData("""{"username":"x@acme.example","roles":{"orgRoles":["ORG_MEMBER"],"groupRoleAssignments":[{"groupId":"65a1b2c3d4e5f60718293a04","groupRoles":["GROUP_OWNER"]}]}}""", "roles.groupRoleAssignments[0].groupId")]
    [InlineData("""{"username":"x@acme.example","roles":{"orgRoles":["ORG_MEMBER"]},"teamIds":["nope"]}""", "teamIds[0]")]
    public async Task CreateValidatesTheBody(string body, string field)
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        Reply reply = await TestSimulator.SendAsync(sim.Digest(), TestSimulator.Atlas(HttpMethod.Post, UserPaths.OrgUsers(), body));

        reply.AssertApiError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, reply.Json.GetProperty("badRequestDetail").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Equal(0, sim.State.Version);
    }

    private static string[] Usernames(Reply reply)
        => reply.Json.GetProperty("results").EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToArray();
}
