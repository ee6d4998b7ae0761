using System.Text.Json;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Writes the rollout documents: policies (exactly what a PUT takes back), statuses and decisions with their
/// evidence, and comparisons of two versions on the same gates. Numbers with no value (NaN: a gate with no
/// baseline, a rate with no requests) are written as null.
/// </summary>
internal static class RolloutJsonWriter
{
    public static void WritePolicy(Utf8JsonWriter writer, RolloutPolicy policy)
    {
        writer.WriteStartObject();
        writer.WriteString(RolloutPolicyJsonReader.Mode, RolloutNames.Of(policy.Mode));
        writer.WriteNumber(RolloutPolicyJsonReader.ShadowPercent, policy.ShadowPercent);
        writer.WriteStartArray(RolloutPolicyJsonReader.Steps);
        foreach (var step in policy.Steps)
        {
            writer.WriteNumberValue(step);
        }

        writer.WriteEndArray();
        writer.WriteString(RolloutPolicyJsonReader.StepInterval, DurationText.Format(policy.StepInterval));
        writer.WriteNumber(RolloutPolicyJsonReader.StepMinRequests, policy.StepMinRequests);
        writer.WriteString(RolloutPolicyJsonReader.EvaluationInterval, DurationText.Format(policy.EvaluationInterval));
        writer.WriteString(RolloutPolicyJsonReader.MaxDuration, DurationText.Format(policy.MaxDuration));
        writer.WriteNumber(RolloutPolicyJsonReader.Alpha, policy.Alpha);
        writer.WriteNumber(RolloutPolicyJsonReader.Beta, policy.Beta);
        writer.WriteStartArray(RolloutPolicyJsonReader.Gates);
        foreach (var gate in policy.Gates)
        {
            writer.WriteStartObject();
            writer.WriteString(RolloutPolicyJsonReader.Metric, RolloutNames.Of(gate.Metric));
            writer.WriteNumber(RolloutPolicyJsonReader.Threshold, gate.Threshold);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteStatus(Utf8JsonWriter writer, RolloutStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("model"u8, status.Model);
        writer.WriteNumber("number"u8, status.Number);
        writer.WriteString("candidate"u8, status.Candidate);
        writer.WriteString("baseline"u8, status.Baseline);
        writer.WriteString("phase"u8, RolloutNames.Of(status.Phase));
        writer.WriteNumber("step"u8, status.Step);
        writer.WriteNumber("canary_weight"u8, status.CanaryWeight);
        writer.WriteBoolean("paused"u8, status.Paused);
        writer.WriteString("started_at"u8, status.StartedAt);
        writer.WriteString("phase_started_at"u8, status.PhaseStartedAt);
        if (status.EndedAt is { } ended)
        {
            writer.WriteString("ended_at"u8, ended);
        }
        else
        {
            writer.WriteNull("ended_at"u8);
        }

        writer.WriteString("started_by"u8, status.StartedBy);
        writer.WritePropertyName("policy"u8);
        WritePolicy(writer, status.Policy);
        writer.WritePropertyName("latest"u8);
        WriteDecision(writer, status.Latest);
        writer.WriteEndObject();
    }

    /// <summary><c>GET /admin/v1/models/{m}/compare</c>: the two versions' request counts and every gate, as a rollout would judge them.</summary>
    public static void WriteComparison(Utf8JsonWriter writer, (VersionComparison Comparison, TimeSpan Window) state)
    {
        var (comparison, window) = state;
        writer.WriteStartObject();
        writer.WriteString("model"u8, comparison.Model);
        writer.WriteString("candidate"u8, comparison.Candidate);
        writer.WriteString("baseline"u8, comparison.Baseline);
        writer.WriteString("window"u8, DurationText.Format(window));
        writer.WriteString("from"u8, comparison.From);
        writer.WriteString("to"u8, comparison.To);
        writer.WriteNumber("candidate_requests"u8, comparison.CandidateRequests);
        writer.WriteNumber("baseline_requests"u8, comparison.BaselineRequests);
        WriteGates(writer, comparison.Gates);
        writer.WriteEndObject();
    }

    public static void WriteStatuses(Utf8JsonWriter writer, IReadOnlyList<RolloutStatus> statuses) =>
        WriteList(writer, "rollouts"u8, statuses, WriteStatus);

    public static void WriteDecisions(Utf8JsonWriter writer, IReadOnlyList<RolloutDecision> decisions) =>
        WriteList(writer, "decisions"u8, decisions, WriteDecision);

    /// <summary><c>{"name": [item, ...]}</c>: lists are wrapped in an object, so fields can be added beside them later.</summary>
    private static void WriteList<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter writer, RolloutDecision decision)
    {
        writer.WriteStartObject();
        writer.WriteNumber("sequence"u8, decision.Sequence);
        writer.WriteString("at"u8, decision.At);
        writer.WriteString("action"u8, RolloutNames.Of(decision.Action));
        writer.WriteString("actor"u8, decision.Actor);
        writer.WriteString("phase"u8, RolloutNames.Of(decision.Phase));
        writer.WriteNumber("canary_weight"u8, decision.CanaryWeight);
        writer.WriteString("reason"u8, decision.Reason);

        var evidence = decision.Evidence;
        writer.WriteStartObject("evidence"u8);
        writer.WriteNumber("candidate_requests"u8, evidence.CandidateRequests);
        writer.WriteNumber("baseline_requests"u8, evidence.BaselineRequests);
        writer.WriteNumber("phase_requests"u8, evidence.PhaseRequests);
        WriteGates(writer, evidence.Gates);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary><c>"gates": [...]</c>, each gate's numbers as rollout evidence and comparisons show them.</summary>
    private static void WriteGates(Utf8JsonWriter writer, IReadOnlyList<GateResult> gates)
    {
        writer.WriteStartArray("gates"u8);
        foreach (var gate in gates)
        {
            writer.WriteStartObject();
            writer.WriteString("metric"u8, RolloutNames.Of(gate.Metric));
            writer.WriteNumber("threshold"u8, gate.Threshold);
            writer.WriteString("outcome"u8, RolloutNames.Of(gate.Outcome));
            JsonNumbers.Write(writer, "candidate"u8, gate.Candidate);
            JsonNumbers.Write(writer, "baseline"u8, gate.Baseline);
            JsonNumbers.Write(writer, "estimate"u8, gate.Estimate);
            JsonNumbers.Write(writer, "lower"u8, gate.Lower);
            JsonNumbers.Write(writer, "upper"u8, gate.Upper);
            writer.WriteNumber("samples"u8, gate.Samples);
            writer.WriteString("detail"u8, gate.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
