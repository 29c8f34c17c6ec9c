using System;
using System.Collections.Generic;

namespace SpecClient.Simulator;

/// <summary>
/// The fixed ids and credentials of <see cref="SimulatorSeed.CreateDemo(DateTimeOffset)"/>.
/// Demo credentials only: they unlock nothing but a local simulator.
/// </summary>
public static class SimulatorDemo
{
    /// <summary>Organization "Acme Corp" (three projects).</summary>
    public const string OrgId = "64b0c1d2e3f4a5b6c7d8e901";

    /// <summary>Name of <see cref="OrgId"/>.</summary>
    public const string OrgName = "Acme Corp";

    /// <summary>Organization "Globex Research" (one project).</summary>
    public const string SecondOrgId = "64b0c1d2e3f4a5b6c7d8e902";

    /// <summary>Name of <see cref="SecondOrgId"/>.</summary>
    public const string SecondOrgName = "Globex Research";

    /// <summary>Project "acme-production" in <see cref="OrgId"/>.</summary>
    public const string ProductionProjectId = "65a1b2c3d4e5f60718293a01";

    /// <summary>Project "acme-staging" in <see cref="OrgId"/>.</summary>
    public const string StagingProjectId = "65a1b2c3d4e5f60718293a02";

    /// <summary>Project "acme-analytics" in <see cref="OrgId"/> (no invitations).</summary>
    public const string AnalyticsProjectId = "65a1b2c3d4e5f60718293a03";

    /// <summary>Project "globex-lab" in <see cref="SecondOrgId"/>.</summary>
    public const string LabProjectId = "65a1b2c3d4e5f60718293a04";

    /// <summary>API key with ORG_OWNER on both organizations and GROUP_OWNER on every project.</summary>
    public const string PublicKey = "demo-public-key";

    /// <summary>Private key of <see cref="PublicKey"/>.</summary>
    public const string PrivateKey = "demo-private-key";

    /// <summary>API key without owner roles (ORG_MEMBER / ORG_READ_ONLY, GROUP_READ_ONLY): every invite operation answers 403.</summary>
    public const string ReadOnlyPublicKey = "demo-readonly-public-key";

    /// <summary>Private key of <see cref="ReadOnlyPublicKey"/>.</summary>
    public const string ReadOnlyPrivateKey = "demo-readonly-private-key";

    /// <summary>Service account with the same owner roles as <see cref="PublicKey"/>.</summary>
    public const string ClientId = "mdb_sa_id_demo-client";

    /// <summary>Secret of <see cref="ClientId"/>.</summary>
    public const string ClientSecret = "mdb_sa_sk_demo-client-secret";

    /// <summary>Service account with the read-only roles of <see cref="ReadOnlyPublicKey"/>.</summary>
    public const string ReadOnlyClientId = "mdb_sa_id_demo-readonly-client";

    /// <summary>Secret of <see cref="ReadOnlyClientId"/>.</summary>
    public const string ReadOnlyClientSecret = "mdb_sa_sk_demo-readonly-client-secret";

    /// <summary>The user named as inviter of the Acme invitations.</summary>
    public const string AdminUsername = "alice.admin@acme.example";

    /// <summary>User id of <see cref="AdminUsername"/> (active, ORG_OWNER of Acme).</summary>
    public const string AdminUserId = "66e0f1a2b3c4d5e6f7a8b001";

    /// <summary>boris.admin@globex.example, inviter of the Globex invitations (active, ORG_OWNER of Globex).</summary>
    public const string SecondAdminUsername = "boris.admin@globex.example";

    /// <summary>User id of <see cref="SecondAdminUsername"/>.</summary>
    public const string SecondAdminUserId = "66e0f1a2b3c4d5e6f7a8b002";

    /// <summary>User id of grace.hopper@acme.example, who accepted <see cref="AcceptedOrgInvitationId"/> (active, ORG_OWNER of Acme).</summary>
    public const string AcceptedUserId = "66e0f1a2b3c4d5e6f7a8b003";

