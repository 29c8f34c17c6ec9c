using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;

namespace SpecClient.Simulator;

/// <summary>
/// The live state of a running simulator. Every read returns a copy (a snapshot), so tests can
/// inspect it from any thread while requests mutate it. Mutations are serialized by one lock;
/// with a state file each one is persisted before the request is answered.
/// </summary>
public sealed partial class SimulatorState
{
    /// <summary>Invitations expire 30 days after they are sent (ATLAS.md §7).</summary>
    internal static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(30);

    private readonly object _gate = new();
    private readonly List<SeedInvitation> _invitations = new();
    private readonly Dictionary<string, SeedInvitation> _invitationsById = new(StringComparer.Ordinal);
    private readonly List<SeedUser> _users = new();

    // Organizations, projects and credentials never change after start, so they are read without the lock.
    private readonly SimulatorSeed _fixed;
    private readonly Dictionary<string, SeedOrganization> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedProject> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedApiKey> _apiKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedServiceAccount> _serviceAccounts = new(StringComparer.Ordinal);

    private readonly TimeProvider _time;
    private readonly byte[] _idProcessPart = RandomNumberGenerator.GetBytes(5);
    private int _idCounter = RandomNumberGenerator.GetInt32(0, 0xFFFFFF);
    private long _version;
    private long _stateFileWrites;

    private SimulatorState(SimulatorSeed seed, string? stateFilePath, TimeProvider time)
    {
        _time = time;
        StateFilePath = stateFilePath;
        _fixed = new SimulatorSeed
        {
            Organizations = seed.Organizations,
            Projects = seed.Projects,
            ApiKeys = seed.ApiKeys,
            ServiceAccounts = seed.ServiceAccounts,
        };

        foreach (SeedOrganization org in seed.Organizations)
        {
            _organizations.Add(org.OrgId, org);
        }

        foreach (SeedProject project in seed.Projects)
        {
            _projects.Add(project.GroupId, project);
        }

        foreach (SeedApiKey key in seed.ApiKeys)
        {
            _apiKeys.Add(key.PublicKey, key);
        }

        foreach (SeedServiceAccount account in seed.ServiceAccounts)
        {
            _serviceAccounts.Add(account.ClientId, account);
        }

        _users.AddRange(seed.Users);
        foreach (SeedInvitation invitation in seed.Invitations)
        {
            _invitations.Add(invitation);
            _invitationsById.Add(invitation.Id, invitation);
        }
    }

    /// <summary>The state file, or <see langword="null"/> when the state lives in memory only.</summary>
    public string? StateFilePath { get; }

    /// <summary>Number of changes since the simulator started.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Number of times the state file was (atomically) rewritten, including the initial write.</summary>
    public long StateFileWrites => Interlocked.Read(ref _stateFileWrites);

    /// <summary>
    /// Test hook: called with the temporary file's path after it is fully written and flushed,
    /// just before it is renamed over the state file.
    /// </summary>
    internal Action<string>? BeforeStateFileRename { get; set; }

    /// <summary>Every invitation (pending and accepted, organization and project), in creation order.</summary>
    public IReadOnlyList<SeedInvitation> GetInvitations()
    {
        lock (_gate)
        {
            return _invitations.ConvertAll(i => i.Clone());
        }
    }

    /// <summary>The organization invitations of one organization (pending and accepted).</summary>
    public IReadOnlyList<SeedInvitation> GetOrgInvitations(string orgId)
    {
        lock (_gate)
        {
            return _invitations.FindAll(i => i.OrgId == orgId).ConvertAll(i => i.Clone());
        }
    }

    /// <summary>The project invitations of one project (pending and accepted).</summary>
    public IReadOnlyList<SeedInvitation> GetGroupInvitations(string groupId)
    {
        lock (_gate)
        {
            return _invitations.FindAll(i => i.GroupId == groupId).ConvertAll(i => i.Clone());
        }
    }

    /// <summary>One invitation by id, or <see langword="null"/>.</summary>
    public SeedInvitation? FindInvitation(string invitationId)
    {
        lock (_gate)
        {
            return _invitationsById.TryGetValue(invitationId, out SeedInvitation? found) ? found.Clone() : null;
        }
    }

    /// <summary>The active users (copies), with their current roles.</summary>
    public IReadOnlyList<SeedUser> GetUsers()
    {
        lock (_gate)
        {
            return _users.ConvertAll(u => u.Clone());
        }
    }

