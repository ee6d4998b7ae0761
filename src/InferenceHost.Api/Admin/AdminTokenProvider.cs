using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Finds the admin token: the configured one, else the token file's, else a new random token written
/// to the token file (owner-only) for the operator and the CLI to read. The token itself is never logged.
/// </summary>
internal sealed partial class AdminTokenProvider(IOptions<AdminOptions> options, ILogger<AdminTokenProvider> logger)
{
    /// <summary>Random bytes in a generated token (256 bits; 43 base64url characters).</summary>
    public const int GeneratedTokenBytes = 32;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <exception cref="InvalidOperationException">The token file exists but is empty.</exception>
    /// <exception cref="IOException">The token file cannot be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The token file cannot be read or written.</exception>
    public string LoadToken()
    {
        var admin = options.Value;
        if (!string.IsNullOrEmpty(admin.Token))
        {
            LogConfiguredToken(logger);
            return admin.Token;
        }

        var path = Path.GetFullPath(admin.TokenFile);
        if (File.Exists(path))
        {
            return ReadExisting(path);
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(GeneratedTokenBytes));
        if (!TryPublish(path, token))
        {
            // Another silo sharing this folder wrote its token first: use that one, so both accept the same.
            return ReadExisting(path);
        }

        LogGeneratedToken(logger, path);
        return token;
    }

    private string ReadExisting(string path)
    {
        var token = File.ReadAllText(path).Trim();
        if (token.Length == 0)
        {
            throw new InvalidOperationException(
                $"The admin token file {path} is empty: delete it to have a new token generated, or set {AdminOptions.SectionName}:{nameof(AdminOptions.Token)}.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
        {
            LogTokenFileShared(logger, path);
        }

        LogTokenFromFile(logger, path);
        return token;
    }

    /// <summary>
    /// Writes the token beside its final name, owner-only from creation, then moves it into place,
    /// so no reader ever sees a partly written or world-readable token. False when the file appeared meanwhile.
    /// </summary>
    private static bool TryPublish(string path, string token)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        var draft = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var stream = new FileStream(draft, file))
            {
                stream.Write(Encoding.UTF8.GetBytes(token + "\n"));
                stream.Flush(flushToDisk: true);
            }

            // The create mode is narrowed by the umask, never widened; this states the mode outright.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(draft, OwnerOnlyFile);
            }

            File.Move(draft, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(draft);
        }
    }
}
