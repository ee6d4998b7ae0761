using InferenceHost.Api.Admin;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Tests.Admin;

public sealed class AdminTokenProviderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"InferenceHost.AdminToken-{Guid.NewGuid():N}");

    private string TokenFile => Path.Combine(_folder, "state", "admin-token");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void LoadToken_NoTokenAndNoFile_WritesARandomTokenReadableByTheOwnerOnly()
    {
        var token = Provider(new AdminOptions { TokenFile = TokenFile }).LoadToken();

        Assert.Equal(43, token.Length);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not base64url"));
        Assert.Equal(token, File.ReadAllText(TokenFile).Trim());
        Assert.Equal([TokenFile], Directory.GetFiles(Path.GetDirectoryName(TokenFile)!));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenFile));
        }
    }

    [Fact]
    public void LoadToken_FileWritten_IsReadBackOnTheNextStart()
    {
        var first = Provider(new AdminOptions { TokenFile = TokenFile }).LoadToken();

        var second = Provider(new AdminOptions { TokenFile = TokenFile }).LoadToken();

        Assert.Equal(first, second);
    }

    [Fact]
    public void LoadToken_EachNewFile_HasADifferentToken()
    {
        var first = Provider(new AdminOptions { TokenFile = TokenFile }).LoadToken();

        var second = Provider(new AdminOptions { TokenFile = TokenFile + "-other" }).LoadToken();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void LoadToken_TokenConfigured_UsesItAndWritesNoFile()
    {
        var token = Provider(new AdminOptions { Token = "configured-token-0123456789", TokenFile = TokenFile }).LoadToken();

        Assert.Equal("configured-token-0123456789", token);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void LoadToken_EmptyFile_FailsSayingWhatToDo()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TokenFile)!);
        File.WriteAllText(TokenFile, "\n");

        var error = Assert.Throws<InvalidOperationException>(() => Provider(new AdminOptions { TokenFile = TokenFile }).LoadToken());

        Assert.Equal(
            $"The admin token file {TokenFile} is empty: delete it to have a new token generated, or set InferenceHost:Admin:Token.",
            error.Message);
    }

    private static AdminTokenProvider Provider(AdminOptions options) =>
        new(Options.Create(options), NullLogger<AdminTokenProvider>.Instance);
}