    /// <summary>peggy.park@acme.example (active): ORG_MEMBER of Acme, GROUP_DATA_ACCESS_READ_WRITE on acme-production.</summary>
    public const string ProjectMemberUsername = "peggy.park@acme.example";

    /// <summary>User id of <see cref="ProjectMemberUsername"/>.</summary>
    public const string ProjectMemberUserId = "66e0f1a2b3c4d5e6f7a8b004";

    /// <summary>
    /// trent.wu@acme.example (active) in both organizations: ORG_MEMBER of Acme with GROUP_READ_ONLY on
    /// acme-staging, ORG_MEMBER of Globex with GROUP_READ_ONLY on globex-lab.
    /// </summary>
    public const string TwoOrgMemberUsername = "trent.wu@acme.example";

    /// <summary>User id of <see cref="TwoOrgMemberUsername"/>.</summary>
    public const string TwoOrgMemberUserId = "66e0f1a2b3c4d5e6f7a8b005";

    /// <summary>Acme org invitation for carol.nguyen@acme.example, ORG_MEMBER, sent two hours ago.</summary>
    public const string RecentOrgInvitationId = "66c0d1e2f3a4b5c6d7e8f001";

    /// <summary>Acme org invitation for dave.okafor@acme.example, ORG_READ_ONLY + GROUP_READ_ONLY on staging, three days old.</summary>
    public const string OrgInvitationWithProjectRoleId = "66c0d1e2f3a4b5c6d7e8f002";

    /// <summary>Acme org invitation for erin.schmidt@contractor.example, ORG_MEMBER, 16 days old.</summary>
    public const string StaleOrgInvitationId = "66c0d1e2f3a4b5c6d7e8f003";

    /// <summary>Acme org invitation for frank.li@acme.example, ORG_BILLING_ADMIN, 25 days old.</summary>
    public const string OldOrgInvitationId = "66c0d1e2f3a4b5c6d7e8f004";

    /// <summary>Acme org invitation for grace.hopper@acme.example that was accepted (20 days old): not listed, can't be deleted.</summary>
    public const string AcceptedOrgInvitationId = "66c0d1e2f3a4b5c6d7e8f005";

    /// <summary>Globex org invitation for heidi.kowalski@globex.example, ORG_MEMBER, one day old.</summary>
    public const string SecondOrgInvitationId = "66c0d1e2f3a4b5c6d7e8f006";

    /// <summary>Globex org invitation for ivan.petrov@globex.example, ORG_GROUP_CREATOR, 15 days old.</summary>
    public const string StaleSecondOrgInvitationId = "66c0d1e2f3a4b5c6d7e8f007";

    /// <summary>acme-production invitation for judy.alvarez@acme.example, GROUP_READ_ONLY, six hours old.</summary>
    public const string RecentGroupInvitationId = "66c0d1e2f3a4b5c6d7e8f101";

    /// <summary>acme-production invitation for mallory.chen@contractor.example, GROUP_DATA_ACCESS_READ_WRITE, 18 days old.</summary>
    public const string StaleGroupInvitationId = "66c0d1e2f3a4b5c6d7e8f102";

    /// <summary>acme-staging invitation for niaj.brown@acme.example, GROUP_CLUSTER_MANAGER, ten days old.</summary>
    public const string StagingGroupInvitationId = "66c0d1e2f3a4b5c6d7e8f103";

    /// <summary>globex-lab invitation for olivia.rossi@globex.example, GROUP_OWNER, 29 days old (expires in one day).</summary>
    public const string LabGroupInvitationId = "66c0d1e2f3a4b5c6d7e8f104";

