using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Publishing;
using InferenceHost.Telemetry.Rollouts;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Rollouts;

/// <summary>
/// Runs one model's rollouts. The gates are evaluated on a grain timer; a reminder re-activates
/// the grain (and so the timer) wherever it lands after its silo is lost, and the persisted state
/// lets the rollout go on from its step. Every action goes through the model's router, so the
/// deployment rules, persistence, push to silos and audit are the router's as for any operator change.
/// </summary>
public sealed partial class ModelRolloutGrain : Grain, IModelRolloutGrain, IRemindable
{
    /// <summary>The actor the policy's own decisions are recorded under.</summary>
    public const string PolicyActor = "rollout";

    private const string ReminderName = "rollout";
    private static readonly TimeSpan WaitWriteInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly IPersistentState<RolloutState> _state;
    private readonly IModelDirectory _directory;
    private readonly TimeProvider _time;
    private readonly RolloutBoard _board;
    private readonly ILogger<ModelRolloutGrain> _logger;
    private IGrainTimer? _timer;
    private DateTimeOffset _lastWrite;
    private bool _unwritten;

    public ModelRolloutGrain(
        [PersistentState("rollout", GrainStorage.Name)] IPersistentState<RolloutState> state,
        IModelDirectory directory,
        TimeProvider time,
        RolloutBoard board,
        ILogger<ModelRolloutGrain> logger)
    {
        _state = state;
        _directory = directory;
        _time = time;
        _board = board;
        _logger = logger;
    }

    private string Model => this.GetPrimaryKeyString();

    private RolloutRecord? Latest => _state.State.Rollouts.Count > 0 ? _state.State.Rollouts[^1] : null;

    private RolloutRecord? Running => Latest is { Status.IsFinished: false } running ? running : null;

    private IModelRouterGrain Router => GrainFactory.GetGrain<IModelRouterGrain>(Model);

