using InferenceHost.Api.Admin;

namespace InferenceHost.Api.Tests.Admin.Versions;

public sealed class AdminUploadLimitTests
{
    [Fact]
    public void Defaults_AllowUploadsOf512MiB()
    {
        Assert.Equal(512L * 1024 * 1024, new AdminOptions().MaxUploadBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_UploadLimitBelowOneByte_Fails(long limit)
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { MaxUploadBytes = limit });

        Assert.Equal([$"InferenceHost:Admin:MaxUploadBytes must be 1 or more, not {limit}."], result.Failures);
    }
}
