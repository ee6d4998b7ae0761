using System.Globalization;
using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Grains.Rollouts;

/// <summary>Rollouts and policies in the words the audit log keeps.</summary>
internal static class RolloutText
{
    public static string Phase(RolloutPhase phase) => phase switch
    {
        RolloutPhase.Shadow => "shadow",
        RolloutPhase.Canary => "canary",
        RolloutPhase.Promoted => "promoted",
        RolloutPhase.RolledBack => "rolled back",
        RolloutPhase.Aborted => "aborted",
        _ => phase.ToString(),
    };

    /// <summary>Where a rollout stands, e.g. <c>rollout 2 of version '3' against '1': canary, 25% of users</c>.</summary>
    public static string Describe(RolloutStatus status) => string.Create(
        CultureInfo.InvariantCulture,
        $"rollout {status.Number} of version '{status.Candidate}' against '{status.Baseline}': {Phase(status.Phase)}{(status.Paused ? " (paused)" : string.Empty)}, {status.CanaryWeight}% of users");

    /// <summary>Where a rollout stands after a decision, and why it got there.</summary>
    public static string Describe(RolloutStatus status, string reason) => $"{Describe(status)}; {reason}";

    public static string Describe(RolloutPolicy policy) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(policy.Mode == RolloutMode.Canary ? "canary" : "blue/green")}, shadow {policy.ShadowPercent}%, steps {string.Join("/", policy.Steps)}, " +
        $"each {policy.StepInterval} and {policy.StepMinRequests} requests, alpha {policy.Alpha}, beta {policy.Beta}, " +
        $"gates {string.Join(", ", policy.Gates.Select(static g => $"{g.Metric} {g.Threshold}"))}");
}
