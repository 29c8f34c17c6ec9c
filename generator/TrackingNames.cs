namespace SpecClient.Generator;

/// <summary>Names of the pipeline steps, so tests can assert which steps ran and which were cached.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Parse = nameof(Parse);
    public const string Model = nameof(Model);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Identities = nameof(Identities);
}
