using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Management.Protocol;
using InferenceHost.Api.Tests.Admin.Rollouts;

namespace InferenceHost.Api.Tests.Management.Rollouts;

/// <summary>The gRPC CompareVersions RPC on the real host, beside the REST endpoint it mirrors.</summary>
[Collection(RolloutsHostCollection.Name)]
public sealed class CompareVersionsServiceTests(RolloutsHostFixture host)
{
    private ManagementClient Management { get; } = new(host, RolloutsHostFixture.Token);

    private ModelManagement.ModelManagementClient Stub => Management.Stub;

    [Fact]
    public async Task CompareVersions_DefaultWindow_AnswersEveryGateOnceWithAThreshold()
    {
        var comparison = await Stub.CompareVersionsAsync(
            new CompareVersionsRequest { Model = "iris-mlp", Candidate = "3", Baseline = "1" }, Management.Headers);

        Assert.Equal(("iris-mlp", "3", "1", TimeSpan.FromMinutes(5)), (
            comparison.Model, comparison.Candidate, comparison.Baseline, comparison.Window.ToTimeSpan()));
        Assert.NotNull(comparison.From);
        Assert.NotNull(comparison.To);
        Assert.True(comparison.CandidateRequests >= 0 && comparison.BaselineRequests >= 0);
        Assert.Equal(System.Enum.GetValues<GateMetric>().Where(m => m != GateMetric.Unspecified), comparison.Gates.Select(g => g.Metric));
        Assert.All(comparison.Gates, gate => Assert.True(gate.Threshold > 0, $"{gate.Metric} has no threshold"));
        Assert.All(comparison.Gates, gate => Assert.NotEqual(GateOutcome.Unspecified, gate.Outcome));
    }

    [Fact]
    public async Task CompareVersions_SameVersionOrBadWindow_IsInvalidArgument()
    {
        await ManagementClient.RefusedAsync(
            async () => await Stub.CompareVersionsAsync(
                new CompareVersionsRequest { Model = "iris-mlp", Candidate = "2", Baseline = "2" }, Management.Headers),
            StatusCode.InvalidArgument,
            "compare two different versions, not '2' with itself");
        await ManagementClient.RefusedAsync(
            async () => await Stub.CompareVersionsAsync(
                new CompareVersionsRequest { Model = "iris-mlp", Candidate = "2", Baseline = "1", Window = Duration.FromTimeSpan(TimeSpan.FromDays(2)) },
                Management.Headers),
            StatusCode.InvalidArgument,
            "the window must be from 1 second to 24 hours, not 2.00:00:00");
    }

    [Fact]
    public async Task CompareVersions_UnknownModel_IsNotFound()
    {
        await ManagementClient.RefusedAsync(
            async () => await Stub.CompareVersionsAsync(
                new CompareVersionsRequest { Model = "no-such-model", Candidate = "2", Baseline = "1" }, Management.Headers),
            StatusCode.NotFound,
            "unknown model 'no-such-model'");
    }

    [Fact]
    public async Task CompareVersions_MissingToken_IsUnauthenticated()
    {
        var anonymous = new ManagementClient(host, token: null);

        await ManagementClient.RefusedAsync(
            async () => await anonymous.Stub.CompareVersionsAsync(
                new CompareVersionsRequest { Model = "iris-mlp", Candidate = "2", Baseline = "1" }, anonymous.Headers),
            StatusCode.Unauthenticated,
            AdminGuard.MissingTokenMessage);
    }
}
