using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime;
using SpecClient.Simulator;

namespace InviteJanitor;

/// <summary>The whole tool, callable in-process: arguments, output streams and environment come in.</summary>
public static class Janitor
{
    /// <summary>Exit code: success, or nothing to do.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: a remote call (or the simulator) failed.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit code: bad arguments or environment.</summary>
    public const int ExitUsage = 2;

    /// <summary>The environment variables the tool reads.</summary>
    public static readonly IReadOnlyList<string> EnvironmentVariables =
    [
        "MONGODB_ATLAS_PUBLIC_API_KEY", "MONGODB_ATLAS_PRIVATE_API_KEY",
        "MONGODB_ATLAS_CLIENT_ID", "MONGODB_ATLAS_CLIENT_SECRET", "MONGODB_ATLAS_BASE_URL", ReportStartupVariable,
    ];

    internal const string Usage = """
        Usage: InviteJanitor [options]

        Lists the pending invitations of every organization and project the credentials reach
        (Atlas Administration API v2 and Cloud Manager), and revokes the stale ones.
        Dry run by default: it says what it would revoke; --apply revokes.

        Atlas's invitations API is deprecated and stops working on its sunset, 2027-07-01. Its
        replacement, the users API, sees pending organization users from API version 2025-03-12
        on, but never users invited to a project through the invitations API.

        Options:
          --older-than AGE      revoke invitations older than AGE: Nd (days) or Nh (hours). Default 14d,
                                unless --user is given alone.
          --user EMAIL          revoke invitations for EMAIL (repeatable); with --older-than, either matches.
          --apply               really revoke (DELETE). Without it nothing is changed.
          --api-version DATE    Atlas API version: 2023-02-01, 2023-11-15, 2024-05-30 or 2025-03-12 (default).
          --source WHICH        atlas, cloud-manager or both (default). An invitation seen through
                                both APIs is listed once, under Atlas.
          --via WHICH           how Atlas invitations are found and revoked:
                                auto (default): organization invitations as pending users through the users
                                  API where --api-version reaches it (2025-03-12), else through the invitations
                                  API; project invitations through the invitations API while it answers. When
                                  it answers 410 VERSION_GONE (past its sunset), one line says what could not be seen.
                                users: the users API only (needs --api-version 2025-03-12).
                                invitations: the invitations API only (fails once it is gone).
                                Cloud Manager has the invitations API only.
          --today YYYY-MM-DD    embedded simulator only: run it, and the age check, as of that date
                                (e.g. 2027-07-02, past the invitations API's sunset).
          --state FILE          embedded simulator only: keep its state in FILE, so a second run sees
                                what the first one revoked (without it every run starts from the demo data).
          -h, --help            this text.

        Credentials (environment):
          MONGODB_ATLAS_PUBLIC_API_KEY + MONGODB_ATLAS_PRIVATE_API_KEY   API key (HTTP Digest), or
          MONGODB_ATLAS_CLIENT_ID + MONGODB_ATLAS_CLIENT_SECRET          service account (OAuth 2.0 Bearer).
          MONGODB_ATLAS_BASE_URL                                          default https://cloud.mongodb.com/
          None of them: the embedded Atlas simulator with its demo data is started and used.

        Exit codes:
          0  done, or nothing to do
          1  something failed (an API error, network error); each failure is one line on stderr
          2  bad arguments or environment
        """;

    /// <summary>Runs the tool; returns the exit code.</summary>
    /// <summary>Set to 1 to print, on stderr, the time from process start to the first completed call.</summary>
    public const string ReportStartupVariable = "INVITEJANITOR_REPORT_STARTUP";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, IDictionary<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(environment);

        if (!JanitorOptions.TryParse(args, out JanitorOptions? options, out string? problem))
        {
            errors.WriteLine($"InviteJanitor: {problem} (see --help)");
            return ExitUsage;
        }

        if (options.Help)
        {
            output.WriteLine(Usage);
            return ExitOk;
        }

        string? Env(string name) => environment.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        string? publicKey = Env("MONGODB_ATLAS_PUBLIC_API_KEY");
        string? privateKey = Env("MONGODB_ATLAS_PRIVATE_API_KEY");
        string? clientId = Env("MONGODB_ATLAS_CLIENT_ID");
        string? clientSecret = Env("MONGODB_ATLAS_CLIENT_SECRET");
        string? baseUrl = Env("MONGODB_ATLAS_BASE_URL");

        if ((publicKey is null) != (privateKey is null) || (clientId is null) != (clientSecret is null))
        {
            errors.WriteLine("InviteJanitor: set both MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY, or both MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET");
            return ExitUsage;
        }

        bool useSimulator = publicKey is null && clientId is null;
        if (!useSimulator && options.StateFile is not null)
        {
            errors.WriteLine("InviteJanitor: --state only applies to the embedded simulator (no MONGODB_ATLAS_* credentials)");
            return ExitUsage;
        }