    private IModelTelemetryGrain Telemetry => GrainFactory.GetGrain<IModelTelemetryGrain>(Model);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Running is { } running)
        {
            StartTimer(running.Status.Policy);
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits not yet written are written as the grain leaves (a silo stopping, or moving the grain).</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unwritten)
        {
            await _state.WriteStateAsync(cancellationToken);
            _unwritten = false;
        }
    }

    public Task<RolloutPolicy> GetPolicy() => Task.FromResult(_state.State.Policy ?? RolloutPolicyRules.Default);

    public async Task<RolloutPolicy> SetPolicy(RolloutPolicy policy, string actor)
    {
        Validate(policy);
        policy = Storable(policy);
        var before = _state.State.Policy;
        _state.State.Policy = policy;
        await WriteOrRestoreAsync(() => _state.State.Policy = before);
        await AuditAsync(actor, "rollout-policy", RolloutText.Describe(before ?? RolloutPolicyRules.Default), RolloutText.Describe(policy));
        return policy;
    }

    public Task<RolloutStatus?> GetStatus() => Task.FromResult(Latest?.Status);

    public Task<IReadOnlyList<RolloutStatus>> List(int limit) =>
        Task.FromResult<IReadOnlyList<RolloutStatus>>([.. _state.State.Rollouts.AsEnumerable().Reverse().Take(limit).Select(static r => r.Status)]);

    public Task<IReadOnlyList<RolloutDecision>> GetHistory(long? number, int limit)
    {
        var record = number is { } wanted ? _state.State.Rollouts.Find(r => r.Status.Number == wanted) : Latest;
        if (record is null)
        {
            throw new DeploymentException(
                DeploymentErrorKind.NotFound,
                number is { } n ? $"model '{Model}' has no rollout {n} (kept: the latest {RolloutState.HistoryLimit})" : $"model '{Model}' never had a rollout");
        }

        return Task.FromResult<IReadOnlyList<RolloutDecision>>([.. record.Decisions.Skip(Math.Max(0, record.Decisions.Count - limit))]);
    }

    public async Task<RolloutStatus> Start(string candidate, RolloutPolicy? policy, string actor)
    {
        if (Running is { } running)
        {
            throw new DeploymentException(
                DeploymentErrorKind.Conflict,
                $"model '{Model}' is already rolling out version '{running.Status.Candidate}' (rollout {running.Status.Number}); abort it first");
        }

        var chosen = Storable(policy ?? _state.State.Policy ?? RolloutPolicyRules.Default);
        Validate(chosen);
        var table = await Router.GetRouteTable();
        var current = table.Deployment ?? Deployment.Single(DefaultVersion());
        var baseline = RolloutDeployments.Baseline(Model, current, candidate);
        var (phase, step) = RolloutEngine.FirstPhase(chosen);
        var weight = RolloutEngine.WeightOf(chosen, phase, step);

        // The router validates the candidate (ready on every silo) and refuses a changed revision: nothing is kept unless it accepts.
        var applied = await Router.Deploy(RolloutDeployments.For(current, candidate, chosen, phase, weight), table.Revision, $"{PolicyActor} (started by {actor})");
        var now = _time.GetUtcNow();
        var number = _state.State.NextNumber;
        var reason = phase == RolloutPhase.Shadow
            ? $"mirroring {chosen.ShadowPercent}% of requests to version '{candidate}' before it serves anyone"
            : $"version '{candidate}' serves {weight}% of requests";
        var start = new RolloutDecision(1, now, RolloutAction.Start, actor, phase, weight, reason, RolloutEvidence.None);
        var status = new RolloutStatus(Model, number, candidate, baseline, phase, step, weight, false, now, now, null, actor, chosen, start);
        _state.State.Rollouts.Add(new RolloutRecord(status, new List<RolloutDecision> { start }, applied.Revision, now));
        if (_state.State.Rollouts.Count > RolloutState.HistoryLimit)
        {
            _state.State.Rollouts.RemoveAt(0);
        }

        _state.State.NextNumber = number + 1;
        await _state.WriteStateAsync();
        _board.Publish(status);
        await AuditAsync(actor, "rollout-start", $"version '{baseline}' active", RolloutText.Describe(status, reason));
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        StartTimer(chosen);
        return status;
    }

    public Task<RolloutStatus?> Evaluate() => EvaluateRunningAsync();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Being called is the point: the activation (re)starts the timer of a running rollout.
        if (Running is null && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartTimer(RolloutPolicy policy)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(
            static (grain, _) => grain.EvaluateRunningAsync(),
            this,
            new GrainTimerCreationOptions(policy.EvaluationInterval, policy.EvaluationInterval) { KeepAlive = true });
    }

    private async Task FinishAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private string DefaultVersion() =>
        _directory.ReadyVersions(Model) is { Count: > 0 } ready
            ? ready[^1]
            : throw new DeploymentException(DeploymentErrorKind.NotFound, $"unknown model '{Model}' (or none of its versions is ready)");

    /// <summary>
    /// The policy with its gates in a plain array: JSON grain storage (Redis) records each collection's runtime type,
    /// and a compiler-made one (what a collection expression builds for a read-only list) cannot be read back.
    /// </summary>
    private static RolloutPolicy Storable(RolloutPolicy policy) => policy with { Gates = policy.Gates?.ToArray()! };

    private static void Validate(RolloutPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = RolloutPolicyRules.Check(policy);
        if (problems.Count > 0)
        {
            throw new DeploymentException(DeploymentErrorKind.Invalid, $"invalid rollout policy: {string.Join("; ", problems)}");
        }
    }

    private async Task WriteOrRestoreAsync(Action restore)
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            restore();
            throw;
        }
    }

    private async Task AuditAsync(string actor, string action, string before, string after) =>
        await GrainFactory.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey)
            .Append(new AuditEntry(0, _time.GetUtcNow(), actor, action, Model, before, after));
}
