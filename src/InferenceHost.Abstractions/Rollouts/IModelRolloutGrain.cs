using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Abstractions.Rollouts;

/// <summary>
/// Runs one model's rollouts (keyed by model name): evaluates the gates on a grain timer, kept
/// alive by a reminder so a rollout goes on after its silo is lost, and drives the model's router.
/// Its state (policy, the rollout in progress, past rollouts with their decisions) is persisted.
/// </summary>
[Alias("InferenceHost.IModelRolloutGrain")]
public interface IModelRolloutGrain : IGrainWithStringKey
{
    /// <summary>The model's rollout policy: the one set, else the host's default.</summary>
    [Alias("GetPolicy")]
    Task<RolloutPolicy> GetPolicy();

    /// <summary>Sets the policy future rollouts use (a running one keeps its own); audited.</summary>
    /// <exception cref="DeploymentException">The policy breaks a rule (Invalid); nothing changed.</exception>
    [Alias("SetPolicy")]
    Task<RolloutPolicy> SetPolicy(RolloutPolicy policy, string actor);

    /// <summary>
    /// Starts rolling <paramref name="candidate"/> out against the active colour's version, with the model's
    /// policy (or <paramref name="policy"/> for this rollout only): the deployment gains the shadow (or the first
    /// canary step, or the standby colour) at once.
    /// </summary>
    /// <exception cref="DeploymentException">
    /// Another rollout is running, the model has no deployment, the candidate is the baseline or not ready everywhere (Conflict/Invalid/NotFound).
    /// </exception>
    [Alias("Start")]
    Task<RolloutStatus> Start(string candidate, RolloutPolicy? policy, string actor);

    /// <summary>The running rollout, else the latest one; null if the model never had one.</summary>
    [Alias("GetStatus")]
    Task<RolloutStatus?> GetStatus();

    /// <summary>The decisions of rollout <paramref name="number"/> (the latest when null), oldest first, at most <paramref name="limit"/> newest.</summary>
    /// <exception cref="DeploymentException">No such rollout (NotFound).</exception>
    [Alias("GetHistory")]
    Task<IReadOnlyList<RolloutDecision>> GetHistory(long? number, int limit);

    /// <summary>Past and running rollouts, newest first, at most <paramref name="limit"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<RolloutStatus>> List(int limit);

    /// <summary>An operator's command to the running rollout; recorded as a decision and audited.</summary>
    /// <exception cref="DeploymentException">No rollout is running, or the command does not apply now (Conflict).</exception>
    [Alias("Control")]
    Task<RolloutStatus> Control(RolloutCommand command, string actor, string? reason);

    /// <summary>Evaluates the gates and acts now, as the timer does; for operators who do not want to wait and for tests.</summary>
    [Alias("Evaluate")]
    Task<RolloutStatus?> Evaluate();
}
