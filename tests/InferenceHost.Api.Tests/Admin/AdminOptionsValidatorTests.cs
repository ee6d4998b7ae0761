using InferenceHost.Api.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Tests.Admin;

public sealed class AdminOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new AdminOptionsValidator().Validate(null, new AdminOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EveryProblem_IsListedWithoutTheToken()
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { Token = "short secret", Principal = " " });

        Assert.Equal(
            [
                "InferenceHost:Admin:Token must be at least 16 characters without whitespace or control characters; leave it unset to have one generated.",
                "InferenceHost:Admin:Principal must be 1 to 64 characters without control characters.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_NoTokenAndNoTokenFile_Fails()
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { TokenFile = "" });

        Assert.Equal(["InferenceHost:Admin:TokenFile must name a file when no token is configured."], result.Failures);
    }

    [Fact]
    public async Task MapAdminApi_InvalidSection_FailsBeforeTheHostStarts()
    {
        var builder = WebApplication.CreateBuilder(["--InferenceHost:Admin:Token=short", "--urls=http://127.0.0.1:0"]);
        builder.Services.AddAdminApi(builder.Configuration);
        await using var app = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => app.MapAdminApi());

        Assert.Equal(
            ["InferenceHost:Admin:Token must be at least 16 characters without whitespace or control characters; leave it unset to have one generated."],
            error.Failures);
    }
}