    /// <summary>The organizations (copies).</summary>
    public IReadOnlyList<SeedOrganization> GetOrganizations()
        => _fixed.Organizations.ConvertAll(o => new SeedOrganization { OrgId = o.OrgId, Name = o.Name });

    /// <summary>The projects (copies).</summary>
    public IReadOnlyList<SeedProject> GetProjects()
        => _fixed.Projects.ConvertAll(p => new SeedProject { GroupId = p.GroupId, OrgId = p.OrgId, Name = p.Name });

    /// <summary>A deep copy of the whole state, in the state-file format.</summary>
    public SimulatorSeed Snapshot()
    {
        lock (_gate)
        {
            return SnapshotLocked().Clone();
        }
    }

    /// <summary>
    /// Simulates the invited user accepting an invitation: it leaves the lists and can no longer be
    /// changed or deleted. Returns <see langword="false"/> when no invitation has that id.
    /// </summary>
    public bool AcceptInvitation(string invitationId)
    {
        lock (_gate)
        {
            if (!_invitationsById.TryGetValue(invitationId, out SeedInvitation? invitation))
            {
                return false;
            }

            invitation.Accepted = true;
            CommitLocked();
            return true;
        }
    }

    /// <summary>
    /// Adds an invitation directly (test setup, e.g. one sent long ago). An empty <see cref="SeedInvitation.Id"/>
    /// gets a new id; a missing expiry becomes <c>createdAt + 30 days</c>. Returns the stored copy.
    /// </summary>
    /// <exception cref="InvalidDataException">The invitation's id is taken or its organization/project is unknown.</exception>
    public SeedInvitation AddInvitation(SeedInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        SeedInvitation copy = invitation.Clone();
        copy.ExpiresAt ??= copy.CreatedAt + InvitationLifetime;
        if ((copy.OrgId is null) == (copy.GroupId is null)
            || (copy.OrgId is not null && !_organizations.ContainsKey(copy.OrgId))
            || (copy.GroupId is not null && !_projects.ContainsKey(copy.GroupId)))
        {
            throw new InvalidDataException("The invitation must name exactly one existing organization (orgId) or project (groupId).");
        }

        lock (_gate)
        {
            if (copy.Id.Length == 0)
            {
                copy.Id = NewIdLocked();
            }
            else if (_invitationsById.ContainsKey(copy.Id))
            {
                throw new InvalidDataException($"An invitation with id {copy.Id} already exists.");
            }

            _invitations.Add(copy);
            _invitationsById.Add(copy.Id, copy);
            CommitLocked();
            return copy.Clone();
        }
    }

    internal SeedOrganization? FindOrganization(string orgId) => _organizations.GetValueOrDefault(orgId);

    internal SeedProject? FindProject(string groupId) => _projects.GetValueOrDefault(groupId);

    internal SeedApiKey? FindApiKey(string publicKey) => _apiKeys.GetValueOrDefault(publicKey);

    internal SeedServiceAccount? FindServiceAccount(string clientId) => _serviceAccounts.GetValueOrDefault(clientId);

    internal IReadOnlyCollection<SeedApiKey> ApiKeys => _apiKeys.Values;

    internal IReadOnlyCollection<SeedServiceAccount> ServiceAccounts => _serviceAccounts.Values;

