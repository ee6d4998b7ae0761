using System.Text.Json;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Reads a rollout policy, the body of <c>PUT /admin/v1/models/{m}/rollout-policy</c> and the <c>policy</c> of a
/// rollout's start: <c>{"mode": "canary", "shadow_percent": 100, "steps": [5, 25, 100], "step_interval": "60s", ...,
/// "gates": [{"metric": "error_rate", "threshold": 0.01}]}</c>. Fields left out take
/// <see cref="RolloutPolicyRules.Default"/>'s values; the result is checked by <see cref="RolloutPolicyRules.Check"/>,
/// and every problem, of the JSON or of the rules, is listed in one refusal.
/// </summary>
internal static class RolloutPolicyJsonReader
{
    public const string Mode = "mode";
    public const string ShadowPercent = "shadow_percent";
    public const string Steps = "steps";
    public const string StepInterval = "step_interval";
    public const string StepMinRequests = "step_min_requests";
    public const string EvaluationInterval = "evaluation_interval";
    public const string MaxDuration = "max_duration";
    public const string Alpha = "alpha";
    public const string Beta = "beta";
    public const string Gates = "gates";
    public const string Metric = "metric";
    public const string Threshold = "threshold";

    /// <summary>What a refusal starts with.</summary>
    public const string InvalidPolicy = "invalid rollout policy";

    private static readonly string[] Known =
        [Mode, ShadowPercent, Steps, StepInterval, StepMinRequests, EvaluationInterval, MaxDuration, Alpha, Beta, Gates];

    private static readonly string[] GateFields = [Metric, Threshold];

    /// <exception cref="Abstractions.Inference.InferenceException">The body is not JSON (400).</exception>
    /// <exception cref="HttpStatusException">It is not a valid policy (400), every problem listed.</exception>
    public static RolloutPolicy Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw StrictJsonReader.Refusal(InvalidPolicy, ["the request body is empty; send the policy as JSON ({} for the default)"]);
        }

        using var document = StrictJsonReader.Parse(body);
        return Read(document.RootElement, path: null);
    }

    /// <summary>The policy at <paramref name="path"/> of a larger body (null: the body itself).</summary>
    /// <exception cref="HttpStatusException">It is not a valid policy (400), every problem listed.</exception>
    public static RolloutPolicy Read(JsonElement value, string? path)
    {
        var reader = new StrictJsonReader();
        var policy = RolloutPolicyRules.Default;
        foreach (var field in reader.Fields(value, path, Known))
        {
            var at = StrictJsonReader.PathOf(path, field.Name);
            var v = field.Value;
            policy = field.Name switch
            {
                Mode => ReadMode(reader, v, at) is { } mode ? policy with { Mode = mode } : policy,
                ShadowPercent => reader.Int32(v, at, "an integer from 0 to 100") is { } percent ? policy with { ShadowPercent = percent } : policy,
                Steps => ReadSteps(reader, v, at) is { } steps ? policy with { Steps = steps } : policy,
                StepInterval => reader.Duration(v, at) is { } interval ? policy with { StepInterval = interval } : policy,
                StepMinRequests => reader.Int64(v, at, "a whole number of requests") is { } requests ? policy with { StepMinRequests = requests } : policy,
                EvaluationInterval => reader.Duration(v, at) is { } evaluation ? policy with { EvaluationInterval = evaluation } : policy,
                MaxDuration => reader.Duration(v, at) is { } longest ? policy with { MaxDuration = longest } : policy,
                Alpha => reader.Double(v, at, "a probability such as 0.05") is { } alpha ? policy with { Alpha = alpha } : policy,
                Beta => reader.Double(v, at, "a probability such as 0.05") is { } beta ? policy with { Beta = beta } : policy,
                _ => ReadGates(reader, v, at) is { } gates ? policy with { Gates = gates } : policy,
            };
        }

        // The rules are judged only on a policy that was read whole, so a wrong type is not reported twice.
        IEnumerable<string> problems = reader.Problems.Count > 0 ? reader.Problems : RolloutPolicyRules.Check(policy);
        return problems.Any() ? throw StrictJsonReader.Refusal(InvalidPolicy, problems) : policy;
    }

    private static RolloutMode? ReadMode(StrictJsonReader reader, JsonElement value, string path)
    {
        var hint = $"one of {string.Join(", ", RolloutNames.ModeNames)}";
        return reader.String(value, path, hint) is { } name
            ? RolloutNames.TryParse(name, out RolloutMode mode) ? mode : Unknown<RolloutMode>(reader, path, name, hint)
            : null;
    }

    private static int[]? ReadSteps(StrictJsonReader reader, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            reader.Add($"'{path}' must be an array of canary weights such as [5, 25, 100], not {value.GetRawText()}");
            return null;
        }

        var steps = value.EnumerateArray().Select((step, i) => reader.Int32(step, $"{path}[{i}]", "an integer from 1 to 100")).ToList();
        return steps.All(step => step is not null) ? [.. steps.Select(step => step!.Value)] : null;
    }

    private static RolloutGate[]? ReadGates(StrictJsonReader reader, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            reader.Add($"'{path}' must be an array of {{\"{Metric}\": ..., \"{Threshold}\": ...}}, not {value.GetRawText()}");
            return null;
        }

        var gates = new List<RolloutGate?>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            GateMetric? metric = null;
            double? threshold = null;
            foreach (var field in reader.Fields(item, at, GateFields))
            {
                var fieldPath = StrictJsonReader.PathOf(at, field.Name);
                if (field.Name == Metric)
                {
                    metric = ReadMetric(reader, field.Value, fieldPath);
                }
                else
                {
                    threshold = reader.Double(field.Value, fieldPath, "a number");
                }
            }

            if (item.ValueKind == JsonValueKind.Object)
            {
                Require(reader, item, at, Metric);
                Require(reader, item, at, Threshold);
            }

            gates.Add(metric is { } m && threshold is { } t ? new RolloutGate(m, t) : null);
        }

        return gates.All(gate => gate is not null) ? [.. gates.Select(gate => gate!)] : null;
    }

    private static GateMetric? ReadMetric(StrictJsonReader reader, JsonElement value, string path)
    {
        var hint = $"one of {string.Join(", ", RolloutNames.MetricNames)}";
        return reader.String(value, path, hint) is { } name
            ? RolloutNames.TryParse(name, out GateMetric metric) ? metric : Unknown<GateMetric>(reader, path, name, hint)
            : null;
    }

    private static void Require(StrictJsonReader reader, JsonElement value, string path, string name)
    {
        if (!value.TryGetProperty(name, out _))
        {
            reader.Add($"'{StrictJsonReader.PathOf(path, name)}' is missing");
        }
    }

    private static T? Unknown<T>(StrictJsonReader reader, string path, string name, string hint)
        where T : struct
    {
        reader.Add($"'{path}' must be {hint}, not \"{name}\"");
        return null;
    }
}
