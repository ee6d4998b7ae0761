using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Tests;

public sealed class InferenceApiOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new InferenceApiOptionsValidator().Validate(null, new InferenceApiOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EveryProblem_IsListed()
    {
        var result = new InferenceApiOptionsValidator().Validate(null, new InferenceApiOptions { MaxRequestBodyBytes = 10, ServerName = " " });

        Assert.Equal(
            [
                "InferenceHost:Api:MaxRequestBodyBytes is 10; it must be from 1024 to 1073741824 bytes.",
                "InferenceHost:Api:ServerName must not be empty.",
            ],
            result.Failures);
    }

    [Fact]
    public async Task AddInferenceApi_InvalidSection_FailsAtStartListingTheProblem()
    {
        var builder = WebApplication.CreateBuilder(["--InferenceHost:Api:MaxRequestBodyBytes=0", "--urls=http://127.0.0.1:0"]);

        // The API's telemetry flusher talks to grains: a cluster client is there to be resolved, never reached.
        builder.UseOrleansClient(static client => client.UseLocalhostClustering());
        builder.Services.AddInferenceApi(builder.Configuration);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Equal(["InferenceHost:Api:MaxRequestBodyBytes is 0; it must be from 1024 to 1073741824 bytes."], error.Failures);
    }
}
