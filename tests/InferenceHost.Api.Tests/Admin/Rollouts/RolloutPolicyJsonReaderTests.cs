using System.Text;
using System.Text.Json;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

public sealed class RolloutPolicyJsonReaderTests
{
    [Fact]
    public void Read_EmptyObject_IsTheDefault()
    {
        var policy = Read("{}");

        Assert.Equal(Describe(RolloutPolicyRules.Default), Describe(policy));
    }

    [Fact]
    public void Read_EveryField_TakesEachAndKeepsNothingOfTheDefault()
    {
        var policy = Read("""
            {"mode": "bluegreen", "shadow_percent": 50, "steps": [20, 100], "step_interval": "2m", "step_min_requests": 500,
             "evaluation_interval": "5s", "max_duration": "3h", "alpha": 0.01, "beta": 0.1,
             "gates": [{"metric": "agreement", "threshold": 0.95}, {"metric": "latency_p99", "threshold": 1.5}]}
            """);

        Assert.Equal(
            Describe(new RolloutPolicy(
                RolloutMode.BlueGreen, 50, [20, 100], TimeSpan.FromMinutes(2), 500, TimeSpan.FromSeconds(5), TimeSpan.FromHours(3), 0.01, 0.1,
                [new RolloutGate(GateMetric.Agreement, 0.95), new RolloutGate(GateMetric.LatencyP99, 1.5)])),
            Describe(policy));
    }

    [Fact]
    public void Read_EmptyGates_KeepsNoGates()
    {
        Assert.Empty(Read("""{"gates": []}""").Gates);
    }

    [Fact]
    public void Read_WrittenPolicy_ReadsBackTheSame()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            RolloutJsonWriter.WritePolicy(writer, RolloutPolicyRules.Default);
        }

        Assert.Equal(Describe(RolloutPolicyRules.Default), Describe(Read(Encoding.UTF8.GetString(buffer.ToArray()))));
    }

    [Theory]
    [InlineData("""{"steps": [5, 50], "alpha": 0.9}""", "invalid rollout policy: the last step must be 100 (the candidate takes all traffic before it is promoted), not 50; alpha must be above 0 and at most 0.5, not 0.9")]
    [InlineData("""{"mode": "linear"}""", "invalid rollout policy: 'mode' must be one of canary, bluegreen, not \"linear\"")]
    [InlineData("""{"step_interval": "soon", "shadow": 5}""", "invalid rollout policy: 'step_interval' must be a duration such as 500ms, 10s, 5m, 1h30m or 2d, not \"soon\"; unknown field 'shadow' (expected mode, shadow_percent, steps, step_interval, step_min_requests, evaluation_interval, max_duration, alpha, beta, gates)")]
    [InlineData("""{"gates": [{"metric": "speed", "threshold": 1}, {"threshold": "high"}]}""", "invalid rollout policy: 'gates[0].metric' must be one of error_rate, latency_p50, latency_p95, latency_p99, invalid_outputs, drift, agreement, accuracy, not \"speed\"; 'gates[1].threshold' must be a number, not \"high\"; 'gates[1].metric' is missing")]
    [InlineData("""{"alpha": 0.05, "alpha": 0.1}""", "invalid rollout policy: field 'alpha' appears more than once")]
    [InlineData("""[1]""", "invalid rollout policy: 'the body' must be a JSON object with mode, shadow_percent, steps, step_interval, step_min_requests, evaluation_interval, max_duration, alpha, beta, gates")]
    public void Read_BadPolicy_Refuses400ListingEveryProblem(string json, string message)
    {
        var refusal = Assert.Throws<HttpStatusException>(() => Read(json));

        Assert.Equal((400, message), (refusal.StatusCode, refusal.Message));
    }

    [Fact]
    public void Read_NotJson_IsInvalidInput()
    {
        var error = Assert.Throws<InferenceException>(() => Read("{\"mode\": "));

        Assert.Equal(InferenceErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    private static RolloutPolicy Read(string json) => RolloutPolicyJsonReader.Read(Encoding.UTF8.GetBytes(json));

    /// <summary>Records compare arrays by reference; their text shows the steps and gates.</summary>
    private static string Describe(RolloutPolicy policy) =>
        policy with { Steps = [], Gates = [] } + string.Join(",", policy.Steps) + string.Join(",", policy.Gates);
}
