using InferenceHost.Api.Admin;
using Microsoft.Extensions.Logging;
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
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Constructor_AnonymousReadsOn_WarnsOnceAtStart(bool anonymousReads, int warnings)
    {
        var logger = new WarningCounter();
        var options = Options.Create(new AdminOptions { Token = Token, AnonymousReads = anonymousReads });

        _ = new AdminAuthenticator(new AdminTokenProvider(options, NullLogger<AdminTokenProvider>.Instance), options, logger);

        Assert.Equal(warnings, logger.Messages.Count);
        Assert.All(logger.Messages, static m => Assert.Contains("AnonymousReads", m, StringComparison.Ordinal));
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
        return new AdminAuthenticator(new AdminTokenProvider(options, NullLogger<AdminTokenProvider>.Instance), options, NullLogger<AdminAuthenticator>.Instance);
    }

    /// <summary>Keeps the warnings logged to it.</summary>
    private sealed class WarningCounter : ILogger<AdminAuthenticator>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
