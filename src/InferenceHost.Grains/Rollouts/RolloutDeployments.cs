using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Grains.Rollouts;

/// <summary>
/// The deployment each rollout phase serves, made from the deployment it starts from: the rollout
/// only ever touches the candidate's slot, the shadow and the active colour's weight.
/// </summary>
internal static class RolloutDeployments
{
    /// <summary>Checks that a rollout of <paramref name="candidate"/> can start on <paramref name="current"/>; returns the baseline version.</summary>
    /// <exception cref="DeploymentException">The deployment is busy with something the rollout would overwrite (Conflict).</exception>
    public static string Baseline(string model, Deployment current, string candidate)
    {
        var baseline = current[current.Active]!.Version;
        if (string.Equals(baseline, candidate, StringComparison.Ordinal))
        {
            throw Conflict($"version '{candidate}' of model '{model}' already serves as the active colour {SlotNames.Of(current.Active)}");
        }

        if (current.Canary is { } canary)
        {
            throw Conflict($"model '{model}' already has a canary (version '{canary.Version}', {canary.Weight}%); remove it before a rollout");
        }

        if (current.Shadow is { } shadow && !string.Equals(shadow.Version, candidate, StringComparison.Ordinal))
        {
            throw Conflict($"model '{model}' already mirrors to version '{shadow.Version}'; remove the shadow before a rollout");
        }

        if (current[current.Standby] is { Weight: > 0 } standby)
        {
            throw Conflict(
                $"model '{model}' splits traffic between its colours ({SlotNames.Of(current.Standby)} has {standby.Weight}%); put it all on one colour before a rollout");
        }

        return baseline;
    }

    /// <summary>The deployment for <paramref name="phase"/> with the candidate at <paramref name="canaryWeight"/>.</summary>
    public static Deployment For(Deployment current, string candidate, RolloutPolicy policy, RolloutPhase phase, int canaryWeight)
    {
        var mirror = policy.ShadowPercent > 0 ? new ShadowAssignment(candidate, policy.ShadowPercent) : null;
        var withoutCandidateShadow = ShadowWithout(current, candidate);
        return (policy.Mode, phase) switch
        {
            (_, RolloutPhase.Promoted) => Promoted(current, candidate),
            (RolloutMode.BlueGreen, RolloutPhase.Shadow) => WithStandby(current, candidate) with { Shadow = mirror },
            (RolloutMode.Canary, RolloutPhase.Shadow) => WithCanary(current, null) with { Shadow = mirror },
            (RolloutMode.Canary, RolloutPhase.Canary) => WithCanary(current, new SlotAssignment(candidate, canaryWeight)) with { Shadow = withoutCandidateShadow },
            _ => WithCanary(current, null) with { Shadow = withoutCandidateShadow },
        };
    }

    /// <summary>The candidate becomes the active colour with every user the colours had; the old active colour stays, at 0, for an instant switch back.</summary>
    private static Deployment Promoted(Deployment current, string candidate)
    {
        var active = current[current.Active]!;
        var next = current.Standby;
        var promoted = current with { Canary = null, Shadow = ShadowWithout(current, candidate), Active = next };
        return next == ServingSlot.Blue
            ? promoted with { Blue = new SlotAssignment(candidate, 100), Green = active with { Weight = 0 } }
            : promoted with { Green = new SlotAssignment(candidate, 100), Blue = active with { Weight = 0 } };
    }

    private static Deployment WithStandby(Deployment current, string candidate)
    {
        var waiting = new SlotAssignment(candidate, 0);
        var deployment = current.Standby == ServingSlot.Blue ? current with { Blue = waiting } : current with { Green = waiting };
        return WithCanary(deployment, null);
    }

    /// <summary>The active colour takes whatever the canary and the standby colour leave.</summary>
    private static Deployment WithCanary(Deployment current, SlotAssignment? canary)
    {
        var standbyWeight = current[current.Standby]?.Weight ?? 0;
        var active = current[current.Active]! with { Weight = 100 - standbyWeight - (canary?.Weight ?? 0) };
        var deployment = current with { Canary = canary };
        return current.Active == ServingSlot.Blue ? deployment with { Blue = active } : deployment with { Green = active };
    }

    /// <summary>The deployment's shadow, unless it mirrors to the candidate (an operator's shadow of another version stays).</summary>
    private static ShadowAssignment? ShadowWithout(Deployment current, string candidate) =>
        current.Shadow is { } shadow && shadow.Version == candidate ? null : current.Shadow;

    private static DeploymentException Conflict(string message) => new(DeploymentErrorKind.Conflict, message);
}
