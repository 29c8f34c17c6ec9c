using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Simulator;

/// <summary>
/// Standalone host: <c>dotnet run --project simulator -- [--port N] [--state FILE] [--seed FILE] [--rate-limit CAP/REFILL] [--today YYYY-MM-DD]</c>.
/// Prints the base address and the credentials, logs one line per request, runs until Ctrl+C.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: SpecClient.Simulator [--port N] [--state FILE] [--seed FILE] [--rate-limit CAP/REFILL] [--today YYYY-MM-DD]

          --port N               TCP port on 127.0.0.1 (default 8080; 0 = any free port)
          --state FILE           load state from FILE if it exists, persist every change to it
          --seed FILE            initial state (JSON, SimulatorSeed format) when no state file exists;
                                 default: the built-in demo state
          --rate-limit CAP/REFILL  token bucket per credential: CAP requests, REFILL tokens per second
          --today YYYY-MM-DD     run as of that date (real time of day): demo state relative to it,
                                 sunset resource versions answer 410 VERSION_GONE from their sunset on
        """;

    private static async Task<int> Main(string[] args)
    {
        var options = new SimulatorOptions { Port = 8080, Log = line => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}") };
        try
        {
            if (!TryParse(args, options))
            {
                Console.WriteLine(Usage);
                return 0;
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        AtlasSimulator simulator;
        try
        {
            simulator = await AtlasSimulator.StartAsync(options);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        await using (simulator)
        {
            PrintBanner(simulator, options);
            await stop.Task;
            Console.WriteLine("Stopping.");
        }

        return 0;
    }

    private static bool TryParse(string[] args, SimulatorOptions options)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port":
                    options.Port = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--state":
                    options.StateFilePath = Value();
                    break;
                case "--seed":
                    options.Seed = SimulatorSeed.Load(Value());
                    break;
                case "--rate-limit":
                    string[] parts = Value().Split('/');
                    if (parts.Length != 2)
                    {
                        throw new FormatException("--rate-limit expects CAP/REFILL, e.g. 100/10.");
                    }

                    options.RateLimit = new RateLimitOptions
                    {
                        Capacity = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture),
                        RefillPerSecond = double.Parse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                    };
                    break;
                case "--today":
                    options.Today = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case "-h" or "--help":
                    return false;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        return true;
    }

    private static void PrintBanner(AtlasSimulator simulator, SimulatorOptions options)
    {
        SimulatorSeed state = simulator.State.Snapshot();
        Console.WriteLine($"Atlas simulator listening on {simulator.BaseAddress}");
        Console.WriteLine($"  Atlas v2:          {simulator.BaseAddress}api/atlas/v2/orgs/{{orgId}}/invites  (Accept: application/vnd.atlas.2023-01-01+json)");
        Console.WriteLine($"  Atlas users API:   {simulator.BaseAddress}api/atlas/v2/orgs/{{orgId}}/users     (Accept: application/vnd.atlas.2025-02-19+json or later for pending users)");
        Console.WriteLine($"  Cloud Manager:     {simulator.BaseAddress}api/public/v1.0/groups/{{groupId}}/invites");
        Console.WriteLine($"  OAuth token URL:   {simulator.BaseAddress}api/oauth/token");
        Console.WriteLine($"  State file:        {simulator.State.StateFilePath ?? "(none, in memory)"}");
        Console.WriteLine($"  Today:             {simulator.Clock.GetUtcNow():yyyy-MM-dd}{(options.Today is null ? "" : " (--today; sunsets enforced)")}");
        Console.WriteLine($"  Rate limit:        {(options.RateLimit is { } r ? $"{r.Capacity} requests, {r.RefillPerSecond.ToString(CultureInfo.InvariantCulture)}/s per credential" : "off")}");
        Console.WriteLine("API keys (HTTP Digest: --user PUBLIC:PRIVATE --digest):");
        foreach (SeedApiKey key in state.ApiKeys)
        {
            Console.WriteLine($"  {key.PublicKey} / {key.PrivateKey}  {key.Description}");
        }

        Console.WriteLine("Service accounts (OAuth client credentials):");
        foreach (SeedServiceAccount account in state.ServiceAccounts)
        {
            Console.WriteLine($"  {account.ClientId} / {account.ClientSecret}  {account.Name}");
        }

        Console.WriteLine("Organizations and projects:");
        foreach (SeedOrganization org in state.Organizations)
        {
            Console.WriteLine($"  org {org.OrgId}  {org.Name}");
            foreach (SeedProject project in state.Projects)
            {
                if (project.OrgId == org.OrgId)
                {
                    Console.WriteLine($"    project {project.GroupId}  {project.Name}");
                }
            }
        }

        if (state.ApiKeys.Count > 0 && state.Organizations.Count > 0)
        {
            SeedApiKey key = state.ApiKeys[0];
            Console.WriteLine($"Example: curl --digest --user {key.PublicKey}:{key.PrivateKey} -H 'Accept: application/vnd.atlas.2025-03-12+json' {simulator.BaseAddress}api/atlas/v2/orgs/{state.Organizations[0].OrgId}/invites");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
