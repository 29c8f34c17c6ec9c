using System.Text.Json;
using SpecClient.Atlas.V20250312;
using Xunit;

namespace SpecClient.Runtime.Tests;

/// <summary>A generated context's metadata properties answer from a per-type cache that never mixes up options.</summary>
public class GeneratedJsonTests
{
    [Fact]
    public void EachContextGetsTheMetadataOfItsOwnOptions()
    {
        AtlasClientJsonContext shared = AtlasClientJsonContext.Default;
        var own = new AtlasClientJsonContext(new JsonSerializerOptions { WriteIndented = true });

        // Alternating contexts for one type: each answer belongs to the asking context's options, every time.
        for (int i = 0; i < 3; i++)
        {
            Assert.Same(shared.Options, shared.ApiError.Options);
            Assert.Same(own.Options, own.ApiError.Options);
        }

        Assert.Same(shared.ApiError, shared.ApiError);
        Assert.Same(shared.Options.GetTypeInfo(typeof(ApiError)), shared.ApiError);
        Assert.Contains("\n", JsonSerializer.Serialize(new ApiError { Detail = "x" }, own.ApiError), System.StringComparison.Ordinal);
    }
}
