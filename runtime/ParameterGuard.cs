using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecClient.Runtime;

/// <summary>
/// Checks parameters against the spec's constraints before anything is sent, throwing an
/// <see cref="ArgumentException"/> that names the parameter. Called by generated <c>Validate()</c> methods.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterGuard
{
    /// <summary>How long one pattern may run: specs are input, and a pathological pattern must not hang a call.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Creates the regular expression for a spec <c>pattern</c> (culture-invariant, with a timeout).</summary>
    /// <param name="pattern">The pattern from the spec.</param>
    public static Regex CreatePattern(string pattern) => new(ToDotNetAnchors(pattern), RegexOptions.CultureInvariant, PatternTimeout);

    /// <summary>
    /// Spec patterns are ECMA-262, where <c>$</c> is the end of input; in .NET it also matches before a final
    /// newline, which would let <c>"id\n"</c> through. Unescaped <c>$</c> outside character classes becomes <c>\z</c>.
    /// </summary>
    internal static string ToDotNetAnchors(string pattern)
    {
        var builder = new System.Text.StringBuilder(pattern.Length + 4);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            inClass = c == '[' ? true : c == ']' ? false : inClass;
            builder.Append(c == '$' && !inClass ? "\\z" : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Throws when a required value is missing.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static void NotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"The parameter '{name}' is required.");
        }
    }

    /// <summary>Throws when a value does not match its pattern; null is not checked.</summary>
    /// <param name="value">The value.</param>
    /// <param name="pattern">The spec's pattern.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentException">The value does not match.</exception>
    public static void Pattern(string? value, Regex pattern, string name)
    {
        if (value is not null && !pattern.IsMatch(value))
        {
            // Shown as the spec wrote it: the only rewrite CreatePattern makes is $ → \z.
            string specPattern = pattern.ToString().Replace("\\z", "$", StringComparison.Ordinal);
            throw new ArgumentException($"The parameter '{name}' must match the pattern {specPattern}; '{Shorten(value)}' does not.", name);
        }
    }

    /// <summary>
    /// Throws when a value does not match a pattern that is one character class repeated (the generator recognises
    /// those, such as <c>^([a-f0-9]{24})$</c>, and checks them without a regex); null is not checked.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="allowed">The characters of the pattern's class.</param>
    /// <param name="minLength">The fewest repetitions.</param>
    /// <param name="maxLength">The most repetitions, or null for no limit.</param>
    /// <param name="pattern">The pattern as the spec gives it, for the message.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentException">The value does not match.</exception>
    public static void Pattern(string? value, System.Buffers.SearchValues<char> allowed, int minLength, int? maxLength, string pattern, string name)
    {
        if (value is not null && (value.Length < minLength || value.Length > maxLength || value.AsSpan().ContainsAnyExcept(allowed)))
        {
            throw new ArgumentException($"The parameter '{name}' must match the pattern {pattern}; '{Shorten(value)}' does not.", name);
        }
    }

    /// <summary>Throws when a value's length is outside its bounds; null is not checked.</summary>
    /// <param name="value">The value.</param>
    /// <param name="minLength">The minimum length, or null.</param>
    /// <param name="maxLength">The maximum length, or null.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentException">The length is out of bounds.</exception>
    public static void Length(string? value, int? minLength, int? maxLength, string name)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < minLength || value.Length > maxLength)
        {
            string bounds = minLength == maxLength ? $"exactly {minLength}" : $"{minLength ?? 0} to {(maxLength is int max ? max.ToString(CultureInfo.InvariantCulture) : "any")}";
            throw new ArgumentException($"The parameter '{name}' must be {bounds} characters long; '{Shorten(value)}' has {value.Length}.", name);
        }
    }

    /// <summary>Throws when a number is outside its range; null is not checked.</summary>
    /// <param name="value">The value.</param>
    /// <param name="minimum">The minimum, or null.</param>
    /// <param name="maximum">The maximum, or null.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public static void Range(long? value, decimal? minimum, decimal? maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The parameter '{name}' must be between {minimum?.ToString(CultureInfo.InvariantCulture) ?? "any"} and {maximum?.ToString(CultureInfo.InvariantCulture) ?? "any"}.");
        }
    }

    /// <summary>Throws when a number is outside its range; null is not checked.</summary>
    /// <param name="value">The value.</param>
    /// <param name="minimum">The minimum, or null.</param>
    /// <param name="maximum">The maximum, or null.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public static void Range(double? value, decimal? minimum, decimal? maximum, string name)
    {
        if (value is double number && (number < (double?)minimum || number > (double?)maximum))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The parameter '{name}' must be between {minimum?.ToString(CultureInfo.InvariantCulture) ?? "any"} and {maximum?.ToString(CultureInfo.InvariantCulture) ?? "any"}.");
        }
    }

    /// <summary>Throws when a number is outside a range with an exclusive bound (<c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>); null is not checked.</summary>
    /// <param name="value">The value.</param>
    /// <param name="minimum">The lower bound, or null.</param>
    /// <param name="exclusiveMinimum">Whether the value must be greater than <paramref name="minimum"/> rather than at least it.</param>
    /// <param name="maximum">The upper bound, or null.</param>
    /// <param name="exclusiveMaximum">Whether the value must be less than <paramref name="maximum"/> rather than at most it.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public static void Range(long? value, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, string name)
    {
        if (value is long number && !Within(number, minimum, exclusiveMinimum, maximum, exclusiveMaximum))
        {
            throw new ArgumentOutOfRangeException(name, value, RangeMessage(name, minimum, exclusiveMinimum, maximum, exclusiveMaximum));
        }
    }

    /// <summary>Throws when a number is outside a range with an exclusive bound (<c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>); null is not checked.</summary>
    /// <param name="value">The value.</param>
    /// <param name="minimum">The lower bound, or null.</param>
    /// <param name="exclusiveMinimum">Whether the value must be greater than <paramref name="minimum"/> rather than at least it.</param>
    /// <param name="maximum">The upper bound, or null.</param>
    /// <param name="exclusiveMaximum">Whether the value must be less than <paramref name="maximum"/> rather than at most it.</param>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public static void Range(double? value, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, string name)
    {
        // NaN compares false with every bound, so it is out of any range that has one.
        if (value is double number && (double.IsNaN(number) ? minimum is not null || maximum is not null : !Within(number, (double?)minimum, exclusiveMinimum, (double?)maximum, exclusiveMaximum)))
        {
            throw new ArgumentOutOfRangeException(name, value, RangeMessage(name, minimum, exclusiveMinimum, maximum, exclusiveMaximum));
        }
    }

    private static bool Within(decimal value, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum)
        => (minimum is not decimal low || (exclusiveMinimum ? value > low : value >= low))
            && (maximum is not decimal high || (exclusiveMaximum ? value < high : value <= high));

    private static bool Within(double value, double? minimum, bool exclusiveMinimum, double? maximum, bool exclusiveMaximum)
        => (minimum is not double low || (exclusiveMinimum ? value > low : value >= low))
            && (maximum is not double high || (exclusiveMaximum ? value < high : value <= high));

    private static string RangeMessage(string name, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum)
    {
        string? lower = minimum is decimal low ? (exclusiveMinimum ? "greater than " : "at least ") + low.ToString(CultureInfo.InvariantCulture) : null;
        string? upper = maximum is decimal high ? (exclusiveMaximum ? "less than " : "at most ") + high.ToString(CultureInfo.InvariantCulture) : null;
        return $"The parameter '{name}' must be {(lower is not null && upper is not null ? lower + " and " + upper : lower ?? upper ?? "any number")}.";
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
