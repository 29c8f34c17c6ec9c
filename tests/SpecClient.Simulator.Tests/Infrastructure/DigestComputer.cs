using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecClient.Simulator.Tests.Infrastructure;

/// <summary>A test-side RFC 7616 digest (MD5, qop=auth), independent of the simulator's code.</summary>
internal static partial class DigestComputer
{
    public const string Realm = "MMS Public API";

    /// <summary>The exact challenge the service sends (ATLAS.md §3), nonce aside.</summary>
    public static readonly Regex ChallengePattern = ChallengeRegex();

    public static Dictionary<string, string> ParseChallenge(string header)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ParameterRegex().Matches(header))
        {
            result[match.Groups["name"].Value] = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["token"].Value;
        }

        return result;
    }

    public static string Authorization(string username, string password, string method, string uri, string nonce, int nonceCount, string cnonce = "0a4f113b", string realm = Realm)
    {
        string nc = nonceCount.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        string ha1 = Md5($"{username}:{realm}:{password}");
        string ha2 = Md5($"{method}:{uri}");
        string response = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{username}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm=MD5, response=\"{response}\", qop=auth, nc={nc}, cnonce=\"{cnonce}\"";
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("""^Digest realm="MMS Public API", domain="", nonce="[^"]+", algorithm=MD5, qop="auth", stale=(?<stale>true|false)$""")]
    private static partial Regex ChallengeRegex();

    [GeneratedRegex("""(?<name>[A-Za-z]+)=(?:"(?<quoted>[^"]*)"|(?<token>[^,\s]+))""")]
    private static partial Regex ParameterRegex();
}