        if (!useSimulator && options.Today is not null)
        {
            // The real service's date can't be moved: a run "as of" another day would revoke by the wrong ages.
            errors.WriteLine("InviteJanitor: --today only applies to the embedded simulator (no MONGODB_ATLAS_* credentials)");
            return ExitUsage;
        }

        Uri baseAddress;
        if (baseUrl is null)
        {
            baseAddress = new Uri("https://cloud.mongodb.com/");
        }
        else if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out baseAddress!) || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            errors.WriteLine($"InviteJanitor: MONGODB_ATLAS_BASE_URL is not an http(s) URL: {baseUrl}");
            return ExitUsage;
        }

        AtlasSimulator? simulator = null;
        OAuthTokenSource? tokens = null;
        try
        {
            if (useSimulator)
            {
                try
                {
                    simulator = await AtlasSimulator.StartAsync(new SimulatorOptions { StateFilePath = options.StateFile, Today = options.Today }, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or ArgumentException)
                {
                    errors.WriteLine($"InviteJanitor: cannot start the embedded simulator: {OneLine(ex.Message)}");
                    return ExitFailed;
                }

                baseAddress = simulator.BaseAddress;
                publicKey = SimulatorDemo.PublicKey;
                privateKey = SimulatorDemo.PrivateKey;
                string persisted = (options.StateFile is null ? "demo data, fresh every run" : $"demo data, state in {options.StateFile}")
                    + (options.Today is { } day ? $", today {day:yyyy-MM-dd}" : "");
                output.WriteLine($"No MONGODB_ATLAS_* credentials: using the embedded Atlas simulator at {baseAddress} ({persisted})");
            }

            // The runtime's chain: digest (API key) or OAuth (service account), retries of idempotent calls, timeouts.
            var clientOptions = new SpecClientOptions { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            if (environment.TryGetValue(ReportStartupVariable, out string? report) && report == "1")
            {
                // For the startup measurement (JIT versus Native AOT): how long from process start to the first answer.
                int reported = 0;
                clientOptions.OnResponse = _ =>
                {
                    if (Interlocked.Exchange(ref reported, 1) == 0)
                    {
                        TimeSpan sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
                        errors.WriteLine($"first call completed {sinceStart.TotalMilliseconds:F0} ms after process start");
                    }
                };
            }

            if (publicKey is not null)
            {
                // An Atlas programmatic API key is a Digest user name (the public key) and password (the private key).
                clientOptions.Digest = new DigestCredential(publicKey, privateKey);
            }
            else
            {
                clientOptions.ClientId = clientId;
                clientOptions.ClientSecret = clientSecret;
                tokens = new OAuthTokenSource(clientOptions.ToOAuthOptions());
            }

            using HttpClient http = SpecClientHttp.CreateHttpClient(clientOptions, tokens: tokens);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("InviteJanitor/1.0"); // sent as "InviteJanitor/1.0 SpecClient/<version>"

            var apis = new List<IInviteApi>();
            if (options.Source is "both" or "atlas")
            {
                apis.Add(InviteApis.Atlas(options.ApiVersion, http, baseAddress));
            }

            if (options.Source is "both" or "cloud-manager")
            {
                apis.Add(InviteApis.CloudManager(http, baseAddress));
            }

            // Ages are measured on the simulator's clock: as of --today when given, the time of day kept.
            DateTimeOffset now = simulator?.Clock.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
            var run = new JanitorRun(options, output, errors, now);
            int exitCode = await run.ExecuteAsync(apis, cancellationToken);
            if (tokens is not null)
            {
                // A short-lived tool gives its service-account token back instead of leaving it valid for an hour.
                try
                {
                    await tokens.RevokeAsync(cancellationToken);
                }
                catch (Exception ex) when (IsRemoteFailure(ex))
                {
                    errors.WriteLine($"InviteJanitor: revoking the service-account token failed: {Describe(ex)}");
                }
            }

            return exitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.WriteLine("InviteJanitor: cancelled");
            return ExitFailed;
        }
        finally
        {
            tokens?.Dispose();
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }
        }
    }

    /// <summary>One line for any failure of a remote call: status, errorCode and detail for API errors.</summary>
    internal static string Describe(Exception ex) => ex switch
    {
        ApiException api => $"HTTP {(int)api.StatusCode} {api.StatusCode}"
            + (api.ErrorCode is null ? "" : $" {api.ErrorCode}")
            + (api.Detail is null ? "" : $": {OneLine(api.Detail)}"),
        HttpRequestException http => $"network error: {OneLine(http.Message)}",
        TimeoutException timeout => OneLine(timeout.Message),
        _ => $"{ex.GetType().Name}: {OneLine(ex.Message)}",
    };

    /// <summary>What the runtime throws for a remote call (see ApiConnection): the tool reports it and goes on.</summary>
    internal static bool IsRemoteFailure(Exception ex)
        => ex is ApiException or HttpRequestException or TimeoutException;

    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

