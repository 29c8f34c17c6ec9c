namespace SpecClient.Runtime.Tests;

public class Smoke
{
    [Xunit.Fact]
    public void Compiles() => Xunit.Assert.NotNull(typeof(SpecClient.Atlas.V20250312.AtlasClient));
}
