namespace SpecClient.Runtime;

/// <summary>
/// A user name and password for HTTP Digest authentication (RFC 7616), as <see cref="SpecClientOptions.Digest"/>.
/// For MongoDB Atlas and Cloud Manager: the programmatic API key's public key is the user name, its private key the
/// password. Bindable from configuration (<c>Digest:UserName</c>, <c>Digest:Password</c>). <see cref="ToString"/>
/// never shows the password.
/// </summary>
public sealed class DigestCredential
{
    /// <summary>Creates an empty credential, to fill in or bind from configuration.</summary>
    public DigestCredential()
    {
    }

    /// <summary>Creates a credential.</summary>
    /// <param name="userName">The user name (for Atlas and Cloud Manager, the API key's public key).</param>
    /// <param name="password">The password (for Atlas and Cloud Manager, the API key's private key).</param>
    public DigestCredential(string? userName, string? password)
    {
        UserName = userName;
        Password = password;
    }

    /// <summary>The user name; not a secret: it may appear in validation messages. Set with <see cref="Password"/>.</summary>
    public string? UserName { get; set; }

    /// <summary>The password; never logged or shown. Set with <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <inheritdoc/>
    public override string ToString()
        => $"{{ UserName = {UserName ?? "(none)"}, Password = {(Password is null ? "(none)" : "[redacted]")} }}";
}
