namespace InferenceHost.Abstractions.Rollouts;

/// <summary>What a gate compares between the candidate and the baseline; each reads its threshold its own way.</summary>
public enum GateMetric
{
    /// <summary>Error rate (model failures and timeouts) increase, absolute: 0.01 tolerates one percentage point.</summary>
    ErrorRate,

    /// <summary>Median latency ratio candidate ÷ baseline: 1.2 tolerates 20% slower.</summary>
    LatencyP50,

    /// <summary>95th percentile latency ratio candidate ÷ baseline.</summary>
    LatencyP95,

    /// <summary>99th percentile latency ratio candidate ÷ baseline.</summary>
    LatencyP99,

    /// <summary>Increase in the share of responses holding NaN or ±Infinity, absolute.</summary>
    InvalidOutputs,

    /// <summary>Largest shift of any predicted class's (or value bucket's) share, absolute: 0.05 tolerates five points. PSI and KS are reported beside it.</summary>
    Drift,

    /// <summary>Lowest tolerated top-1 agreement with the baseline on the same (mirrored) requests: 0.95.</summary>
    Agreement,

    /// <summary>Accuracy drop from ground-truth feedback, absolute: 0.02 tolerates two points.</summary>
    Accuracy,
}
