using InferenceHost.Api.Admin;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>Which HTTP requests <see cref="AdminOptions.AnonymousReads"/> lets through without the token: reads that send no header.</summary>
public sealed class AdminAuthenticatorAnonymousReadsTests
{
    private const string Token = "the-admin-token-0123456789";

    [Fact]
    public void AnonymousReads_ByDefault_IsOff()
    {
        Assert.False(new AdminOptions().AnonymousReads);
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("GET", "")]
    [InlineData("HEAD", null)]
    [InlineData("get", null)]
    public void Authenticate_ReadWithoutHeader_IsGrantedWhenOn(string method, string? authorization)
    {
        Assert.Equal(AdminAccess.Granted, Authenticator(anonymousReads: true).Authenticate(method, authorization));
        Assert.Equal(AdminAccess.MissingToken, Authenticator(anonymousReads: false).Authenticate(method, authorization));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public void Authenticate_ChangeWithoutHeader_IsMissingEvenWhenOn(string method)
    {
        Assert.Equal(AdminAccess.MissingToken, Authenticator(anonymousReads: true).Authenticate(method, null));
    }

    [Theory]
    [InlineData("Bearer " + Token + "x", nameof(AdminAccess.InvalidToken))]
    [InlineData("Basic dXNlcjpwYXNz", nameof(AdminAccess.MissingToken))]
    [InlineData("Bearer ", nameof(AdminAccess.MissingToken))]
    [InlineData("Bearer " + Token, nameof(AdminAccess.Granted))]
    public void Authenticate_ReadWithHeader_IsJudgedOnTheHeader(string authorization, string expected)
    {
        Assert.Equal(expected, Authenticator(anonymousReads: true).Authenticate("GET", authorization).ToString());
    }

    private static AdminAuthenticator Authenticator(bool anonymousReads)
    {
        var options = Options.Create(new AdminOptions { Token = Token, AnonymousReads = anonymousReads });
        return new AdminAuthenticator(new AdminTokenProvider(options, NullLogger<AdminTokenProvider>.Instance), options);
    }
}
