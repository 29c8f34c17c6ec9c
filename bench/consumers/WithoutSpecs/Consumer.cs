namespace Bench.Consumer;

/// <summary>Some code of the consumer's own, so the build has more to do than the generated client.</summary>
public static class Greeting
{
    /// <summary>Says hello.</summary>
    public static string Hello(string name) => "Hello, " + name + "!";
}
