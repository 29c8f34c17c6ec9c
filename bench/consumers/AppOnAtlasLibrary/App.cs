namespace Bench.App;

/// <summary>The application's own code, edited between timed builds; it uses the client from the library.</summary>
public static class App
{
    /// <summary>Creates the client the library holds.</summary>
    public static Bench.Atlas.AtlasAdminClient Client(System.Net.Http.HttpClient http) => new(http);
}
