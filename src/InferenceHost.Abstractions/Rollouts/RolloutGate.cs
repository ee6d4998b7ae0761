namespace InferenceHost.Abstractions.Rollouts;

/// <summary>One comparison a candidate must pass; see <see cref="GateMetric"/> for how each threshold reads.</summary>
[GenerateSerializer, Immutable, Alias("InferenceHost.RolloutGate")]
public sealed record RolloutGate(
    [property: Id(0)] GateMetric Metric,
    [property: Id(1)] double Threshold);
