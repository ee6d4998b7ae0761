using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Telemetry.Rollouts;

/// <summary>The rollout decision logic, pure: the rollout grain and the decision-quality benchmark run the same code.</summary>
public static class RolloutEngine
{
    /// <summary>Where a rollout under <paramref name="policy"/> starts: the shadow phase, or the first canary step.</summary>
    public static (RolloutPhase Phase, int Step) FirstPhase(RolloutPolicy policy) => throw new NotImplementedException();

    /// <summary>The candidate's share of users in a phase and step.</summary>
    public static int WeightOf(RolloutPolicy policy, RolloutPhase phase, int step) => throw new NotImplementedException();

    /// <summary>What to do now.</summary>
    public static RolloutVerdict Decide(RolloutPolicy policy, RolloutProgress progress, RolloutObservation observation, DateTimeOffset now) =>
        throw new NotImplementedException();
}