    /// <summary>Pending (not accepted) invitations of one organization or project, optionally for one username.</summary>
    internal List<SeedInvitation> ListPending(InvitationScope scope, string containerId, string? username)
    {
        lock (_gate)
        {
            var result = new List<SeedInvitation>();
            foreach (SeedInvitation invitation in _invitations)
            {
                if (!invitation.Accepted
                    && BelongsTo(invitation, scope, containerId)
                    && (username is null || string.Equals(invitation.Username, username, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add(invitation.Clone());
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Adds a new invitation (its id, timestamps are assigned here). A pending invitation for the
    /// same username in the same organization/project makes it a <see cref="InvitationStatus.Conflict"/>.
    /// </summary>
    internal InvitationResult Create(SeedInvitation candidate)
    {
        lock (_gate)
        {
            return CreateLocked(candidate);
        }
    }

    private InvitationResult CreateLocked(SeedInvitation candidate)
    {
        {
            InvitationScope scope = candidate.IsGroupInvitation ? InvitationScope.Group : InvitationScope.Org;
            string containerId = candidate.GroupId ?? candidate.OrgId!;
            foreach (SeedInvitation existing in _invitations)
            {
                if (!existing.Accepted
                    && BelongsTo(existing, scope, containerId)
                    && string.Equals(existing.Username, candidate.Username, StringComparison.OrdinalIgnoreCase))
                {
                    return new InvitationResult(InvitationStatus.Conflict, existing.Clone());
                }
            }

            SeedInvitation stored = candidate.Clone();
            stored.Id = NewIdLocked();
            stored.CreatedAt = WholeSeconds(_time.GetUtcNow());
            stored.ExpiresAt = stored.CreatedAt + InvitationLifetime;
            stored.Accepted = false;
            _invitations.Add(stored);
            _invitationsById.Add(stored.Id, stored);
            CommitLocked();
            return new InvitationResult(InvitationStatus.Found, stored.Clone());
        }
    }

    internal InvitationResult Get(InvitationScope scope, string containerId, string invitationId)
    {
        lock (_gate)
        {
            InvitationResult lookup = LookupLocked(scope, containerId, invitationId, out SeedInvitation? found);
            return lookup.Status == InvitationStatus.Found ? new InvitationResult(InvitationStatus.Found, found!.Clone()) : lookup;
        }
    }

    /// <summary>Applies <paramref name="change"/> to a pending invitation selected by id (under the lock).</summary>
    internal InvitationResult Update(InvitationScope scope, string containerId, string invitationId, Action<SeedInvitation> change)
    {
        lock (_gate)
        {
            InvitationResult lookup = LookupLocked(scope, containerId, invitationId, out SeedInvitation? found);
            if (lookup.Status != InvitationStatus.Found)
            {
                return lookup;
            }

            if (found!.Accepted)
            {
                return new InvitationResult(InvitationStatus.Accepted, found.Clone());
            }

            // The service keeps createdAt/expiresAt on an update (unsure: it might re-send and restart the 30 days).
            change(found);
            CommitLocked();
            return new InvitationResult(InvitationStatus.Found, found.Clone());
        }
    }

    /// <summary>Applies <paramref name="change"/> to the pending invitation of <paramref name="username"/> (under the lock).</summary>
    internal InvitationResult UpdateByUsername(InvitationScope scope, string containerId, string username, Action<SeedInvitation> change)
    {
        lock (_gate)
        {
            // Create refuses a second pending invitation for one username, so at most one matches.
            SeedInvitation? found = _invitations.Find(i => !i.Accepted
                && BelongsTo(i, scope, containerId)
                && string.Equals(i.Username, username, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                return new InvitationResult(InvitationStatus.NotFound, null);
            }

            change(found);
            CommitLocked();
            return new InvitationResult(InvitationStatus.Found, found.Clone());
        }
    }

    internal InvitationResult Delete(InvitationScope scope, string containerId, string invitationId)
    {
        lock (_gate)
        {
            InvitationResult lookup = LookupLocked(scope, containerId, invitationId, out SeedInvitation? found);
            if (lookup.Status != InvitationStatus.Found)
            {
                return lookup;
            }

            if (found!.Accepted)
            {
                return new InvitationResult(InvitationStatus.Accepted, found.Clone());
            }

            _invitations.Remove(found);
            _invitationsById.Remove(found.Id);
            CommitLocked();
            return new InvitationResult(InvitationStatus.Found, found.Clone());
        }
    }

    internal static SimulatorState Open(SimulatorOptions options, TimeProvider clock)
    {
        SimulatorSeed seed;
        string? path = options.StateFilePath is null ? null : Path.GetFullPath(options.StateFilePath);
        if (path is not null && File.Exists(path))
        {
            seed = SimulatorSeed.Load(path);
        }
        else
        {
            seed = options.Seed?.Clone() ?? SimulatorSeed.CreateDemo(clock.GetUtcNow());
            seed.Normalize();
            seed.Validate();
        }

        var state = new SimulatorState(seed, path, clock);
        if (path is not null)
        {
            string directory = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);

            // Temporary files left by a crash between write and rename are garbage: the state file is intact.
            foreach (string leftover in Directory.EnumerateFiles(directory, TempFilePattern(path)))
            {
                TryDelete(leftover);
            }

            lock (state._gate)
            {
                state.WriteStateFileLocked();
            }
        }

        return state;
    }

    private static string TempFilePattern(string path) => "." + Path.GetFileName(path) + ".*.tmp";

    private static bool BelongsTo(SeedInvitation invitation, InvitationScope scope, string containerId)
        => scope == InvitationScope.Org
            ? invitation.GroupId is null && invitation.OrgId == containerId
            : invitation.GroupId == containerId;

    private InvitationResult LookupLocked(InvitationScope scope, string containerId, string invitationId, out SeedInvitation? found)
    {
        if (!_invitationsById.TryGetValue(invitationId, out found))
        {
            return new InvitationResult(InvitationStatus.NotFound, null);
        }

        if (BelongsTo(found, scope, containerId))
        {
            return new InvitationResult(InvitationStatus.Found, null);
        }

        // An invitation of the other kind in the same organization is a 400 (CANNOT_DELETE_*_INVITATION);
        // anything else is simply not found here.
        if (scope == InvitationScope.Org && found.GroupId is not null && FindProject(found.GroupId)?.OrgId == containerId)
        {
            return new InvitationResult(InvitationStatus.GroupInvitationOnOrgRoute, null);
        }

        if (scope == InvitationScope.Group && found.OrgId is not null && FindProject(containerId)?.OrgId == found.OrgId)
        {
            return new InvitationResult(InvitationStatus.OrgInvitationOnGroupRoute, null);
        }

        found = null;
        return new InvitationResult(InvitationStatus.NotFound, null);
    }

    /// <summary>
    /// A new id shaped like a MongoDB ObjectId (24 lowercase hex digits): 4 bytes of seconds, 5 random
    /// bytes per simulator, a 3-byte counter. Unique within the state.
    /// </summary>
    private string NewIdLocked()
    {
        Span<byte> bytes = stackalloc byte[12];
        while (true)
        {
            uint seconds = (uint)_time.GetUtcNow().ToUnixTimeSeconds();
            bytes[0] = (byte)(seconds >> 24);
            bytes[1] = (byte)(seconds >> 16);
            bytes[2] = (byte)(seconds >> 8);
            bytes[3] = (byte)seconds;
            _idProcessPart.CopyTo(bytes[4..]);
            int counter = _idCounter = (_idCounter + 1) & 0xFFFFFF;
            bytes[9] = (byte)(counter >> 16);
            bytes[10] = (byte)(counter >> 8);
            bytes[11] = (byte)counter;
            string id = Convert.ToHexStringLower(bytes);
            if (!_invitationsById.ContainsKey(id) && !_users.Exists(u => u.Id == id))
            {
                return id;
            }
        }
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset value)
        => new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private SimulatorSeed SnapshotLocked() => new()
    {
        Organizations = _fixed.Organizations,
        Projects = _fixed.Projects,
        Users = _users,
        ApiKeys = _fixed.ApiKeys,
        ServiceAccounts = _fixed.ServiceAccounts,
        Invitations = _invitations,
    };

    private void CommitLocked()
    {
        Interlocked.Increment(ref _version);
        if (StateFilePath is not null)
        {
            // Still under the lock: files are written in the order of the changes, and no change is lost.
            WriteStateFileLocked();
        }
    }

    /// <summary>
    /// Writes the full state to a temporary file in the state file's directory, flushes it to disk
    /// and renames it over the state file. A rename within one directory is atomic, so a crash
    /// leaves either the old or the new state, never a torn file.
    /// </summary>
    private void WriteStateFileLocked()
    {
        string path = StateFilePath!;
        byte[] bytes = SnapshotLocked().ToJsonBytes();
        string temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            BeforeStateFileRename?.Invoke(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        Interlocked.Increment(ref _stateFileWrites);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Which kind of route addresses an invitation.</summary>
internal enum InvitationScope
{
    Org,
    Group,
}

internal enum InvitationStatus
{
    Found,
    NotFound,

    /// <summary>The id names an organization invitation, addressed through a project route.</summary>
    OrgInvitationOnGroupRoute,

    /// <summary>The id names a project invitation, addressed through an organization route.</summary>
    GroupInvitationOnOrgRoute,

    /// <summary>The invitation was accepted and can't be changed or deleted.</summary>
    Accepted,

    /// <summary>A pending invitation for that username already exists.</summary>
    Conflict,
}

internal readonly record struct InvitationResult(InvitationStatus Status, SeedInvitation? Invitation);
