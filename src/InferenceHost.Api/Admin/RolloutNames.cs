using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Api.Admin;

/// <summary>The snake_case names the rollout and telemetry documents use for the contracts' enums, both ways.</summary>
internal static class RolloutNames
{
    private static readonly Dictionary<RolloutMode, string> Modes = new()
    {
        [RolloutMode.Canary] = "canary",
        [RolloutMode.BlueGreen] = "bluegreen",
    };

    private static readonly Dictionary<GateMetric, string> Metrics = new()
    {
        [GateMetric.ErrorRate] = "error_rate",
        [GateMetric.LatencyP50] = "latency_p50",
        [GateMetric.LatencyP95] = "latency_p95",
        [GateMetric.LatencyP99] = "latency_p99",
        [GateMetric.InvalidOutputs] = "invalid_outputs",
        [GateMetric.Drift] = "drift",
        [GateMetric.Agreement] = "agreement",
        [GateMetric.Accuracy] = "accuracy",
    };

    private static readonly Dictionary<RolloutCommand, string> Commands = new()
    {
        [RolloutCommand.Pause] = "pause",
        [RolloutCommand.Resume] = "resume",
        [RolloutCommand.Abort] = "abort",
        [RolloutCommand.Promote] = "promote",
        [RolloutCommand.Rollback] = "rollback",
    };

    public static IEnumerable<string> ModeNames => Modes.Values;

    public static IEnumerable<string> MetricNames => Metrics.Values;

    public static IEnumerable<string> CommandNames => Commands.Values;

    public static string Of(RolloutMode mode) => Modes[mode];

    public static string Of(GateMetric metric) => Metrics[metric];

    public static string Of(RolloutPhase phase) => phase switch
    {
        RolloutPhase.Shadow => "shadow",
        RolloutPhase.Canary => "canary",
        RolloutPhase.Promoted => "promoted",
        RolloutPhase.RolledBack => "rolled_back",
        _ => "aborted",
    };

    public static string Of(RolloutAction action) => action.ToString().ToLowerInvariant();

    public static string Of(GateOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static string Of(OutputKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out RolloutMode mode) => TryFind(Modes, name, out mode);

    public static bool TryParse(string? name, out GateMetric metric) => TryFind(Metrics, name, out metric);

    public static bool TryParse(string? name, out RolloutCommand command) => TryFind(Commands, name, out command);

    private static bool TryFind<T>(Dictionary<T, string> names, string? name, out T value)
        where T : struct, Enum
    {
        foreach (var (key, text) in names)
        {
            if (text == name)
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
