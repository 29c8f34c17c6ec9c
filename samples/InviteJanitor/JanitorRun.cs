using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime;

namespace InviteJanitor;

/// <summary>One run: scan every API, print the table, revoke (or say what it would revoke), summarize.</summary>
internal sealed class JanitorRun
{
    private readonly JanitorOptions _options;
    private readonly TextWriter _output;
    private readonly TextWriter _errors;
    private readonly DateTimeOffset _now;

    // Every pending invitation found, with the API that found it; ids already listed (see Add).
    private readonly List<(IInviteApi Api, PendingInvite Invite)> _found = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _failures;

    internal JanitorRun(JanitorOptions options, TextWriter output, TextWriter errors, DateTimeOffset now)
    {
        _options = options;
        _output = output;
        _errors = errors;
        _now = now;
    }

    internal async Task<int> ExecuteAsync(IReadOnlyList<IInviteApi> apis, CancellationToken cancellationToken)
    {
        var unseen = new List<string>();
        foreach (IInviteApi api in apis)
        {
            IReadOnlyList<Container> orgs;
            IReadOnlyList<Container> projects;
            try
            {
                orgs = await api.ListOrgsAsync(cancellationToken);
                projects = await api.ListProjectsAsync(cancellationToken);
            }
            catch (Exception ex) when (Janitor.IsRemoteFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                // Without the list of organizations nothing else can work (bad credentials, wrong URL): stop here.
                _errors.WriteLine($"{api.Name}: listing organizations and projects failed: {Janitor.Describe(ex)}");
                return Janitor.ExitFailed;
            }

            // Organization invitations are PENDING organization users wherever the users API sees them (resource version
            // 2025-02-19); project invitations exist only in the invitations API, which is used while it answers.
            bool orgsThroughUsers = api.ReachesPendingUsers && _options.Via != JanitorOptions.ViaInvitations;
            bool projectsThroughInvitations = !(api.ReachesPendingUsers && _options.Via == JanitorOptions.ViaUsers);
            var scan = new ApiScan(api);
            var orgNames = orgs.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
            for (int i = 0; i < orgs.Count; i++)
            {
                Container org = orgs[i];
                _errors.WriteLine($"{api.Name}: scanning org {i + 1}/{orgs.Count} {org.Name}…");
                bool listed = orgsThroughUsers
                    ? await CollectAsync(scan, InviteSource.Users, $"org {org.Name}", ct => api.ListPendingOrgUsersAsync(org.Id, ct), org.Name, cancellationToken)
                    : await CollectAsync(scan, InviteSource.Invitations, $"org {org.Name}", ct => api.ListOrgInvitesAsync(org.Id, ct), org.Name, cancellationToken);
                if (!listed)
                {
                    scan.OrgsNotSeen++;
                }
            }

            for (int i = 0; i < projects.Count; i++)
            {
                Container project = projects[i];
                string where = (project.OrgId is not null && orgNames.TryGetValue(project.OrgId, out string? orgName) ? orgName + " / " : "") + project.Name;
                if (!projectsThroughInvitations)
                {
                    scan.ProjectsNotSeen++;
                    continue;
                }

                _errors.WriteLine($"{api.Name}: scanning project {i + 1}/{projects.Count} {where}…");
                if (!await CollectAsync(scan, InviteSource.Invitations, $"project {where}", ct => api.ListGroupInvitesAsync(project.Id, ct), where, cancellationToken))
                {
                    scan.ProjectsNotSeen++;
                }
            }

            if (scan.Unseen(orgsThroughUsers, projectsThroughInvitations) is string line)
            {
                unseen.Add(line);
            }

            if (scan.InvitationsGone && _options.Via == JanitorOptions.ViaInvitations)
            {
                // Asked for the invitations API alone, and it is gone: the job was not done.
                _failures++;
            }
        }

        List<(IInviteApi Api, PendingInvite Invite)> doomed = _found.Where(f => _options.Matches(f.Invite, _now)).ToList();
        PrintTable(_found, doomed.Select(d => d.Invite).ToHashSet());

        int revoked = 0;
        if (_options.Apply)
        {
            foreach ((IInviteApi api, PendingInvite invite) in doomed)
            {
                try
                {
                    Task revoke = (invite.Kind, invite.Via) switch
                    {
                        // Removing a pending organization user cancels its invitation.
                        (InviteKind.Org, InviteSource.Users) => api.RemoveOrgUserAsync(invite.ContainerId, invite.Id, cancellationToken),
                        (InviteKind.Org, _) => api.DeleteOrgInviteAsync(invite.ContainerId, invite.Id, cancellationToken),
                        _ => api.DeleteGroupInviteAsync(invite.ContainerId, invite.Id, cancellationToken),
                    };
                    await revoke;

                    revoked++;
                    _errors.WriteLine($"revoked {invite.Username} ({invite.Where})");
                }
                catch (Exception ex) when (Janitor.IsRemoteFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    _failures++;
                    _errors.WriteLine($"{api.Name}: revoking {invite.Id} ({invite.Username}, {invite.Where}) failed: {Janitor.Describe(ex)}");
                }
            }
        }

        string criteria = string.Join(" or ", new[]
        {
            _options.OlderThan is { } age ? $"older than {FormatAge(age)}" : null,
            _options.Users.Count > 0 ? $"for {string.Join(", ", _options.Users)}" : null,
        }.Where(s => s is not null));
        foreach (string line in unseen)
        {
            _output.WriteLine(line);
        }

        string failures = _failures == 0 ? "" : $"; {_failures} failure(s), see above";
        _output.WriteLine(_options.Apply
            ? $"Revoked {revoked} of {_found.Count} pending invitation(s) ({criteria}){failures}."
            : $"Dry run: would revoke {doomed.Count} of {_found.Count} pending invitation(s) ({criteria}); run with --apply to revoke{failures}.");
        return _failures == 0 ? Janitor.ExitOk : Janitor.ExitFailed;
    }

