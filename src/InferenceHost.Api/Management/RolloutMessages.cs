using Google.Protobuf.WellKnownTypes;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Api.Admin;

namespace InferenceHost.Api.Management;

/// <summary>
/// Rollout policies, statuses, decisions and version comparisons between the contracts and <c>management.proto</c>,
/// field for field what <see cref="RolloutJsonWriter"/> and <see cref="RolloutPolicyJsonReader"/> do for REST. The
/// proto enums list the contracts' members in the same order after their <c>UNSPECIFIED</c>, so each maps by position.
/// </summary>
internal static class RolloutMessages
{
    /// <summary>A policy sent: unset fields take <see cref="RolloutPolicyRules.Default"/>'s values; every broken rule listed.</summary>
    /// <exception cref="DeploymentException">It breaks a rule (Invalid).</exception>
    public static RolloutPolicy Read(Protocol.RolloutPolicy message)
    {
        var policy = RolloutPolicyRules.Default;
        var problems = new List<string>();
        if (message.Mode != Protocol.RolloutMode.Unspecified)
        {
            policy = policy with { Mode = FromWire<RolloutMode>((int)message.Mode) };
        }

        if (message.HasShadowPercent)
        {
            policy = policy with { ShadowPercent = message.ShadowPercent };
        }

        if (message.Steps.Count > 0)
        {
            policy = policy with { Steps = [.. message.Steps] };
        }

        if (message.HasStepMinRequests)
        {
            policy = policy with { StepMinRequests = message.StepMinRequests };
        }

        if (message.HasAlpha)
        {
            policy = policy with { Alpha = message.Alpha };
        }

        if (message.HasBeta)
        {
            policy = policy with { Beta = message.Beta };
        }

        policy = policy with
        {
            StepInterval = message.StepInterval?.ToTimeSpan() ?? policy.StepInterval,
            EvaluationInterval = message.EvaluationInterval?.ToTimeSpan() ?? policy.EvaluationInterval,
            MaxDuration = message.MaxDuration?.ToTimeSpan() ?? policy.MaxDuration,
        };

        if (message.Gates is { } gates)
        {
            if (gates.Gates.FirstOrDefault(gate => gate.Metric == Protocol.GateMetric.Unspecified) is not null)
            {
                problems.Add("every gate needs its metric; GATE_METRIC_UNSPECIFIED is not one");
            }

            policy = policy with
            {
                Gates = [.. gates.Gates.Where(g => g.Metric != Protocol.GateMetric.Unspecified).Select(g => new RolloutGate(FromWire<GateMetric>((int)g.Metric), g.Threshold))],
            };
        }

        problems.AddRange(RolloutPolicyRules.Check(policy));
        return problems.Count == 0
            ? policy
            : throw new DeploymentException(DeploymentErrorKind.Invalid, $"{RolloutPolicyJsonReader.InvalidPolicy}: {string.Join("; ", problems)}");
    }

    public static Protocol.RolloutPolicy Write(RolloutPolicy policy)
    {
        var message = new Protocol.RolloutPolicy
        {
            Mode = ToWire<Protocol.RolloutMode>(policy.Mode),
            ShadowPercent = policy.ShadowPercent,
            StepInterval = Duration.FromTimeSpan(policy.StepInterval),
            StepMinRequests = policy.StepMinRequests,
            EvaluationInterval = Duration.FromTimeSpan(policy.EvaluationInterval),
            MaxDuration = Duration.FromTimeSpan(policy.MaxDuration),
            Alpha = policy.Alpha,
            Beta = policy.Beta,
            Gates = new Protocol.RolloutGates(),
        };
        message.Steps.AddRange(policy.Steps);
        message.Gates.Gates.AddRange(policy.Gates.Select(static g => new Protocol.RolloutGate
        {
            Metric = ToWire<Protocol.GateMetric>(g.Metric),
            Threshold = g.Threshold,
        }));
        return message;
    }

    public static Protocol.RolloutStatus Write(RolloutStatus status) => new()
    {
        Model = status.Model,
        Number = status.Number,
        Candidate = status.Candidate,
        Baseline = status.Baseline,
        Phase = ToWire<Protocol.RolloutPhase>(status.Phase),
        Step = status.Step,
        CanaryWeight = status.CanaryWeight,
        Paused = status.Paused,
        StartedAt = Timestamp.FromDateTimeOffset(status.StartedAt),
        PhaseStartedAt = Timestamp.FromDateTimeOffset(status.PhaseStartedAt),
        EndedAt = status.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
        StartedBy = status.StartedBy,
        Policy = Write(status.Policy),
        Latest = Write(status.Latest),
    };

    public static Protocol.RolloutDecision Write(RolloutDecision decision)
    {
        var evidence = new Protocol.RolloutEvidence
        {
            CandidateRequests = decision.Evidence.CandidateRequests,
            BaselineRequests = decision.Evidence.BaselineRequests,
            PhaseRequests = decision.Evidence.PhaseRequests,
        };
        evidence.Gates.AddRange(decision.Evidence.Gates.Select(Write));
        return new Protocol.RolloutDecision
        {
            Sequence = decision.Sequence,
            At = Timestamp.FromDateTimeOffset(decision.At),
            Action = ToWire<Protocol.RolloutAction>(decision.Action),
            Actor = decision.Actor,
            Phase = ToWire<Protocol.RolloutPhase>(decision.Phase),
            CanaryWeight = decision.CanaryWeight,
            Reason = decision.Reason,
            Evidence = evidence,
        };
    }

    public static Protocol.VersionComparisonResponse Write(VersionComparison comparison, TimeSpan window)
    {
        var response = new Protocol.VersionComparisonResponse
        {
            Model = comparison.Model,
            Candidate = comparison.Candidate,
            Baseline = comparison.Baseline,
            Window = Duration.FromTimeSpan(window),
            From = Timestamp.FromDateTimeOffset(comparison.From),
            To = Timestamp.FromDateTimeOffset(comparison.To),
            CandidateRequests = comparison.CandidateRequests,
            BaselineRequests = comparison.BaselineRequests,
        };
        response.Gates.AddRange(comparison.Gates.Select(Write));
        return response;
    }

    public static Protocol.GateResult Write(GateResult gate) => new()
    {
        Metric = ToWire<Protocol.GateMetric>(gate.Metric),
        Threshold = gate.Threshold,
        Outcome = ToWire<Protocol.GateOutcome>(gate.Outcome),
        Candidate = gate.Candidate,
        Baseline = gate.Baseline,
        Estimate = gate.Estimate,
        Lower = gate.Lower,
        Upper = gate.Upper,
        Samples = gate.Samples,
        Detail = gate.Detail,
    };

    /// <exception cref="DeploymentException">The command is unset or unknown (Invalid).</exception>
    public static RolloutCommand Read(Protocol.RolloutCommand command) =>
        command is > Protocol.RolloutCommand.Unspecified and <= Protocol.RolloutCommand.Rollback
            ? FromWire<RolloutCommand>((int)command)
            : throw new DeploymentException(
                DeploymentErrorKind.Invalid, $"'command' must be one of {string.Join(", ", RolloutNames.CommandNames)} (ROLLOUT_COMMAND_PAUSE ...), not {(int)command}");

    /// <summary>The contract's member at the proto member's position after <c>UNSPECIFIED</c>.</summary>
    public static T FromWire<T>(int wire)
        where T : struct, System.Enum => (T)(object)(wire - 1);

    public static TWire ToWire<TWire>(System.Enum value)
        where TWire : struct, System.Enum => (TWire)(object)(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) + 1);
}
