using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace SpecClient.Runtime;

/// <summary>
/// Checks <see cref="SpecClientOptions"/> before the first request, with one message per problem that says what to set
/// (never a secret's value). Registered by <c>AddSpecClient</c> (with ValidateOnStart) and run by
/// <see cref="SpecClientHttp"/>.
/// </summary>
internal sealed class SpecClientOptionsValidator : IValidateOptions<SpecClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SpecClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> problems = FindProblems(options);
        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        string prefix = string.IsNullOrEmpty(name) ? "SpecClientOptions" : $"SpecClientOptions '{name}'";
        return ValidateOptionsResult.Fail(problems.ConvertAll(problem => $"{prefix}: {problem}"));
    }

    /// <summary>Throws when the options are invalid.</summary>
    /// <exception cref="OptionsValidationException">One or more options are invalid; <see cref="Exception.Message"/> lists them all.</exception>
    internal static void ThrowIfInvalid(SpecClientOptions options, string name)
    {
        ValidateOptionsResult result = new SpecClientOptionsValidator().Validate(name, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(name, typeof(SpecClientOptions), result.Failures);
        }
    }

    /// <summary>An endpoint path must stay under the base address: relative, without a leading slash.</summary>
    private static void AddIfNotRelativePath(List<string> problems, string name, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith('/') || !Uri.IsWellFormedUriString(path, UriKind.Relative))
        {
            problems.Add($"{name} must be a path relative to BaseAddress, such as api/oauth/token; got '{path}'.");
        }
    }

    private static List<string> FindProblems(SpecClientOptions options)
    {
        var problems = new List<string>();
        if (options.BaseAddress is null)
        {
            problems.Add("BaseAddress is required: the API server's absolute URL, such as https://cloud.mongodb.com/.");
        }
        else if (!options.BaseAddress.IsAbsoluteUri)
        {
            problems.Add($"BaseAddress must be an absolute http or https URL, such as https://cloud.mongodb.com/; '{options.BaseAddress}' is relative.");
        }
        else if (options.BaseAddress.Scheme != Uri.UriSchemeHttps && options.BaseAddress.Scheme != Uri.UriSchemeHttp)
        {
            problems.Add($"BaseAddress must use http or https; '{options.BaseAddress}' uses {options.BaseAddress.Scheme}.");
        }

        bool hasId = !string.IsNullOrWhiteSpace(options.ClientId);
        bool hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (hasId && !hasSecret)
        {
            problems.Add($"ClientSecret is missing: the service account '{options.ClientId}' needs both ClientId and ClientSecret.");
        }
        else if (!hasId && hasSecret)
        {
            problems.Add("ClientId is missing: a ClientSecret is set, but a service account needs both ClientId and ClientSecret.");
        }

        bool hasUser = !string.IsNullOrWhiteSpace(options.Digest?.UserName);
        bool hasPassword = !string.IsNullOrWhiteSpace(options.Digest?.Password);
        if (hasUser && !hasPassword)
        {
            problems.Add($"Digest.Password is missing: the Digest user name '{options.Digest!.UserName}' needs both Digest.UserName and Digest.Password.");
        }
        else if (!hasUser && hasPassword)
        {
            problems.Add("Digest.UserName is missing: a Digest.Password is set, but Digest authentication needs both Digest.UserName and Digest.Password.");
        }

        if (hasId)
        {
            AddIfNotRelativePath(problems, nameof(SpecClientOptions.OAuthTokenPath), options.OAuthTokenPath);
            AddIfNotRelativePath(problems, nameof(SpecClientOptions.OAuthRevokePath), options.OAuthRevokePath);
        }

        if ((hasId || hasSecret) && (hasUser || hasPassword))
        {
            problems.Add("set either a service account (ClientId, ClientSecret) or Digest credentials (Digest.UserName, Digest.Password), not both.");
        }

        SpecClientRetryOptions? retry = options.Retry;
        if (retry is null)
        {
            problems.Add("Retry must not be null (set MaxRetryAttempts = 0 to turn retries off).");
        }
        else
        {
            if (retry.MaxRetryAttempts is < 0 or > 10)
            {
                problems.Add($"Retry.MaxRetryAttempts must be between 0 and 10; it is {retry.MaxRetryAttempts}.");
            }

            if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > TimeSpan.FromMinutes(1))
            {
                problems.Add($"Retry.BaseDelay must be between 0 and 1 minute; it is {retry.BaseDelay}.");
            }

            if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > TimeSpan.FromHours(1))
            {
                problems.Add($"Retry.MaxDelay must be at least Retry.BaseDelay ({retry.BaseDelay}) and at most 1 hour; it is {retry.MaxDelay}.");
            }
        }

        // Polly's timeout strategy accepts 10 ms to 1 day.
        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromDays(1))
        {
            problems.Add($"AttemptTimeout must be between 10 ms and 1 day; it is {options.AttemptTimeout}.");
        }

        if (options.Timeout < TimeSpan.FromMilliseconds(10) || options.Timeout > TimeSpan.FromDays(1))
        {
            problems.Add($"Timeout must be between 10 ms and 1 day; it is {options.Timeout}.");
        }
        else if (options.Timeout < options.AttemptTimeout)
        {
            problems.Add($"Timeout ({options.Timeout}) covers all attempts and must not be shorter than AttemptTimeout ({options.AttemptTimeout}).");
        }

        if (options.MaxResponseBytes is < 1024 or > int.MaxValue)
        {
            problems.Add($"MaxResponseBytes must be between 1024 and {int.MaxValue}; it is {options.MaxResponseBytes}.");
        }

        if (options.TokenRefreshSkew < TimeSpan.Zero)
        {
            problems.Add($"TokenRefreshSkew must not be negative; it is {options.TokenRefreshSkew}.");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider must not be null (TimeProvider.System is the default).");
        }

        return problems;
    }
}
