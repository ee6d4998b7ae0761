using System.Text.Json;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Feedback;

/// <summary>
/// Reads <c>POST /v2/models/{m}/feedback</c>: <c>{"id": "req-1", "label": 2}</c>, or <c>{"id": "req-1", "labels": [2, 0, 1]}</c>
/// with one label per batch row. Strict: unknown or repeated fields and non-numeric labels are refused, every problem listed.
/// </summary>
internal static class FeedbackJsonReader
{
    private const string Id = "id";
    private const string Label = "label";
    private const string Labels = "labels";

    private const string Invalid = "invalid feedback";

    /// <exception cref="Abstractions.Inference.InferenceException">The body is not JSON (400).</exception>
    /// <exception cref="HttpStatusException">It is not feedback (400), every problem listed.</exception>
    public static (string Id, double[] Labels) Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw StrictJsonReader.Refusal(Invalid, ["the request body is empty; send {\"id\": \"<request id>\", \"label\": <label>}"]);
        }

        using var document = StrictJsonReader.Parse(body);
        var root = document.RootElement;
        var reader = new StrictJsonReader();
        string? id = null;
        double[]? labels = null;
        foreach (var field in reader.Fields(root, path: null, [Id, Label, Labels]))
        {
            switch (field.Name)
            {
                case Id:
                    id = reader.String(field.Value, Id, "the request's id, a string");
                    break;
                case Label:
                    labels = reader.Double(field.Value, Label, "a number (a class index, or a regressor's value)") is { } label ? [label] : null;
                    break;
                default:
                    labels = ReadLabels(reader, field.Value);
                    break;
            }
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            CheckPresence(reader, root);
        }

        return reader.Problems.Count == 0 && id is not null && labels is not null
            ? (id, labels)
            : throw StrictJsonReader.Refusal(Invalid, reader.Problems);
    }

    private static double[]? ReadLabels(StrictJsonReader reader, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            reader.Add($"'{Labels}' must be an array of numbers, one per batch row, not {value.GetRawText()}");
            return null;
        }

        var labels = value.EnumerateArray().Select((label, i) => reader.Double(label, $"{Labels}[{i}]", "a number")).ToList();
        return labels.All(label => label is not null) ? [.. labels.Select(label => label!.Value)] : null;
    }

    private static void CheckPresence(StrictJsonReader reader, JsonElement root)
    {
        if (!root.TryGetProperty(Id, out _))
        {
            reader.Add($"'{Id}' is missing: name the request the labels are for");
        }

        var hasLabel = root.TryGetProperty(Label, out _);
        var hasLabels = root.TryGetProperty(Labels, out _);
        if (hasLabel == hasLabels)
        {
            reader.Add(hasLabel
                ? $"send '{Label}' or '{Labels}', not both"
                : $"'{Label}' is missing: send '{Label}', or '{Labels}' with one per batch row");
        }
    }
}
