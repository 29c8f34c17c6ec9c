using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace InviteJanitor;

/// <summary>One run: scan every API, print the table, revoke (or say what it would revoke), summarize.</summary>
internal sealed class JanitorRun
{
    private readonly JanitorOptions _options;
    private readonly TextWriter _output;
    private readonly TextWriter _errors;
    private readonly DateTimeOffset _now;
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
        var found = new List<(IInviteApi Api, PendingInvite Invite)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
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

            var orgNames = orgs.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
            for (int i = 0; i < orgs.Count; i++)
            {
                Container org = orgs[i];
                _errors.WriteLine($"{api.Name}: scanning org {i + 1}/{orgs.Count} {org.Name}…");
                await CollectAsync(api, $"org {org.Name}", ct => api.ListOrgInvitesAsync(org.Id, ct), org.Name, found, seen, cancellationToken);
            }

            for (int i = 0; i < projects.Count; i++)
            {
                Container project = projects[i];
                string where = (project.OrgId is not null && orgNames.TryGetValue(project.OrgId, out string? orgName) ? orgName + " / " : "") + project.Name;
                _errors.WriteLine($"{api.Name}: scanning project {i + 1}/{projects.Count} {where}…");
                await CollectAsync(api, $"project {where}", ct => api.ListGroupInvitesAsync(project.Id, ct), where, found, seen, cancellationToken);
            }
        }

        List<(IInviteApi Api, PendingInvite Invite)> doomed = found.Where(f => _options.Matches(f.Invite, _now)).ToList();
        PrintTable(found, doomed.Select(d => d.Invite).ToHashSet());

        int revoked = 0;
        if (_options.Apply)
        {
            foreach ((IInviteApi api, PendingInvite invite) in doomed)
            {
                try
                {
                    if (invite.Kind == InviteKind.Org)
                    {
                        await api.DeleteOrgInviteAsync(invite.ContainerId, invite.Id, cancellationToken);
                    }
                    else
                    {
                        await api.DeleteGroupInviteAsync(invite.ContainerId, invite.Id, cancellationToken);
                    }

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
        string failures = _failures == 0 ? "" : $"; {_failures} failure(s), see above";
        _output.WriteLine(_options.Apply
            ? $"Revoked {revoked} of {found.Count} pending invitation(s) ({criteria}){failures}."
            : $"Dry run: would revoke {doomed.Count} of {found.Count} pending invitation(s) ({criteria}); run with --apply to revoke{failures}.");
        return _failures == 0 ? Janitor.ExitOk : Janitor.ExitFailed;
    }

    private async Task CollectAsync(
        IInviteApi api,
        string what,
        Func<CancellationToken, Task<IReadOnlyList<PendingInvite>>> list,
        string where,
        List<(IInviteApi, PendingInvite)> found,
        HashSet<string> seen,
        CancellationToken cancellationToken)
    {
        try
        {
            foreach (PendingInvite invite in await list(cancellationToken))
            {
                // The same invitation can be visible through Atlas and Cloud Manager: list it once.
                if (seen.Add(invite.Id))
                {
                    found.Add((api, invite with { Where = where }));
                }
            }
        }
        catch (Exception ex) when (Janitor.IsRemoteFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            _failures++;
            _errors.WriteLine($"{api.Name}: listing invitations of {what} failed: {Janitor.Describe(ex)}");
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
                i.Api,
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

    internal static string FormatAge(TimeSpan age)
        => age.TotalDays >= 1 ? $"{(int)age.TotalDays}d"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h"
            : "<1h";
}