    /// <summary>
    /// Lists through one API. The invitations API is not asked again once it answered 410 VERSION_GONE (past its
    /// sunset): returns false when the list could not be read for that reason.
    /// </summary>
    private async Task<bool> CollectAsync(ApiScan scan, InviteSource via, string what, Func<CancellationToken, Task<IReadOnlyList<PendingInvite>>> list, string where, CancellationToken cancellationToken)
    {
        if (via == InviteSource.Invitations && scan.InvitationsGone)
        {
            return false;
        }

        try
        {
            Add(scan.Api, await list(cancellationToken), where);
            return true;
        }
        catch (ApiException ex) when (via == InviteSource.Invitations && ex.StatusCode == HttpStatusCode.Gone)
        {
            // The resource version is sunset: every other invitations call would answer the same. Not a failure: the
            // users API goes on, and one line at the end says what could not be seen.
            scan.InvitationsGone = true;
            _errors.WriteLine($"{scan.Api.Name}: the invitations API is gone ({Janitor.Describe(ex)}); listing {what} skipped");
            return false;
        }
        catch (Exception ex) when (Janitor.IsRemoteFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            _failures++;
            _errors.WriteLine($"{scan.Api.Name}: listing {(via == InviteSource.Users ? "pending users" : "invitations")} of {what} failed: {Janitor.Describe(ex)}");
            return true;
        }
    }

    private void Add(IInviteApi api, IReadOnlyList<PendingInvite> invites, string where)
    {
        foreach (PendingInvite invite in invites)
        {
            // The same invitation can be visible through Atlas and Cloud Manager (a pending user's id is its
            // invitation's id): list it once, under the first API that saw it.
            if (_seen.Add(invite.Id))
            {
                _found.Add((api, invite with { Where = where }));
            }
        }
    }

    private void PrintTable(List<(IInviteApi Api, PendingInvite Invite)> found, HashSet<PendingInvite> doomed)
    {
        if (found.Count == 0)
        {
            _output.WriteLine("No pending invitations.");
            return;
        }

        string[] header = ["ACTION", "USER", "WHERE", "KIND", "ROLES", "AGE", "EXPIRES", "API"];
        var rows = new List<string[]> { header };
        foreach ((IInviteApi _, PendingInvite i) in found.OrderByDescending(f => f.Invite.CreatedAt ?? DateTimeOffset.MinValue))
        {
            string action = doomed.Contains(i) ? (_options.Apply ? "revoke" : "would revoke") : "keep";
            rows.Add(
            [
                action,
                i.Username,
                i.Where,
                i.Kind == InviteKind.Org ? "org" : "project",
                string.Join(",", i.Roles),
                i.CreatedAt is { } created ? FormatAge(_now - created) : "?",
                i.ExpiresAt is { } expires ? FormatExpiry(expires) : "?",
                $"{i.Api} {(i.Via == InviteSource.Users ? "users" : "invitations")}",
            ]);
        }

        int[] widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            _output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private string FormatExpiry(DateTimeOffset expires)
    {
        string date = expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return expires > _now ? $"{date} (in {FormatAge(expires - _now)})" : $"{date} (expired)";
    }

    /// <summary>What one API's scan could and could not see.</summary>
    private sealed class ApiScan(IInviteApi api)
    {
        internal IInviteApi Api { get; } = api;

        /// <summary>The invitations API answered 410 VERSION_GONE: its resource version is past its sunset.</summary>
        internal bool InvitationsGone { get; set; }

        internal int OrgsNotSeen { get; set; }

        internal int ProjectsNotSeen { get; set; }

        /// <summary>One line saying what could not be seen, and why; null when everything was seen.</summary>
        internal string? Unseen(bool orgsThroughUsers, bool projectsThroughInvitations)
        {
            if (OrgsNotSeen == 0 && ProjectsNotSeen == 0)
            {
                return null;
            }

            string why = InvitationsGone
                ? "the invitations API answered 410 VERSION_GONE (past its sunset)"
                : "--via users";
            var parts = new List<string>();
            if (OrgsNotSeen > 0)
            {
                parts.Add($"pending invitations of {OrgsNotSeen} organization(s)");
            }

            if (ProjectsNotSeen > 0)
            {
                parts.Add($"invitations to {ProjectsNotSeen} project(s)");
            }

            string hint = orgsThroughUsers || !projectsThroughInvitations
                ? "the users API does not show users invited to a project through the invitations API"
                : Api.ReachesPendingUsers
                    ? "--via auto finds pending organization users through the users API"
                    : "the users API shows pending organization users from --api-version 2025-03-12 on";
            return $"{Api.Name}: {why}: {string.Join(" and ", parts)} could not be seen; {hint}.";
        }
    }

    internal static string FormatAge(TimeSpan age)
        => age.TotalDays >= 1 ? $"{(int)age.TotalDays}d"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h"
            : "<1h";
}
