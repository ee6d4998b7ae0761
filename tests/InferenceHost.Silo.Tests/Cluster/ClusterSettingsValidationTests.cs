using Microsoft.Extensions.Options;
using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

public sealed class ClusterSettingsValidationTests
{
    [Fact]
    public void Create_DrainPeriodOutOfRange_ListsTheError()
    {
        var error = Assert.Throws<OptionsValidationException>(() => InferenceHostApplication.Create(["--InferenceHost:Endpoints:DrainPeriod=-00:00:01"]));

        Assert.Equal(["InferenceHost:Endpoints: DrainPeriod must be from 00:00:00 to 00:05:00 (is -00:00:01)"], error.Failures);
    }

    [Fact]
    public void Create_KubernetesWithoutRedisMembership_IsRejected()
    {
        var error = Assert.Throws<OptionsValidationException>(() => InferenceHostApplication.Create(["--InferenceHost:Cluster:Kubernetes=true"]));

        Assert.Equal(["InferenceHost:Cluster: Kubernetes hosting needs Mode Redis (membership must outlive any one pod)"], error.Failures);
    }
}
