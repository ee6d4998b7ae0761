using System.Globalization;
using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Telemetry.Rollouts;

/// <summary>Gate results in the words a rollout's reason gives operators: which gate, and the numbers behind it.</summary>
internal static class GateReasons
{
    public static string Describe(IEnumerable<GateResult> gates) => string.Join("; ", gates.Select(Describe));

    public static string Describe(GateResult gate) => double.IsNaN(gate.Estimate)
        ? $"{gate.Metric} ({gate.Detail})"
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{gate.Metric} {gate.Estimate:G4} (interval {gate.Lower:G4} to {gate.Upper:G4}, threshold {gate.Threshold:G4}; candidate {gate.Candidate:G4}, baseline {gate.Baseline:G4}; {gate.Samples} samples; {gate.Detail})");
}
