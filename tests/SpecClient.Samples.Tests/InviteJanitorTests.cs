using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using InviteJanitor;
using SpecClient.Simulator;
using Xunit;

namespace SpecClient.Samples.Tests;

public sealed class InviteJanitorTests : IDisposable
{
    // Pending invitations of the demo data older than 14 days (15, 16, 18, 25 and 29 days).
    private static readonly string[] Stale =
    [
        "ivan.petrov@globex.example", "erin.schmidt@contractor.example", "mallory.chen@contractor.example",
        "frank.li@acme.example", "olivia.rossi@globex.example",
    ];

    private static readonly string[] Recent =
    [
        "carol.nguyen@acme.example", "judy.alvarez@acme.example", "heidi.kowalski@globex.example",
        "dave.okafor@acme.example", "niaj.brown@acme.example",
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "janitor-tests-" + Guid.NewGuid().ToString("N"));

    public InviteJanitorTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record Result(int ExitCode, string[] Output, string[] Errors)
    {
        public string[] Lines(string action) => Output.Where(l => l.StartsWith(action + " ", StringComparison.Ordinal)).ToArray();

        public bool Lists(string user) => Output.Any(l => l.Contains(" " + user + " ", StringComparison.Ordinal));

        public bool Marks(string action, string user) => Lines(action).Any(l => l.Contains(" " + user + " ", StringComparison.Ordinal));
    }

    private static async Task<Result> RunAsync(IDictionary<string, string?>? environment, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = await Janitor.RunAsync(args, output, errors, environment ?? new Dictionary<string, string?>());
        return new Result(code, Lines(output), Lines(errors));
    }

    private static string[] Lines(StringWriter writer)
        => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    private string StateFile() => Path.Combine(_directory, "state.json");

