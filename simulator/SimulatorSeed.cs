using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator;

/// <summary>
/// A complete simulator state: organizations, projects, users, credentials and invitations.
/// Used as the initial state (<see cref="SimulatorOptions.Seed"/>), as the on-disk state file
/// format and as the snapshot type of <see cref="SimulatorState.Snapshot"/>.
/// </summary>
/// <remarks>
/// The JSON form uses camelCase names (<c>organizations</c>, <c>projects</c>, <c>apiKeys</c>, …),
/// timestamps as ISO-8601 UTC (<c>2021-02-18T18:51:46Z</c>); comments and trailing commas are allowed.
/// </remarks>
public sealed class SimulatorSeed
{
    /// <summary>Organizations.</summary>
    public List<SeedOrganization> Organizations { get; set; } = new();

    /// <summary>Projects (groups); each belongs to one organization.</summary>
    public List<SeedProject> Projects { get; set; } = new();

    /// <summary>Active MongoDB Cloud users; the users API lists them and can remove their roles (persisted like invitations).</summary>
    public List<SeedUser> Users { get; set; } = new();

    /// <summary>Programmatic API keys, used with HTTP Digest authentication.</summary>
    public List<SeedApiKey> ApiKeys { get; set; } = new();

    /// <summary>Service accounts, used with the OAuth 2.0 client-credentials grant.</summary>
    public List<SeedServiceAccount> ServiceAccounts { get; set; } = new();

    /// <summary>Organization and project invitations, pending or accepted.</summary>
    public List<SeedInvitation> Invitations { get; set; } = new();

    /// <summary>Reads a seed (or a state file) from JSON on disk.</summary>
    /// <exception cref="InvalidDataException">The file is not valid seed JSON or its references don't resolve.</exception>
    public static SimulatorSeed Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            return FromJsonBytes(bytes);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Parses a seed from its JSON text.</summary>
    /// <exception cref="InvalidDataException">The text is not valid seed JSON or its references don't resolve.</exception>
    public static SimulatorSeed FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJsonBytes(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Serializes the seed as indented JSON (the state-file format).</summary>
    public string ToJson() => Encoding.UTF8.GetString(ToJsonBytes());

    /// <summary>Writes the seed as JSON to <paramref name="path"/> (not atomically; the simulator's own persistence is).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, ToJsonBytes());
    }

    /// <summary>A deep copy.</summary>
    public SimulatorSeed Clone() => FromJsonBytes(ToJsonBytes(), validate: false);

    /// <summary>The demo state relative to the current system time; see <see cref="CreateDemo(DateTimeOffset)"/>.</summary>
    public static SimulatorSeed CreateDemo() => CreateDemo(TimeProvider.System.GetUtcNow());

    /// <summary>
    /// The demo state: two organizations, four projects, an owner API key and service account,
    /// a read-only API key and service account, and eleven invitations aged from two hours to
    /// 29 days before <paramref name="now"/> (one of them accepted), and five active users (two
    /// admins, the user who accepted, two members with project roles). <see cref="SimulatorDemo"/>
    /// names every id and credential.
    /// </summary>
    public static SimulatorSeed CreateDemo(DateTimeOffset now) => SimulatorDemo.Build(now);

    internal byte[] ToJsonBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            JsonSerializer.Serialize(writer, this, SimulatorJsonContext.Default.SimulatorSeed);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    internal static SimulatorSeed FromJsonBytes(byte[] bytes, bool validate = true)
    {
        SimulatorSeed? seed;
        try
        {
            seed = JsonSerializer.Deserialize(bytes, SimulatorJsonContext.Default.SimulatorSeed);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Invalid simulator seed JSON: {ex.Message}", ex);
        }

        if (seed is null)
        {
            throw new InvalidDataException("Invalid simulator seed JSON: the document is null.");
        }

        seed.Normalize();
        if (validate)
        {
            seed.Validate();
        }

        return seed;
    }

    /// <summary>Replaces JSON nulls with empty lists and fills in default expiry dates.</summary>
    internal void Normalize()
    {
        Organizations ??= new();
        Projects ??= new();
        Users ??= new();
        ApiKeys ??= new();
        ServiceAccounts ??= new();
        Invitations ??= new();
        foreach (SeedApiKey key in ApiKeys)
        {
            key.Roles ??= new();
        }

        foreach (SeedServiceAccount account in ServiceAccounts)
        {
            account.Roles ??= new();
        }

        foreach (SeedUser user in Users)
        {
            user.Roles ??= new();
            if (string.IsNullOrEmpty(user.Id) && !string.IsNullOrEmpty(user.Username))
            {
                user.Id = SeedUser.IdFor(user.Username);
            }
        }

        foreach (SeedInvitation invitation in Invitations)
        {
            invitation.Roles ??= new();
            invitation.TeamIds ??= new();
            invitation.GroupRoleAssignments ??= new();
            invitation.ExpiresAt ??= invitation.CreatedAt + SimulatorState.InvitationLifetime;
        }
    }

