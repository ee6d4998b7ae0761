using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Checks a request's <c>Authorization</c> header against the admin token. Only the token's SHA-256
/// is kept, and hashes are compared in constant time, so neither the token's bytes nor its length
/// show in response times.
/// </summary>
internal sealed class AdminAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    private readonly byte[] _tokenHash;

    public AdminAuthenticator(AdminTokenProvider tokens, IOptions<AdminOptions> options)
    {
        _tokenHash = Hash(tokens.LoadToken());
        Principal = options.Value.Principal;
    }

    /// <summary>The actor recorded for changes made with the token.</summary>
    public string Principal { get; }

    public AdminAccess Authenticate(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AdminAccess.MissingToken;
        }

        var token = authorization.AsSpan(BearerPrefix.Length).Trim();
        if (token.IsEmpty)
        {
            return AdminAccess.MissingToken;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(token), _tokenHash) ? AdminAccess.Granted : AdminAccess.InvalidToken;
    }

    private static byte[] Hash(ReadOnlySpan<char> token)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(token)];
        Encoding.UTF8.GetBytes(token, bytes);
        return SHA256.HashData(bytes);
    }
}