    internal static SimulatorSeed Build(DateTimeOffset now)
    {
        // Whole seconds, like the service's timestamps.
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        const string GlobexAdmin = SecondAdminUsername;

        var owner = new List<SeedRoleAssignment>
        {
            SeedRoleAssignment.ForOrg(OrgId, "ORG_OWNER"),
            SeedRoleAssignment.ForOrg(SecondOrgId, "ORG_OWNER"),
            SeedRoleAssignment.ForGroup(ProductionProjectId, "GROUP_OWNER"),
            SeedRoleAssignment.ForGroup(StagingProjectId, "GROUP_OWNER"),
            SeedRoleAssignment.ForGroup(AnalyticsProjectId, "GROUP_OWNER"),
            SeedRoleAssignment.ForGroup(LabProjectId, "GROUP_OWNER"),
        };

        List<SeedRoleAssignment> ReadOnly() => new()
        {
            SeedRoleAssignment.ForOrg(OrgId, "ORG_MEMBER"),
            SeedRoleAssignment.ForOrg(SecondOrgId, "ORG_READ_ONLY"),
            SeedRoleAssignment.ForGroup(ProductionProjectId, "GROUP_READ_ONLY"),
            SeedRoleAssignment.ForGroup(StagingProjectId, "GROUP_READ_ONLY"),
            SeedRoleAssignment.ForGroup(AnalyticsProjectId, "GROUP_READ_ONLY"),
            SeedRoleAssignment.ForGroup(LabProjectId, "GROUP_READ_ONLY"),
        };

        SeedInvitation Org(string id, string orgId, string username, string inviter, TimeSpan age, params string[] roles) => new()
        {
            Id = id,
            OrgId = orgId,
            Username = username,
            InviterUsername = inviter,
            CreatedAt = now - age,
            ExpiresAt = now - age + SimulatorState.InvitationLifetime,
            Roles = new List<string>(roles),
        };

        SeedInvitation Group(string id, string groupId, string username, string inviter, TimeSpan age, params string[] roles) => new()
        {
            Id = id,
            GroupId = groupId,
            Username = username,
            InviterUsername = inviter,
            CreatedAt = now - age,
            ExpiresAt = now - age + SimulatorState.InvitationLifetime,
            Roles = new List<string>(roles),
        };

        SeedUser User(string id, string username, string firstName, string lastName, string country, TimeSpan age, params SeedRoleAssignment[] roles) => new()
        {
            Id = id,
            Username = username,
            FirstName = firstName,
            LastName = lastName,
            Country = country,
            CreatedAt = now - age,
            LastAuth = now - TimeSpan.FromHours(age.TotalDays % 47),
            Roles = new List<SeedRoleAssignment>(roles),
        };

        SeedInvitation withProjectRole = Org(OrgInvitationWithProjectRoleId, OrgId, "dave.okafor@acme.example", AdminUsername, TimeSpan.FromDays(3), "ORG_READ_ONLY");
        withProjectRole.GroupRoleAssignments.Add(new SeedGroupRoleAssignment { GroupId = StagingProjectId, GroupRole = "GROUP_READ_ONLY" });
        withProjectRole.TeamIds.Add("67d0e1f2a3b4c5d6e7f80a01");

        SeedInvitation accepted = Org(AcceptedOrgInvitationId, OrgId, "grace.hopper@acme.example", AdminUsername, TimeSpan.FromDays(20), "ORG_OWNER");
        accepted.Accepted = true;

        return new SimulatorSeed
        {
            Organizations =
            {
                new SeedOrganization { OrgId = OrgId, Name = OrgName },
                new SeedOrganization { OrgId = SecondOrgId, Name = SecondOrgName },
            },
            Projects =
            {
                new SeedProject { GroupId = ProductionProjectId, OrgId = OrgId, Name = "acme-production" },
                new SeedProject { GroupId = StagingProjectId, OrgId = OrgId, Name = "acme-staging" },
                new SeedProject { GroupId = AnalyticsProjectId, OrgId = OrgId, Name = "acme-analytics" },
                new SeedProject { GroupId = LabProjectId, OrgId = SecondOrgId, Name = "globex-lab" },
            },
            Users =
            {
                User(AdminUserId, AdminUsername, "Alice", "Admin", "US", TimeSpan.FromDays(900), SeedRoleAssignment.ForOrg(OrgId, "ORG_OWNER")),
                User(SecondAdminUserId, GlobexAdmin, "Boris", "Admin", "DE", TimeSpan.FromDays(700), SeedRoleAssignment.ForOrg(SecondOrgId, "ORG_OWNER")),
                User(AcceptedUserId, "grace.hopper@acme.example", "Grace", "Hopper", "US", TimeSpan.FromDays(19), SeedRoleAssignment.ForOrg(OrgId, "ORG_OWNER")),
                User(
                    ProjectMemberUserId,
                    ProjectMemberUsername,
                    "Peggy",
                    "Park",
                    "CA",
                    TimeSpan.FromDays(120),
                    SeedRoleAssignment.ForOrg(OrgId, "ORG_MEMBER"),
                    SeedRoleAssignment.ForGroup(ProductionProjectId, "GROUP_DATA_ACCESS_READ_WRITE")),
                User(
                    TwoOrgMemberUserId,
                    TwoOrgMemberUsername,
                    "Trent",
                    "Wu",
                    "SG",
                    TimeSpan.FromDays(60),
                    SeedRoleAssignment.ForOrg(OrgId, "ORG_MEMBER"),
                    SeedRoleAssignment.ForGroup(StagingProjectId, "GROUP_READ_ONLY"),
                    SeedRoleAssignment.ForOrg(SecondOrgId, "ORG_MEMBER"),
                    SeedRoleAssignment.ForGroup(LabProjectId, "GROUP_READ_ONLY")),
            },
            ApiKeys =
            {
                new SeedApiKey { PublicKey = PublicKey, PrivateKey = PrivateKey, Description = "Demo owner key", Roles = owner },
                new SeedApiKey { PublicKey = ReadOnlyPublicKey, PrivateKey = ReadOnlyPrivateKey, Description = "Demo read-only key", Roles = ReadOnly() },
            },
            ServiceAccounts =
            {
                new SeedServiceAccount { ClientId = ClientId, ClientSecret = ClientSecret, Name = "demo-owner-service-account", Roles = new List<SeedRoleAssignment>(owner) },
                new SeedServiceAccount { ClientId = ReadOnlyClientId, ClientSecret = ReadOnlyClientSecret, Name = "demo-readonly-service-account", Roles = ReadOnly() },
            },
            Invitations =
            {
                Org(RecentOrgInvitationId, OrgId, "carol.nguyen@acme.example", AdminUsername, TimeSpan.FromHours(2), "ORG_MEMBER"),
                withProjectRole,
                Org(StaleOrgInvitationId, OrgId, "erin.schmidt@contractor.example", AdminUsername, TimeSpan.FromDays(16), "ORG_MEMBER"),
                Org(OldOrgInvitationId, OrgId, "frank.li@acme.example", AdminUsername, TimeSpan.FromDays(25), "ORG_BILLING_ADMIN"),
                accepted,
                Org(SecondOrgInvitationId, SecondOrgId, "heidi.kowalski@globex.example", GlobexAdmin, TimeSpan.FromDays(1), "ORG_MEMBER"),
                Org(StaleSecondOrgInvitationId, SecondOrgId, "ivan.petrov@globex.example", GlobexAdmin, TimeSpan.FromDays(15), "ORG_GROUP_CREATOR"),
                Group(RecentGroupInvitationId, ProductionProjectId, "judy.alvarez@acme.example", AdminUsername, TimeSpan.FromHours(6), "GROUP_READ_ONLY"),
                Group(StaleGroupInvitationId, ProductionProjectId, "mallory.chen@contractor.example", AdminUsername, TimeSpan.FromDays(18), "GROUP_DATA_ACCESS_READ_WRITE"),
                Group(StagingGroupInvitationId, StagingProjectId, "niaj.brown@acme.example", AdminUsername, TimeSpan.FromDays(10), "GROUP_CLUSTER_MANAGER"),
                Group(LabGroupInvitationId, LabProjectId, "olivia.rossi@globex.example", GlobexAdmin, TimeSpan.FromDays(29), "GROUP_OWNER"),
            },
        };
    }
}
