using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Checks a request's <c>Authorization</c> header against the admin token. Only the token's SHA-256
/// is kept, and hashes are compared in constant time, so neither the token's bytes nor its length
/// show in response times. With <see cref="AdminOptions.AnonymousReads"/>, a read that sends no
/// <c>Authorization</c> header at all is let through.
/// </summary>
internal sealed partial class AdminAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    private readonly byte[] _tokenHash;
    private readonly bool _anonymousReads;

    public AdminAuthenticator(AdminTokenProvider tokens, IOptions<AdminOptions> options, ILogger<AdminAuthenticator> logger)
    {
        _tokenHash = Hash(tokens.LoadToken());
        Principal = options.Value.Principal;
        _anonymousReads = options.Value.AnonymousReads;
        if (_anonymousReads)
        {
            // Said once at start, where whoever opened it up sees it: every reader of this port can now see everything.
            LogAnonymousReads(logger);
        }
    }

    /// <summary>The actor recorded for changes made with the token.</summary>
    public string Principal { get; }

    /// <summary>
    /// An HTTP request's access. Only the absence of the header makes a read anonymous: a header that is
    /// sent is judged as ever, so a mistyped token shows as 403 rather than passing unnoticed as a read.
    /// </summary>
    public AdminAccess Authenticate(string method, string? authorization) =>
        _anonymousReads && string.IsNullOrEmpty(authorization) && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            ? AdminAccess.Granted
            : Authenticate(authorization);

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