    /// <summary>Checks that every reference resolves and every id is unique.</summary>
    /// <exception cref="InvalidDataException">Describes the first problem found.</exception>
    internal void Validate()
    {
        var orgIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (SeedOrganization org in Organizations)
        {
            Require(!string.IsNullOrEmpty(org.OrgId), "an organization has no orgId");
            Require(orgIds.Add(org.OrgId), $"duplicate organization id {org.OrgId}");
        }

        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (SeedProject project in Projects)
        {
            Require(!string.IsNullOrEmpty(project.GroupId), "a project has no groupId");
            Require(groupIds.Add(project.GroupId), $"duplicate project id {project.GroupId}");
            Require(orgIds.Contains(project.OrgId), $"project {project.GroupId} names unknown organization {project.OrgId}");
        }

        var publicKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (SeedApiKey key in ApiKeys)
        {
            Require(!string.IsNullOrEmpty(key.PublicKey) && !string.IsNullOrEmpty(key.PrivateKey), "an API key lacks its public or private key");
            Require(publicKeys.Add(key.PublicKey), $"duplicate API public key {key.PublicKey}");
        }

        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (SeedServiceAccount account in ServiceAccounts)
        {
            Require(!string.IsNullOrEmpty(account.ClientId) && !string.IsNullOrEmpty(account.ClientSecret), "a service account lacks its clientId or clientSecret");
            Require(clientIds.Add(account.ClientId), $"duplicate service account clientId {account.ClientId}");
        }

        var userIds = new HashSet<string>(StringComparer.Ordinal);
        var usernames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (SeedUser user in Users)
        {
            Require(!string.IsNullOrEmpty(user.Username), "a user has no username");
            Require(IsHexId(user.Id), $"user {user.Username} has an id that is not 24 lowercase hex digits ({user.Id})");
            Require(userIds.Add(user.Id), $"duplicate user id {user.Id}");
            Require(usernames.Add(user.Username), $"duplicate username {user.Username}");
            foreach (SeedRoleAssignment role in user.Roles)
            {
                Require((role.OrgId is null) != (role.GroupId is null), $"a role of user {user.Username} must name exactly one of orgId or groupId");
                Require(role.OrgId is null || orgIds.Contains(role.OrgId), $"user {user.Username} has a role on unknown organization {role.OrgId}");
                Require(role.GroupId is null || groupIds.Contains(role.GroupId), $"user {user.Username} has a role on unknown project {role.GroupId}");
            }
        }

        var invitationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (SeedInvitation invitation in Invitations)
        {
            Require(!string.IsNullOrEmpty(invitation.Id), "an invitation has no id");
            Require(invitationIds.Add(invitation.Id), $"duplicate invitation id {invitation.Id}");

            // A pending organization user's id is its invitation's id, so the two kinds of id must not meet.
            Require(!userIds.Contains(invitation.Id), $"invitation id {invitation.Id} is also a user id");
            Require((invitation.OrgId is null) != (invitation.GroupId is null), $"invitation {invitation.Id} must name exactly one of orgId (organization invitation) or groupId (project invitation)");
            Require(invitation.OrgId is null || orgIds.Contains(invitation.OrgId), $"invitation {invitation.Id} names unknown organization {invitation.OrgId}");
            Require(invitation.GroupId is null || groupIds.Contains(invitation.GroupId), $"invitation {invitation.Id} names unknown project {invitation.GroupId}");
            Require(!string.IsNullOrEmpty(invitation.Username), $"invitation {invitation.Id} has no username");
        }

        static bool IsHexId(string value) => value.Length == 24 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new InvalidDataException($"Invalid simulator seed: {message}.");
            }
        }
    }
}

/// <summary>An organization.</summary>
public sealed class SeedOrganization
{
    /// <summary>24-hex-digit organization id.</summary>
    public string OrgId { get; set; } = "";

    /// <summary>Display name (the invitations' <c>orgName</c>).</summary>
    public string Name { get; set; } = "";
}

/// <summary>A project (group).</summary>
public sealed class SeedProject
{
    /// <summary>24-hex-digit project id.</summary>
    public string GroupId { get; set; } = "";

    /// <summary>The organization that owns the project.</summary>
    public string OrgId { get; set; } = "";

    /// <summary>Display name (the invitations' <c>groupName</c>).</summary>
    public string Name { get; set; } = "";
}

/// <summary>
/// An active MongoDB Cloud user: a member of every organization where it holds an organization
/// role or a role on one of the organization's projects (the users API lists it there).
/// </summary>
public sealed class SeedUser
{
    /// <summary>
    /// 24-hex-digit user id. Empty in a seed or state file means <see cref="IdFor"/> of the
    /// username, so older files keep working and get stable ids.
    /// </summary>
    public string Id { get; set; } = "";

    /// <summary>Email address used as the username.</summary>
    public string Username { get; set; } = "";

    /// <summary>First name.</summary>
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    public string? LastName { get; set; }

    /// <summary>When the account was created; the users API leaves <c>createdAt</c> out when unknown.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Last login; optional.</summary>
    public DateTimeOffset? LastAuth { get; set; }