/// <summary>Command-line options.</summary>
internal sealed class JanitorOptions
{
    internal TimeSpan? OlderThan { get; private set; }

    internal List<string> Users { get; } = new();

    internal bool Apply { get; private set; }

    internal string ApiVersion { get; private set; } = "2025-03-12";

    internal string Source { get; private set; } = "both";

    internal string? StateFile { get; private set; }

    /// <summary>auto (default), users or invitations: see the usage text.</summary>
    internal string Via { get; private set; } = ViaAuto;

    internal DateOnly? Today { get; private set; }

    internal bool Help { get; private set; }

    internal const string ViaAuto = "auto";

    internal const string ViaUsers = "users";

    internal const string ViaInvitations = "invitations";

    internal static bool TryParse(string[] args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JanitorOptions? options, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        var o = new JanitorOptions();
        options = null;
        problem = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string? inline = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string? Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 < args.Length)
                {
                    return args[++i];
                }

                return null;
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    o.Help = true;
                    break;
                case "--apply":
                    o.Apply = true;
                    break;
                case "--older-than":
                {
                    string? value = Value();
                    if (!TryParseAge(value, out TimeSpan age))
                    {
                        problem = $"--older-than needs an age like 14d or 36h, not '{value}'";
                        return false;
                    }

                    o.OlderThan = age;
                    break;
                }

                case "--user":
                {
                    string? value = Value();
                    if (string.IsNullOrWhiteSpace(value) || !value.Contains('@', StringComparison.Ordinal))
                    {
                        problem = $"--user needs an email address, not '{value}'";
                        return false;
                    }

                    o.Users.Add(value.Trim());
                    break;
                }

                case "--api-version":
                {
                    string? value = Value();
                    if (value is null || !InviteApis.AtlasVersions.Contains(value))
                    {
                        problem = $"--api-version must be one of {string.Join(", ", InviteApis.AtlasVersions)}, not '{value}'";
                        return false;
                    }

                    o.ApiVersion = value;
                    break;
                }

                case "--source":
                {
                    string? value = Value();
                    if (value is not ("atlas" or "cloud-manager" or "both"))
                    {
                        problem = $"--source must be atlas, cloud-manager or both, not '{value}'";
                        return false;
                    }

                    o.Source = value;
                    break;
                }

                case "--via":
                {
                    string? value = Value();
                    if (value is not (ViaAuto or ViaUsers or ViaInvitations))
                    {
                        problem = $"--via must be auto, users or invitations, not '{value}'";
                        return false;
                    }

                    o.Via = value;
                    break;
                }

                case "--today":
                {
                    string? value = Value();
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly today))
                    {
                        problem = $"--today needs a date like 2027-07-02, not '{value}'";
                        return false;
                    }

                    o.Today = today;
                    break;
                }

                case "--state":
                {
                    string? value = Value();
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        problem = "--state needs a file name";
                        return false;
                    }

                    o.StateFile = value;
                    break;
                }

                default:
                    problem = $"unknown argument '{args[i]}'";
                    return false;
            }
        }

        if (o.Via == ViaUsers && o.Source != "cloud-manager" && o.ApiVersion != UsersApiVersion)
        {
            // Older API versions reach the users API's resource version 2023-01-01, which lists active users only.
            problem = $"--via users needs --api-version {UsersApiVersion}: at {o.ApiVersion} the users API lists active users only, not pending ones";
            return false;
        }

        if (o.OlderThan is null && o.Users.Count == 0)
        {
            o.OlderThan = TimeSpan.FromDays(14);
        }

        options = o;
        return true;
    }

    /// <summary>The bundled Atlas version whose users API (resource version 2025-02-19) sees pending users.</summary>
    internal const string UsersApiVersion = "2025-03-12";

    /// <summary><c>Nd</c> or <c>Nh</c>, N a positive whole number.</summary>
    internal static bool TryParseAge(string? text, out TimeSpan age)
    {
        age = default;
        if (text is null || text.Length < 2)
        {
            return false;
        }

        char unit = char.ToLowerInvariant(text[^1]);
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
        {
            return false;
        }

        switch (unit)
        {
            case 'd':
                age = TimeSpan.FromDays(n);
                return true;
            case 'h':
                age = TimeSpan.FromHours(n);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the invitation is to be revoked.</summary>
    internal bool Matches(PendingInvite invite, DateTimeOffset now)
        => (OlderThan is { } limit && invite.CreatedAt is { } created && now - created > limit)
            || Users.Any(u => string.Equals(u, invite.Username, StringComparison.OrdinalIgnoreCase));
}
