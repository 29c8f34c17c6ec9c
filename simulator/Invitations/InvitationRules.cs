using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SpecClient.Simulator.Http;
using SpecClient.Simulator.Json;

namespace SpecClient.Simulator.Invitations;

/// <summary>Ids, emails and role names as the service validates them.</summary>
internal static partial class InvitationRules
{
    internal const string IdPattern = "^([a-f0-9]{24})$";

    /// <summary>Organization roles of the 2025-03-12 release (ATLAS.md §7).</summary>
    internal static readonly IReadOnlySet<string> OrgRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "ORG_OWNER", "ORG_MEMBER", "ORG_GROUP_CREATOR", "ORG_BILLING_ADMIN", "ORG_READ_ONLY", "ORG_BILLING_READ_ONLY",
    };

    /// <summary>Project roles of the 2025-03-12 release (ATLAS.md §7).</summary>
    internal static readonly IReadOnlySet<string> GroupRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "GROUP_CLUSTER_MANAGER", "GROUP_DATA_ACCESS_ADMIN", "GROUP_DATA_ACCESS_READ_ONLY", "GROUP_DATA_ACCESS_READ_WRITE",
        "GROUP_OWNER", "GROUP_READ_ONLY", "GROUP_SEARCH_INDEX_EDITOR", "GROUP_STREAM_PROCESSING_OWNER",
        "GROUP_BACKUP_MANAGER", "GROUP_DATABASE_ACCESS_ADMIN", "GROUP_OBSERVABILITY_VIEWER",
    };

    /// <summary><c>^([a-f0-9]{24})$</c>: exactly 24 lowercase hex digits.</summary>
    internal static bool IsId(string? value)
    {
        if (value is null || value.Length != 24)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsEmail(string? value) => value is not null && EmailRegex().IsMatch(value);

    internal static FieldViolationDto Violation(string field, string description) => new() { Field = field, Description = description };

    internal static FieldViolationDto IdViolation(string field) => Violation(field, $"must match \"{IdPattern}\"");

    /// <summary>
    /// Answers 400 VALIDATION_ERROR naming every path id that is not 24 lowercase hex digits (a null id is absent);
    /// returns false, writing nothing, when all are well-formed.
    /// </summary>
    internal static async Task<bool> WriteInvalidPathIdsAsync(ApiCall call, params (string Parameter, string? Value)[] ids)
    {
        var violations = new List<FieldViolationDto>();
        var badValues = new List<string>();
        foreach ((string parameter, string? value) in ids)
        {
            if (value is not null && !IsId(value))
            {
                violations.Add(IdViolation(parameter));
                badValues.Add(value);
            }
        }

        if (violations.Count == 0)
        {
            return false;
        }

        await call.WriteErrorAsync(
            StatusCodes.Status400BadRequest,
            "VALIDATION_ERROR",
            $"Invalid path parameter: {string.Join(", ", badValues)} must be 24 lowercase hexadecimal digits.",
            badValues,
            violations);
        return true;
    }

    /// <summary>Checks a role list; returns the distinct roles in order (roles are a set: duplicates collapse).</summary>
    internal static List<string> CheckRoles(List<string?> roles, IReadOnlySet<string> known, string kind, List<FieldViolationDto> violations)
    {
        var result = new List<string>();
        if (roles.Count == 0)
        {
            violations.Add(Violation("roles", "must contain at least one role"));
            return result;
        }

        for (int i = 0; i < roles.Count; i++)
        {
            string? role = roles[i];
            if (role is null || !known.Contains(role))
            {
                violations.Add(Violation($"roles[{i}]", $"'{role ?? "null"}' is not a valid {kind} role"));
            }
            else if (!result.Contains(role))
            {
                result.Add(role);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();
}
