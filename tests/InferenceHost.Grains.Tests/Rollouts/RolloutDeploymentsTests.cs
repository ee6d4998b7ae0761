using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Grains.Rollouts;
using Xunit;

namespace InferenceHost.Grains.Tests.Rollouts;

public sealed class RolloutDeploymentsTests
{
    private static readonly Deployment BlueOne = new(new SlotAssignment("1", 100), new SlotAssignment("2", 0), null, ServingSlot.Blue, null);
    private static readonly RolloutPolicy Canary = RolloutPolicyRules.Default;
    private static readonly RolloutPolicy BlueGreen = RolloutPolicyRules.Default with { Mode = RolloutMode.BlueGreen, ShadowPercent = 50 };

    [Fact]
    public void For_CanaryShadowPhase_MirrorsWithoutServing()
    {
        var deployment = RolloutDeployments.For(BlueOne, "3", Canary, RolloutPhase.Shadow, 0);

        Assert.Equal(BlueOne with { Shadow = new ShadowAssignment("3", 100) }, deployment);
        Assert.Empty(DeploymentRules.Check(deployment));
    }

    [Fact]
    public void For_CanaryStep_TakesTheWeightFromTheActiveColourAndStopsMirroring()
    {
        var shadowing = BlueOne with { Shadow = new ShadowAssignment("3", 100) };

        var deployment = RolloutDeployments.For(shadowing, "3", Canary, RolloutPhase.Canary, 25);

        Assert.Equal(BlueOne with { Blue = new SlotAssignment("1", 75), Canary = new SlotAssignment("3", 25) }, deployment);
    }

    [Fact]
    public void For_Promoted_MakesTheCandidateTheActiveColourAndKeepsTheOldOneAtZero()
    {
        var serving = BlueOne with { Blue = new SlotAssignment("1", 50), Canary = new SlotAssignment("3", 50) };

        var deployment = RolloutDeployments.For(serving, "3", Canary, RolloutPhase.Promoted, 100);

        Assert.Equal(new Deployment(new SlotAssignment("1", 0), new SlotAssignment("3", 100), null, ServingSlot.Green, null), deployment);
    }

    [Theory]
    [InlineData(RolloutPhase.RolledBack)]
    [InlineData(RolloutPhase.Aborted)]
    public void For_RolledBackOrAborted_ServesTheBaselineAlone(RolloutPhase phase)
    {
        var serving = BlueOne with { Blue = new SlotAssignment("1", 90), Canary = new SlotAssignment("3", 10), Shadow = new ShadowAssignment("3", 100) };

        Assert.Equal(BlueOne, RolloutDeployments.For(serving, "3", Canary, phase, 0));
    }

    [Fact]
    public void For_BlueGreen_WaitsOnStandbyWithMirroringThenSwitches()
    {
        var waiting = RolloutDeployments.For(BlueOne, "3", BlueGreen, RolloutPhase.Shadow, 0);
        var promoted = RolloutDeployments.For(waiting, "3", BlueGreen, RolloutPhase.Promoted, 100);

        Assert.Equal(BlueOne with { Green = new SlotAssignment("3", 0), Shadow = new ShadowAssignment("3", 50) }, waiting);
        Assert.Equal(new Deployment(new SlotAssignment("1", 0), new SlotAssignment("3", 100), null, ServingSlot.Green, null), promoted);
    }

    [Fact]
    public void Baseline_DeploymentBusyWithACanary_IsAConflict()
    {
        var busy = BlueOne with { Blue = new SlotAssignment("1", 90), Canary = new SlotAssignment("2", 10) };

        var error = Assert.Throws<DeploymentException>(() => RolloutDeployments.Baseline("m", busy, "3"));

        Assert.Equal(DeploymentErrorKind.Conflict, error.Kind);
        Assert.Equal("model 'm' already has a canary (version '2', 10%); remove it before a rollout", error.Message);
    }

    [Fact]
    public void Baseline_CandidateIsActive_IsAConflict()
    {
        Assert.Equal(DeploymentErrorKind.Conflict, Assert.Throws<DeploymentException>(() => RolloutDeployments.Baseline("m", BlueOne, "1")).Kind);
        Assert.Equal("1", RolloutDeployments.Baseline("m", BlueOne, "3"));
    }
}
