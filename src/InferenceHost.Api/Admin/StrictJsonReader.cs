using System.Text.Json;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Reads one request body strictly, collecting every problem rather than stopping at the first: unknown or
/// repeated fields and wrong types are problems, so a typo is refused instead of silently taking a default.
/// </summary>
internal sealed class StrictJsonReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    /// <exception cref="Abstractions.Inference.InferenceException">The body is not JSON (400).</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw JsonErrors.Malformed(exception);
        }
    }

    /// <summary>400 listing every problem after <paramref name="what"/>, e.g. <c>invalid rollout policy: a; b</c>.</summary>
    public static HttpStatusException Refusal(string what, IEnumerable<string> problems) =>
        new(StatusCodes.Status400BadRequest, $"{what}: {string.Join("; ", problems)}");

    public void Add(string problem) => _problems.Add(problem);

    /// <summary>The object's known fields, once each; unknown and repeated ones are reported and skipped.</summary>
    public IEnumerable<JsonProperty> Fields(JsonElement value, string? path, IReadOnlyCollection<string> known)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add($"'{path ?? "the body"}' must be a JSON object with {string.Join(", ", known)}");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject())
        {
            if (!known.Contains(field.Name))
            {
                Add($"unknown field '{PathOf(path, field.Name)}' (expected {string.Join(", ", known)})");
            }
            else if (!seen.Add(field.Name))
            {
                Add($"field '{PathOf(path, field.Name)}' appears more than once");
            }
            else
            {
                yield return field;
            }
        }
    }

    public string? String(JsonElement value, string path, string hint)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Add($"'{path}' must be {hint}, not {value.GetRawText()}");
        return null;
    }

    public int? Int32(JsonElement value, string path, string hint) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : Wrong<int>(value, path, hint);

    public long? Int64(JsonElement value, string path, string hint) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : Wrong<long>(value, path, hint);

    public double? Double(JsonElement value, string path, string hint) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number : Wrong<double>(value, path, hint);

    public TimeSpan? Duration(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String && DurationText.TryParse(value.GetString(), out var duration)
            ? duration
            : Wrong<TimeSpan>(value, path, DurationText.Hint);

    public static string PathOf(string? path, string name) => path is null ? name : $"{path}.{name}";

    private T? Wrong<T>(JsonElement value, string path, string hint)
        where T : struct
    {
        Add($"'{path}' must be {hint}, not {value.GetRawText()}");
        return null;
    }
}