    [Fact]
    public async Task WithoutCredentialsTheSimulatorIsUsedAndSaidSoOnTheFirstLine()
    {
        Result result = await RunAsync(null);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("No MONGODB_ATLAS_* credentials: using the embedded Atlas simulator at http://127.0.0.1:", result.Output[0]);
        Assert.Contains(result.Errors, l => l.Contains("scanning org 1/2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartupReportIsOneLineOnlyWhenAskedFor()
    {
        Result asked = await RunAsync(new Dictionary<string, string?> { [Janitor.ReportStartupVariable] = "1" });
        Result silent = await RunAsync(null);

        string report = Assert.Single(asked.Errors, l => l.StartsWith("first call completed ", StringComparison.Ordinal));
        Assert.Matches(@"^first call completed \d+ ms after process start$", report);
        Assert.DoesNotContain(silent.Errors, l => l.StartsWith("first call completed ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTableListsThePendingInvitationsButNotTheAcceptedOne()
    {
        Result result = await RunAsync(null);

        foreach (string user in Stale.Concat(Recent))
        {
            Assert.True(result.Lists(user), user);
        }

        Assert.False(result.Lists("grace.hopper@acme.example"));
        Assert.Contains(result.Output, l => l.Contains("Acme Corp / acme-production", StringComparison.Ordinal) && l.Contains("mallory.chen", StringComparison.Ordinal));
        Assert.Equal("Dry run: would revoke 5 of 10 pending invitation(s) (older than 14d); run with --apply to revoke.", result.Output[^1]);
    }

    [Fact]
    public async Task CloudManagerAloneListsTheSameInvitations()
    {
        Result result = await RunAsync(null, "--source", "cloud-manager");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, result.Output.Count(l => l.EndsWith("Cloud Manager invitations", StringComparison.Ordinal)));
        Assert.Contains(result.Errors, l => l.StartsWith("Cloud Manager: scanning project 4/4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRunChangesNothingAndMarksExactlyTheStaleOnes()
    {
        string state = StateFile();
        Result result = await RunAsync(null, "--state", state);
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions { StateFilePath = state });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Stale.Order(), result.Lines("would revoke").Select(UserOf).Order());
        Assert.Equal(Recent.Order(), result.Lines("keep").Select(UserOf).Order());
        Assert.Equal(11, sim.State.GetInvitations().Count);
    }

    [Fact]
    public async Task ApplyRevokesExactlyTheStaleOnesAndASecondRunShowsThemGone()
    {
        string state = StateFile();
        Result first = await RunAsync(null, "--state", state, "--apply");
        Result second = await RunAsync(null, "--state", state);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(Stale.Order(), first.Lines("revoke").Select(UserOf).Order());
        Assert.Equal("Revoked 5 of 10 pending invitation(s) (older than 14d).", first.Output[^1]);
        Assert.Equal(0, second.ExitCode);
        Assert.All(Stale, user => Assert.False(second.Lists(user), user));
        Assert.Equal(Recent.Order(), second.Lines("keep").Select(UserOf).Order());
        Assert.Equal("Dry run: would revoke 0 of 5 pending invitation(s) (older than 14d); run with --apply to revoke.", second.Output[^1]);
    }

    [Fact]
    public async Task EveryPageOfOrganizationsAndProjectsIsScanned()
    {
        // 250 more projects and 120 more organizations than fit on Atlas's default page of 100: stale invitations on
        // the last pages must be found too.
        SimulatorSeed seed = SimulatorSeed.CreateDemo();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        SeedApiKey owner = seed.ApiKeys.Single(k => k.PublicKey == SimulatorDemo.PublicKey);
        for (int i = 1; i <= 250; i++)
        {
            seed.Projects.Add(new SeedProject { GroupId = $"6700000000000000000{i:x5}", OrgId = SimulatorDemo.OrgId, Name = $"bulk-{i:d3}" });
        }

        for (int i = 1; i <= 120; i++)
        {
            string orgId = $"6800000000000000000{i:x5}";
            seed.Organizations.Add(new SeedOrganization { OrgId = orgId, Name = $"bulk-org-{i:d3}" });
            owner.Roles.Add(SeedRoleAssignment.ForOrg(orgId, "ORG_OWNER"));
        }

        seed.Invitations.Add(new SeedInvitation { Id = "69000000000000000000a001", GroupId = "670000000000000000000096", Username = "page-two@acme.example", Roles = ["GROUP_READ_ONLY"], CreatedAt = now.AddDays(-20) });
        seed.Invitations.Add(new SeedInvitation { Id = "69000000000000000000a002", GroupId = "6700000000000000000000fa", Username = "page-three@acme.example", Roles = ["GROUP_READ_ONLY"], CreatedAt = now.AddDays(-21) });
        seed.Invitations.Add(new SeedInvitation { Id = "69000000000000000000a003", OrgId = "680000000000000000000078", Username = "last-org@acme.example", Roles = ["ORG_MEMBER"], CreatedAt = now.AddDays(-22) });
        string state = StateFile();
        seed.Save(state);

        Result result = await RunAsync(null, "--state", state, "--source", "both");

        Assert.Equal(0, result.ExitCode);
        foreach (string api in new[] { "Atlas 2025-03-12", "Cloud Manager" })
        {
            Assert.Contains(result.Errors, l => l.StartsWith(api + ": scanning org 122/122 ", StringComparison.Ordinal));
            Assert.Contains(result.Errors, l => l.StartsWith(api + ": scanning project 254/254 Acme Corp / bulk-250", StringComparison.Ordinal));
        }

        Assert.True(result.Marks("would revoke", "page-two@acme.example"));
        Assert.True(result.Marks("would revoke", "page-three@acme.example"));
        Assert.True(result.Marks("would revoke", "last-org@acme.example"));
    }

    [Fact]
    public async Task UserFilterSelectsOnlyThatUser()
    {
        Result result = await RunAsync(null, "--user", "niaj.brown@acme.example");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["niaj.brown@acme.example"], result.Lines("would revoke").Select(UserOf));
    }

    [Fact]
    public async Task OlderThanInHours()
    {
        Result result = await RunAsync(null, "--older-than", "4h", "--source", "atlas");

        Assert.Equal(9, result.Lines("would revoke").Length);
        Assert.True(result.Marks("keep", "carol.nguyen@acme.example"));
    }

    [Theory]
    [InlineData("2023-02-01")]
    [InlineData("2023-11-15")]
    [InlineData("2024-05-30")]
    public async Task OlderApiVersionsWork(string version)
    {
        Result result = await RunAsync(null, "--api-version", version, "--source", "atlas");

        Assert.Equal(0, result.ExitCode);
        // Before the sunset, and at an ApiVersion whose users API sees active users only, everything comes through the invitations API.
        Assert.Equal(10, result.Output.Count(l => l.EndsWith("Atlas " + version + " invitations", StringComparison.Ordinal)));
        Assert.Equal(5, result.Lines("would revoke").Length);
    }

    // Organization invitations of the demo data: all are PENDING organization users too (the accepted one aside).
    private static readonly string[] StaleOrg = ["ivan.petrov@globex.example", "erin.schmidt@contractor.example", "frank.li@acme.example"];

    private static readonly string[] StaleProject = ["mallory.chen@contractor.example", "olivia.rossi@globex.example"];

    [Fact]
    public async Task BeforeTheSunsetOrganizationInvitationsAreFoundAsPendingUsersAndProjectInvitationsThroughTheInvitationsApi()
    {
        Result result = await RunAsync(null, "--source", "atlas");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(6, result.Output.Count(l => l.Contains(" org ", StringComparison.Ordinal) && l.EndsWith("Atlas 2025-03-12 users", StringComparison.Ordinal)));
        Assert.Equal(4, result.Output.Count(l => l.Contains(" project ", StringComparison.Ordinal) && l.EndsWith("Atlas 2025-03-12 invitations", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Output, l => l.Contains("could not be seen", StringComparison.Ordinal));
        Assert.Equal("Dry run: would revoke 5 of 10 pending invitation(s) (older than 14d); run with --apply to revoke.", result.Output[^1]);
    }

    [Fact]
    public async Task PastTheSunsetTheUsersApiRevokesTheStaleOrganizationInvitationsAndOneLineSaysWhatCouldNotBeSeen()
    {
        string state = StateFile();
        Result dry = await RunAsync(null, "--today", "2027-07-02", "--state", state, "--source", "atlas");
        Result apply = await RunAsync(null, "--today", "2027-07-02", "--state", state, "--source", "atlas", "--apply");
        Result after = await RunAsync(null, "--today", "2027-07-02", "--state", state, "--source", "atlas");

        const string Unseen = "Atlas 2025-03-12: the invitations API answered 410 VERSION_GONE (past its sunset): invitations to 4 project(s) could not be seen; "
            + "the users API does not show users invited to a project through the invitations API.";
        Assert.EndsWith("today 2027-07-02)", dry.Output[0]);
        Assert.Equal(0, dry.ExitCode);
        Assert.Equal(StaleOrg.Order(), dry.Lines("would revoke").Select(UserOf).Order());
        Assert.All(dry.Lines("would revoke"), l => Assert.EndsWith("Atlas 2025-03-12 users", l));
        Assert.Equal([Unseen, "Dry run: would revoke 3 of 6 pending invitation(s) (older than 14d); run with --apply to revoke."], dry.Output[^2..]);

        Assert.Equal(0, apply.ExitCode);
        Assert.Equal("Revoked 3 of 6 pending invitation(s) (older than 14d).", apply.Output[^1]);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("Dry run: would revoke 0 of 3 pending invitation(s) (older than 14d); run with --apply to revoke.", after.Output[^1]);

        // Removing a pending user cancelled its invitation; the project invitations, out of the users API's sight, are untouched.
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions { StateFilePath = state });
        string[] left = sim.State.GetInvitations().Select(i => i.Username).ToArray();
        Assert.All(StaleOrg, user => Assert.DoesNotContain(user, left));
        Assert.All(StaleProject, user => Assert.Contains(user, left));
    }

    [Fact]
    public async Task PastTheSunsetTheDefaultRunStillRevokesEveryStaleInvitationWithCloudManagerCoveringTheProjects()
    {
        string state = StateFile();
        Result dry = await RunAsync(null, "--today", "2027-07-02", "--state", state);
        Result apply = await RunAsync(null, "--today", "2027-07-02", "--state", state, "--apply");
        Result after = await RunAsync(null, "--today", "2027-07-02", "--state", state);

        Assert.Equal(0, dry.ExitCode);
        Assert.Equal(Stale.Order(), dry.Lines("would revoke").Select(UserOf).Order());
        Assert.All(dry.Lines("would revoke").Where(l => StaleProject.Any(u => l.Contains(u, StringComparison.Ordinal))), l => Assert.EndsWith("Cloud Manager invitations", l));
        Assert.Equal("Dry run: would revoke 5 of 10 pending invitation(s) (older than 14d); run with --apply to revoke.", dry.Output[^1]);
        Assert.Equal(0, apply.ExitCode);
        Assert.Equal("Revoked 5 of 10 pending invitation(s) (older than 14d).", apply.Output[^1]);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("Dry run: would revoke 0 of 5 pending invitation(s) (older than 14d); run with --apply to revoke.", after.Output[^1]);
    }

    [Fact]
    public async Task TheAgeCheckRunsAsOfToday()
    {
        // The demo data is laid out as of --today, so the same invitations are stale whatever the date.
        Result result = await RunAsync(null, "--today", "2026-01-15", "--source", "atlas");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Stale.Order(), result.Lines("would revoke").Select(UserOf).Order());
        Assert.Contains(result.Output, l => l.Contains("ivan.petrov@globex.example", StringComparison.Ordinal) && l.Contains("2026-01-30 (in 14d)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ViaUsersLeavesProjectInvitationsAloneAndSaysSo()
    {
        Result result = await RunAsync(null, "--via", "users", "--source", "atlas");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(StaleOrg.Order(), result.Lines("would revoke").Select(UserOf).Order());
        Assert.Contains("Atlas 2025-03-12: --via users: invitations to 4 project(s) could not be seen; the users API does not show users invited to a project through the invitations API.", result.Output);
        Assert.DoesNotContain(result.Errors, l => l.Contains("scanning project", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ViaInvitationsUsesOnlyTheInvitationsApiAndFailsOnceItIsGone()
    {
        Result before = await RunAsync(null, "--via", "invitations", "--source", "atlas");
        Result after = await RunAsync(null, "--via", "invitations", "--source", "atlas", "--today", "2027-07-01");

        Assert.Equal(0, before.ExitCode);
        Assert.Equal(10, before.Output.Count(l => l.EndsWith("Atlas 2025-03-12 invitations", StringComparison.Ordinal)));
        Assert.Equal(1, after.ExitCode);
        Assert.Contains(after.Output, l => l.StartsWith("Atlas 2025-03-12: the invitations API answered 410 VERSION_GONE", StringComparison.Ordinal)
            && l.EndsWith("pending invitations of 2 organization(s) and invitations to 4 project(s) could not be seen; --via auto finds pending organization users through the users API.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOlderApiVersionPastTheSunsetSaysWhichApiVersionFindsPendingUsers()
    {
        Result result = await RunAsync(null, "--api-version", "2023-11-15", "--source", "atlas", "--today", "2027-07-02");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "Atlas 2023-11-15: the invitations API answered 410 VERSION_GONE (past its sunset): pending invitations of 2 organization(s) and invitations to 4 project(s) could not be seen; "
            + "the users API shows pending organization users from --api-version 2025-03-12 on.",
            result.Output);
        Assert.Equal("Dry run: would revoke 0 of 0 pending invitation(s) (older than 14d); run with --apply to revoke.", result.Output[^1]);
    }

    [Fact]
    public async Task TodayIsRefusedWithRealCredentials()
    {
        var environment = new Dictionary<string, string?>
        {
            ["MONGODB_ATLAS_PUBLIC_API_KEY"] = SimulatorDemo.PublicKey,
            ["MONGODB_ATLAS_PRIVATE_API_KEY"] = SimulatorDemo.PrivateKey,
            ["MONGODB_ATLAS_BASE_URL"] = "http://127.0.0.1:9/",
        };

        Result result = await RunAsync(environment, "--today", "2027-07-02");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("InviteJanitor: --today only applies to the embedded simulator (no MONGODB_ATLAS_* credentials)", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("--older-than", "14")]
    [InlineData("--older-than", "2w")]
    [InlineData("--api-version", "2022-01-01")]
    [InlineData("--user", "nobody")]
    [InlineData("--frobnicate")]
    [InlineData("--source", "ops-manager")]
    [InlineData("--state")]
    [InlineData("--via", "everything")]
    [InlineData("--today", "2027-13-01")]
    [InlineData("--today", "tomorrow")]
    [InlineData("--via", "users", "--api-version", "2024-05-30")]
    public async Task BadArgumentsExitTwoWithOneLine(params string[] args)
    {
        Result result = await RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        string line = Assert.Single(result.Errors);
        Assert.StartsWith("InviteJanitor: ", line);
    }

    [Fact]
    public async Task HelpDocumentsTheExitCodes()
    {
        Result result = await RunAsync(null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Output, l => l.Trim().StartsWith("2  bad arguments", StringComparison.Ordinal));
        Assert.Contains(result.Output, l => l.Contains("--state FILE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongApiKeyIsOneLineWithStatusAndErrorCode()
    {
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions());
        var environment = new Dictionary<string, string?>
        {
            ["MONGODB_ATLAS_PUBLIC_API_KEY"] = SimulatorDemo.PublicKey,
            ["MONGODB_ATLAS_PRIVATE_API_KEY"] = "wrong-private-key",
            ["MONGODB_ATLAS_BASE_URL"] = sim.BaseAddress.ToString(),
        };

        Result result = await RunAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        string line = Assert.Single(result.Errors);
        Assert.Contains("401", line);
        Assert.Contains("UNAUTHORIZED", line);
        Assert.DoesNotContain(" at ", line);
    }

    [Fact]
    public async Task ReadOnlyKeyReportsEachForbiddenListAndExitsOne()
    {
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions());
        var environment = new Dictionary<string, string?>
        {
            ["MONGODB_ATLAS_PUBLIC_API_KEY"] = SimulatorDemo.ReadOnlyPublicKey,
            ["MONGODB_ATLAS_PRIVATE_API_KEY"] = SimulatorDemo.ReadOnlyPrivateKey,
            ["MONGODB_ATLAS_BASE_URL"] = sim.BaseAddress.ToString(),
        };

        Result result = await RunAsync(environment, "--source", "atlas", "--apply");

        // Reading the organization's users needs only a membership role, so the pending users are listed; listing
        // project invitations and removing users need owner roles: one line per refused call.
        Assert.Equal(1, result.ExitCode);
        string[] failures = result.Errors.Where(l => l.Contains("failed", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4 + StaleOrg.Length, failures.Length);
        Assert.Equal(4, failures.Count(l => l.Contains("listing invitations of project", StringComparison.Ordinal)));
        Assert.Equal(StaleOrg.Length, failures.Count(l => l.Contains("revoking", StringComparison.Ordinal)));
        Assert.All(failures, l => Assert.Contains("403", l));
        Assert.All(failures, l => Assert.Contains("USER_UNAUTHORIZED", l));
        Assert.Equal($"Revoked 0 of 6 pending invitation(s) (older than 14d); {4 + StaleOrg.Length} failure(s), see above.", result.Output[^1]);
    }

    [Fact]
    public async Task ServiceAccountWorksThroughTheRuntimeHandlerAndItsTokenIsRevokedAtTheEnd()
    {
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions { Log = requests.Enqueue });
        var environment = new Dictionary<string, string?>
        {
            ["MONGODB_ATLAS_CLIENT_ID"] = SimulatorDemo.ClientId,
            ["MONGODB_ATLAS_CLIENT_SECRET"] = SimulatorDemo.ClientSecret,
            ["MONGODB_ATLAS_BASE_URL"] = sim.BaseAddress.ToString(),
        };

        Result result = await RunAsync(environment, "--apply", "--user", "judy.alvarez@acme.example");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Output, l => l.Contains("simulator", StringComparison.Ordinal));
        Assert.Equal(["judy.alvarez@acme.example"], result.Lines("revoke").Select(UserOf));
        Assert.Null(sim.State.FindInvitation(SimulatorDemo.RecentGroupInvitationId));
        Assert.Equal(1, sim.Faults.TokenRequestCount);
        Assert.Equal("POST /api/oauth/revoke -> 200", requests.Last());
    }

    [Fact]
    public async Task ApiKeyCostsOneRoundTripPerCallAfterTheFirstChallenge()
    {
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions());
        var environment = new Dictionary<string, string?>
        {
            ["MONGODB_ATLAS_PUBLIC_API_KEY"] = SimulatorDemo.PublicKey,
            ["MONGODB_ATLAS_PRIVATE_API_KEY"] = SimulatorDemo.PrivateKey,
            ["MONGODB_ATLAS_BASE_URL"] = sim.BaseAddress.ToString(),
        };

        Result result = await RunAsync(environment);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, sim.Faults.DigestChallengeCount);
    }

    [Fact]
    public async Task ServiceUnavailableListIsRetriedAndTheRunSucceeds()
    {
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions());
        sim.Faults.FailNext(1, 503, retryAfter: TimeSpan.Zero, pathPrefix: "/api/atlas/v2/orgs/");
        var environment = new Dictionary<string, string?>
        {
            ["MONGODB_ATLAS_CLIENT_ID"] = SimulatorDemo.ClientId,
            ["MONGODB_ATLAS_CLIENT_SECRET"] = SimulatorDemo.ClientSecret,
            ["MONGODB_ATLAS_BASE_URL"] = sim.BaseAddress.ToString(),
        };

        Result result = await RunAsync(environment, "--source", "atlas");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, sim.Faults.FaultedRequestCount);
        Assert.DoesNotContain(result.Errors, l => l.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongServiceAccountSecretIsOneLine()
    {
        await using AtlasSimulator sim = await AtlasSimulator.StartAsync(new SimulatorOptions());
        var environment = new Dictionary<string, string?>
        {
            ["MONGODB_ATLAS_CLIENT_ID"] = SimulatorDemo.ClientId,
            ["MONGODB_ATLAS_CLIENT_SECRET"] = "wrong",
            ["MONGODB_ATLAS_BASE_URL"] = sim.BaseAddress.ToString(),
        };

        Result result = await RunAsync(environment);

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Errors);
        Assert.Contains("401", line);
    }

    private static string UserOf(string line)
        => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains('@', StringComparison.Ordinal));
}
