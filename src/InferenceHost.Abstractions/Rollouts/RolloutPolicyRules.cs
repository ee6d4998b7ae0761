namespace InferenceHost.Abstractions.Rollouts;

/// <summary>The rules every rollout policy obeys, checked before it is stored or used; every broken rule is listed.</summary>
public static class RolloutPolicyRules
{
    /// <summary>
    /// The policy a model has until an operator sets one: five minutes of shadow at full traffic for
    /// errors, latency, invalid outputs and drift, then 5 → 100% in one-minute steps.
    /// </summary>
    public static readonly RolloutPolicy Default = new(
        RolloutMode.Canary,
        ShadowPercent: 100,
        Steps: [5, 10, 25, 50, 100],
        StepInterval: TimeSpan.FromMinutes(1),
        StepMinRequests: 100,
        EvaluationInterval: TimeSpan.FromSeconds(10),
        MaxDuration: TimeSpan.FromHours(1),
        Alpha: 0.05,
        Beta: 0.05,
        Gates:
        [
            new RolloutGate(GateMetric.ErrorRate, 0.01),
            new RolloutGate(GateMetric.LatencyP95, 1.25),
            new RolloutGate(GateMetric.InvalidOutputs, 0.002),
            new RolloutGate(GateMetric.Drift, 0.05),
        ]);

    /// <summary>The threshold a metric is compared at when a policy has no gate for it (see <see cref="WithEveryGate"/>).</summary>
    public static double DefaultThreshold(GateMetric metric) => metric switch
    {
        GateMetric.ErrorRate => 0.01,
        GateMetric.LatencyP50 or GateMetric.LatencyP95 or GateMetric.LatencyP99 => 1.25,
        GateMetric.InvalidOutputs => 0.002,
        GateMetric.Drift => 0.05,
        GateMetric.Agreement => 0.9,
        GateMetric.Accuracy => 0.02,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary><paramref name="policy"/> with a gate for every metric: its own threshold where it has one, else <see cref="DefaultThreshold"/>.</summary>
    public static RolloutPolicy WithEveryGate(RolloutPolicy policy) => policy with
    {
        Gates = [.. Enum.GetValues<GateMetric>().Select(metric =>
            policy.Gates.FirstOrDefault(g => g.Metric == metric) ?? new RolloutGate(metric, DefaultThreshold(metric)))],
    };

    public static IReadOnlyList<string> Check(RolloutPolicy policy)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(policy.Mode))
        {
            problems.Add($"mode {policy.Mode} is not canary or bluegreen");
        }

        if (policy.ShadowPercent is < 0 or > 100)
        {
            problems.Add($"shadow percent must be 0 to 100, not {policy.ShadowPercent}");
        }

        if (policy.Mode == RolloutMode.BlueGreen && policy.ShadowPercent == 0)
        {
            problems.Add("blue/green rollouts compare on mirrored traffic: shadow percent must be above 0");
        }

        CheckSteps(policy, problems);
        if (policy.StepInterval < TimeSpan.Zero || policy.StepInterval > TimeSpan.FromDays(1))
        {
            problems.Add($"step interval must be 0 to 24 hours, not {policy.StepInterval}");
        }

        if (policy.StepMinRequests < 0)
        {
            problems.Add($"step minimum requests must not be negative, not {policy.StepMinRequests}");
        }

        if (policy.EvaluationInterval < TimeSpan.FromMilliseconds(100) || policy.EvaluationInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add($"evaluation interval must be 100 ms to 10 minutes, not {policy.EvaluationInterval}");
        }

        if (policy.MaxDuration <= TimeSpan.Zero || policy.MaxDuration > TimeSpan.FromDays(30))
        {
            problems.Add($"maximum duration must be above 0 and at most 30 days, not {policy.MaxDuration}");
        }

        CheckProbability("alpha", policy.Alpha, problems);
        CheckProbability("beta", policy.Beta, problems);
        CheckGates(policy.Gates, problems);
        return problems;
    }

    private static void CheckSteps(RolloutPolicy policy, List<string> problems)
    {
        if (policy.Mode != RolloutMode.Canary)
        {
            return;
        }

        if (policy.Steps is not { Length: > 0 and <= 20 })
        {
            problems.Add("a canary rollout needs 1 to 20 steps");
            return;
        }

        for (var i = 0; i < policy.Steps.Length; i++)
        {
            if (policy.Steps[i] is < 1 or > 100 || (i > 0 && policy.Steps[i] <= policy.Steps[i - 1]))
            {
                problems.Add($"steps must rise strictly within 1 to 100, not {string.Join(", ", policy.Steps)}");
                return;
            }
        }

        if (policy.Steps[^1] != 100)
        {
            problems.Add($"the last step must be 100 (the candidate takes all traffic before it is promoted), not {policy.Steps[^1]}");
        }
    }

    private static void CheckProbability(string name, double value, List<string> problems)
    {
        if (!(value is > 0 and <= 0.5))
        {
            problems.Add($"{name} must be above 0 and at most 0.5, not {value}");
        }
    }

    private static void CheckGates(IReadOnlyList<RolloutGate>? gates, List<string> problems)
    {
        if (gates is null)
        {
            problems.Add("gates must be given (an empty list promotes on time and request counts alone)");
            return;
        }

        var seen = new HashSet<GateMetric>();
        foreach (var gate in gates)
        {
            if (!Enum.IsDefined(gate.Metric))
            {
                problems.Add($"gate metric {gate.Metric} is unknown");
                continue;
            }

            if (!seen.Add(gate.Metric))
            {
                problems.Add($"gate {gate.Metric} is given twice");
            }

            var (low, high) = ThresholdRange(gate.Metric);
            if (!(gate.Threshold > low && gate.Threshold <= high))
            {
                problems.Add($"gate {gate.Metric} threshold must be above {low} and at most {high}, not {gate.Threshold}");
            }
        }
    }

    /// <summary>Differences are shares in (0, 1]; latency ratios above 1 (slower than the baseline is what they bound).</summary>
    private static (double Low, double High) ThresholdRange(GateMetric metric) => metric switch
    {
        GateMetric.LatencyP50 or GateMetric.LatencyP95 or GateMetric.LatencyP99 => (1, 100),
        _ => (0, 1),
    };
}