    /// <summary>Two-letter country code (ISO 3166-1 alpha-2); optional.</summary>
    public string? Country { get; set; }

    /// <summary>Organization and project roles of the user.</summary>
    public List<SeedRoleAssignment> Roles { get; set; } = new();

    /// <summary>
    /// The id a user without one gets: the first 24 hex digits of the SHA-256 of the lower-cased
    /// username (deterministic, so a seed without ids yields the same ids on every start).
    /// </summary>
    public static string IdFor(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        byte[] hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(username.ToLowerInvariant()));
        return Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>A deep copy.</summary>
    public SeedUser Clone() => new()
    {
        Id = Id,
        Username = Username,
        FirstName = FirstName,
        LastName = LastName,
        CreatedAt = CreatedAt,
        LastAuth = LastAuth,
        Country = Country,
        Roles = Roles.ConvertAll(r => new SeedRoleAssignment { OrgId = r.OrgId, GroupId = r.GroupId, RoleName = r.RoleName }),
    };
}

/// <summary>One role held on one organization (<see cref="OrgId"/>) or one project (<see cref="GroupId"/>).</summary>
public sealed class SeedRoleAssignment
{
    /// <summary>The organization, for an organization role such as <c>ORG_OWNER</c>.</summary>
    public string? OrgId { get; set; }

    /// <summary>The project, for a project role such as <c>GROUP_OWNER</c>.</summary>
    public string? GroupId { get; set; }

    /// <summary>The role name.</summary>
    public string RoleName { get; set; } = "";

    /// <summary>An organization role.</summary>
    public static SeedRoleAssignment ForOrg(string orgId, string roleName) => new() { OrgId = orgId, RoleName = roleName };

    /// <summary>A project role.</summary>
    public static SeedRoleAssignment ForGroup(string groupId, string roleName) => new() { GroupId = groupId, RoleName = roleName };
}

/// <summary>A programmatic API key (HTTP Digest: username = public key, password = private key).</summary>
public sealed class SeedApiKey
{
    /// <summary>Public key (the digest username).</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>Private key (the digest password).</summary>
    public string PrivateKey { get; set; } = "";

    /// <summary>Free-text description.</summary>
    public string? Description { get; set; }

    /// <summary>Roles of the key.</summary>
    public List<SeedRoleAssignment> Roles { get; set; } = new();
}

/// <summary>A service account (OAuth 2.0 client credentials).</summary>
public sealed class SeedServiceAccount
{
    /// <summary>OAuth client id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>OAuth client secret.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Roles of the service account.</summary>
    public List<SeedRoleAssignment> Roles { get; set; } = new();
}

/// <summary>
/// An invitation. Exactly one of <see cref="OrgId"/> (organization invitation) and
/// <see cref="GroupId"/> (project invitation) is set.
/// </summary>
public sealed class SeedInvitation
{
    /// <summary>24-hex-digit invitation id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The organization of an organization invitation; <see langword="null"/> for a project invitation.</summary>
    public string? OrgId { get; set; }

    /// <summary>The project of a project invitation; <see langword="null"/> for an organization invitation.</summary>
    public string? GroupId { get; set; }

    /// <summary>Email address of the invited user.</summary>
    public string Username { get; set; } = "";

    /// <summary>Who sent the invitation (a username, API public key or service account client id).</summary>
    public string? InviterUsername { get; set; }

    /// <summary>When the invitation was sent.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it expires; <see langword="null"/> in a seed means 30 days after <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Organization roles (organization invitation) or project roles (project invitation).</summary>
    public List<string> Roles { get; set; } = new();

    /// <summary>Teams (organization invitations only).</summary>
    public List<string> TeamIds { get; set; } = new();

    /// <summary>Project role assignments (organization invitations only).</summary>
    public List<SeedGroupRoleAssignment> GroupRoleAssignments { get; set; } = new();

    /// <summary>Whether the user accepted the invitation. Accepted invitations are not listed and can't be changed or deleted.</summary>
    public bool Accepted { get; set; }

    /// <summary>Whether this is a project (group) invitation.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsGroupInvitation => GroupId is not null;

    /// <summary>A deep copy.</summary>
    public SeedInvitation Clone() => new()
    {
        Id = Id,
        OrgId = OrgId,
        GroupId = GroupId,
        Username = Username,
        InviterUsername = InviterUsername,
        CreatedAt = CreatedAt,
        ExpiresAt = ExpiresAt,
        Roles = new List<string>(Roles),
        TeamIds = new List<string>(TeamIds),
        GroupRoleAssignments = GroupRoleAssignments.ConvertAll(a => new SeedGroupRoleAssignment { GroupId = a.GroupId, GroupRole = a.GroupRole }),
        Accepted = Accepted,
    };
}

/// <summary>A project and the project role an invited user receives in it.</summary>
public sealed class SeedGroupRoleAssignment
{
    /// <summary>The project.</summary>
    public string GroupId { get; set; } = "";

    /// <summary>The project role, e.g. <c>GROUP_READ_ONLY</c>.</summary>
    public string GroupRole { get; set; } = "";
}
