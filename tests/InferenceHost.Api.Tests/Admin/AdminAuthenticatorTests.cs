using InferenceHost.Api.Admin;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Tests.Admin;

public sealed class AdminAuthenticatorTests
{
    private const string Token = "the-admin-token-0123456789";

    private readonly AdminAuthenticator _authenticator = Authenticator(new AdminOptions { Token = Token, Principal = "ops" });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData(Token)]
    public void Authenticate_NoBearerToken_IsMissing(string? authorization)
    {
        Assert.Equal(AdminAccess.MissingToken, _authenticator.Authenticate(authorization));
    }

    [Theory]
    [InlineData("Bearer " + Token + "x")]
    [InlineData("Bearer the-admin-token")]
    [InlineData("Bearer THE-ADMIN-TOKEN-0123456789")]
    public void Authenticate_OtherToken_IsInvalid(string authorization)
    {
        Assert.Equal(AdminAccess.InvalidToken, _authenticator.Authenticate(authorization));
    }

    [Theory]
    [InlineData("Bearer " + Token)]
    [InlineData("bearer " + Token)]
    [InlineData("Bearer   " + Token + " ")]
    public void Authenticate_TheToken_IsGranted(string authorization)
    {
        Assert.Equal(AdminAccess.Granted, _authenticator.Authenticate(authorization));
    }

    [Fact]
    public void Principal_IsTheConfiguredOne()
    {
        Assert.Equal("ops", _authenticator.Principal);
    }

    private static AdminAuthenticator Authenticator(AdminOptions options) =>
        new(new AdminTokenProvider(Options.Create(options), NullLogger<AdminTokenProvider>.Instance), Options.Create(options), NullLogger<AdminAuthenticator>.Instance);
}
