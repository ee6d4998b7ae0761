using System.Text.Json;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Reads the bodies of <c>POST /admin/v1/models/{m}/rollouts</c> (<c>{"candidate": "3", "policy": {...}}</c>) and of
/// a rollout command (<c>{"reason": "..."}</c>, or no body). Strict as <see cref="RolloutPolicyJsonReader"/> is.
/// </summary>
internal static class RolloutRequestJsonReader
{
    private const string Candidate = "candidate";
    private const string Policy = "policy";
    private const string Reason = "reason";

    /// <exception cref="Abstractions.Inference.InferenceException">The body is not JSON (400).</exception>
    /// <exception cref="HttpStatusException">It is not a rollout start (400), every problem listed.</exception>
    public static (string Candidate, RolloutPolicy? Policy) ReadStart(ReadOnlyMemory<byte> body)
    {
        const string invalid = "invalid rollout";
        if (body.IsEmpty)
        {
            throw StrictJsonReader.Refusal(invalid, ["the request body is empty; send {\"candidate\": \"<version>\"} and, optionally, a \"policy\""]);
        }

        using var document = StrictJsonReader.Parse(body);
        var reader = new StrictJsonReader();
        string? candidate = null;
        JsonElement? policy = null;
        foreach (var field in reader.Fields(document.RootElement, path: null, [Candidate, Policy]))
        {
            if (field.Name == Candidate)
            {
                candidate = reader.String(field.Value, Candidate, "a version id such as \"3\"");
            }
            else if (field.Value.ValueKind != JsonValueKind.Null)
            {
                policy = field.Value;
            }
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object && !document.RootElement.TryGetProperty(Candidate, out _))
        {
            reader.Add($"'{Candidate}' is missing: name the version to roll out, e.g. \"3\"");
        }

        if (reader.Problems.Count > 0 || candidate is null)
        {
            throw StrictJsonReader.Refusal(invalid, reader.Problems);
        }

        return (candidate, policy is { } given ? RolloutPolicyJsonReader.Read(given, Policy) : null);
    }

    /// <summary>The operator's reason, or null when the body is empty or gives none.</summary>
    /// <exception cref="Abstractions.Inference.InferenceException">The body is not JSON (400).</exception>
    /// <exception cref="HttpStatusException">It is not <c>{"reason": "..."}</c> (400).</exception>
    public static string? ReadReason(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        using var document = StrictJsonReader.Parse(body);
        var reader = new StrictJsonReader();
        string? reason = null;
        foreach (var field in reader.Fields(document.RootElement, path: null, [Reason]))
        {
            reason = field.Value.ValueKind == JsonValueKind.Null ? null : reader.String(field.Value, Reason, "a string");
        }

        return reader.Problems.Count > 0 ? throw StrictJsonReader.Refusal("invalid rollout command", reader.Problems) : reason;
    }
}
