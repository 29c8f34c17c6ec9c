using System;
using Microsoft.AspNetCore.Http;

namespace SpecClient.Simulator.Http;

/// <summary>The <c>envelope</c> and <c>pretty</c> query flags (ATLAS.md §6).</summary>
internal readonly record struct ResponseFormat(bool Envelope, bool Pretty)
{
    /// <summary>Any value other than <c>true</c> (case-insensitive) counts as false.</summary>
    internal static ResponseFormat FromQuery(IQueryCollection query)
        => new(IsTrue(query["envelope"].ToString()), IsTrue(query["pretty"].ToString()));

    private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
