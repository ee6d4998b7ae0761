using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Abstractions.Telemetry;
using Xunit;

namespace InferenceHost.Grains.Tests.Rollouts;

/// <summary>
/// The rollout grain on a real two-silo cluster, driving the real router, with telemetry fed as silos
/// would send it and evaluations asked for rather than waited on (the timer is set far off).
/// Tests share iris-mlp's router and rollout grain, so each starts from a fresh deployment of version 1.
/// </summary>
public sealed class ModelRolloutGrainTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    private const string Model = "iris-mlp";
    private const string Actor = "tester";

    private static readonly RolloutPolicy Policy = RolloutPolicyRules.Default with
    {
        Steps = [50, 100],
        StepInterval = TimeSpan.Zero,
        StepMinRequests = 0,
        EvaluationInterval = TimeSpan.FromMinutes(10),
        Gates = [new RolloutGate(GateMetric.ErrorRate, 0.05)],
    };

    private IModelRolloutGrain Rollouts => fixture.Cluster.Client.GetGrain<IModelRolloutGrain>(Model);

    private IModelRouterGrain Router => fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Model);

    [Fact]
    public async Task Start_CanaryPolicyWithShadow_MirrorsToTheCandidateAndServesNobodyWithIt()
    {
        await ResetAsync();

        var status = await Rollouts.Start("3", Policy, Actor);

        Assert.Equal((RolloutPhase.Shadow, -1, 0, "1"), (status.Phase, status.Step, status.CanaryWeight, status.Baseline));
        var table = await Router.GetRouteTable();
        Assert.Equal(new ShadowAssignment("3", 100), table.Deployment!.Shadow);
        Assert.Null(table.Deployment.Canary);
        Assert.Equal(RolloutAction.Start, Assert.Single(await Rollouts.GetHistory(null, 10)).Action);
        Assert.Contains(await Audit(), e => e.Action == "rollout-start" && e.Actor == Actor);
    }

    [Fact]
    public async Task Start_WhileOneRuns_IsAConflictAndChangesNothing()
    {
        await ResetAsync();
        await Rollouts.Start("3", Policy, Actor);
        var before = await Router.GetRouteTable();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => Rollouts.Start("2", Policy, Actor));

        Assert.Equal(DeploymentErrorKind.Conflict, error.Kind);
        Assert.Equal(before, await Router.GetRouteTable());
    }

    [Fact]
    public async Task Start_InvalidPolicy_IsRefusedWithEveryProblem()
    {
        await ResetAsync();
        var before = await Router.GetRouteTable();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => Rollouts.Start("3", Policy with { Steps = [50, 40], Alpha = 2 }, Actor));

        Assert.Equal(DeploymentErrorKind.Invalid, error.Kind);
        Assert.Contains("steps must rise strictly", error.Message, StringComparison.Ordinal);
        Assert.Contains("alpha must be above 0", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Router.GetRouteTable());
    }

    [Fact]
    public async Task Evaluate_CandidateFailingMoreOften_RollsBackAndRemovesIt()
    {
        await ResetAsync();
        await Rollouts.Start("2", Policy, Actor);
        await FeedAsync("2", candidateErrors: 400, baselineErrors: 0);

        var status = await Rollouts.Evaluate();

        Assert.Equal(RolloutPhase.RolledBack, status!.Phase);
        Assert.Equal(RolloutAction.Rollback, status.Latest.Action);
        Assert.Equal(GateOutcome.Fail, Assert.Single(status.Latest.Evidence.Gates).Outcome);
        var deployment = (await Router.GetRouteTable()).Deployment!;
        Assert.Equal((null, null, 100), (deployment.Shadow, deployment.Canary, deployment.Blue!.Weight));
        Assert.Contains(await Audit(), e => e.Action == "rollout-rollback");
    }

    [Fact]
    public async Task Evaluate_CandidateAsGoodAsTheBaseline_StepsThroughTheLadderAndIsPromoted()
    {
        await ResetAsync();
        await Rollouts.Start("3", Policy, Actor);

        var phases = new List<(RolloutPhase, int)>();
        for (var i = 0; i < 3; i++)
        {
            await FeedAsync("3", candidateErrors: 0, baselineErrors: 0);
            var status = await Rollouts.Evaluate();
            phases.Add((status!.Phase, status.CanaryWeight));
            if (i == 0)
            {
                Assert.Equal(new SlotAssignment("3", 50), (await Router.GetRouteTable()).Deployment!.Canary);
            }
        }

        Assert.Equal([(RolloutPhase.Canary, 50), (RolloutPhase.Canary, 100), (RolloutPhase.Promoted, 100)], phases);
        Assert.Equal(new Deployment(new SlotAssignment("1", 0), new SlotAssignment("3", 100), null, ServingSlot.Green, null), (await Router.GetRouteTable()).Deployment);
    }

    [Fact]
    public async Task Evaluate_DeploymentChangedByHand_PausesUntilResumedThenTakesOverAgain()
    {
        await ResetAsync();
        await Rollouts.Start("3", Policy, Actor);
        var changed = await Router.Deploy(new Deployment(new SlotAssignment("1", 100), null, null, ServingSlot.Blue, new ShadowAssignment("3", 10)), null, "someone");

        var paused = await Rollouts.Evaluate();
        var resumed = await Rollouts.Control(RolloutCommand.Resume, Actor, "checked");

        Assert.True(paused!.Paused);
        Assert.Contains($"revision {changed.Revision} by someone", paused.Latest.Reason, StringComparison.Ordinal);
        Assert.False(resumed.Paused);
        Assert.Equal(new ShadowAssignment("3", 100), (await Router.GetRouteTable()).Deployment!.Shadow);
    }

    [Fact]
    public async Task Control_PauseAbortAndTheirRefusals_AreRecordedInOrder()
    {
        await ResetAsync();
        await Rollouts.Start("3", Policy, Actor);

        await Rollouts.Control(RolloutCommand.Pause, Actor, "looking");
        var pausedTwice = await Assert.ThrowsAsync<DeploymentException>(() => Rollouts.Control(RolloutCommand.Pause, Actor, null));
        var aborted = await Rollouts.Control(RolloutCommand.Abort, Actor, null);
        var afterwards = await Assert.ThrowsAsync<DeploymentException>(() => Rollouts.Control(RolloutCommand.Resume, Actor, null));

        Assert.Equal(DeploymentErrorKind.Conflict, pausedTwice.Kind);
        Assert.Equal(DeploymentErrorKind.Conflict, afterwards.Kind);
        Assert.Equal((RolloutPhase.Aborted, false), (aborted.Phase, aborted.Paused));
        Assert.Equal(
            [RolloutAction.Start, RolloutAction.Pause, RolloutAction.Abort],
            (await Rollouts.GetHistory(aborted.Number, 10)).Select(static d => d.Action));
        Assert.Equal("paused by tester: looking", (await Rollouts.GetHistory(aborted.Number, 10))[1].Reason);
        Assert.Null((await Router.GetRouteTable()).Deployment!.Shadow);
    }

    /// <summary>Ends whatever rollout runs and deploys version 1 alone on blue.</summary>
    private async Task ResetAsync()
    {
        if (await Rollouts.GetStatus() is { IsFinished: false })
        {
            await Rollouts.Control(RolloutCommand.Abort, Actor, "next test");
        }

        await Router.Deploy(Deployment.Single("1"), null, Actor);
    }

    /// <summary>
    /// Two thousand requests to each version, as silos would report them, with the given failures. Only the failing
    /// candidate is version 2, so no test's evidence reaches into another's (the telemetry's buckets are a second wide).
    /// </summary>
    private Task FeedAsync(string candidate, long candidateErrors, long baselineErrors) =>
        fixture.Cluster.Client.GetGrain<IModelTelemetryGrain>(Model).Record(new TelemetryDelta(
            "test",
            DateTimeOffset.UtcNow,
            [
                new SlotTelemetry(candidate, "shadow", VersionAggregate.Empty with { Requests = 2000, ModelFailures = candidateErrors }),
                new SlotTelemetry("1", "blue", VersionAggregate.Empty with { Requests = 2000, ModelFailures = baselineErrors }),
            ],
            []));

    private async Task<IReadOnlyList<AuditEntry>> Audit() =>
        await fixture.Cluster.Client.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey).Recent(100, Model);
}
