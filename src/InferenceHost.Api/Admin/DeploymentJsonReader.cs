using System.Text.Json;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Reads the body of <c>PUT /admin/v1/models/{m}/deployment</c>:
/// <c>{"active": "blue", "slots": {"blue": {"version": "1", "weight": 80}, "green": null, "canary": {...}}, "shadow": {"version": "3", "percent": 10}}</c>.
/// Strict, so a typo never deploys something else: unknown or repeated fields and wrong types are
/// refused, every problem listed at once. The weight and version rules are the router's to judge.
/// </summary>
internal static class DeploymentJsonReader
{
    private const string Active = "active";
    private const string Slots = "slots";
    private const string Shadow = "shadow";
    private const string Version = "version";
    private const string Weight = "weight";
    private const string Percent = "percent";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    /// <exception cref="Abstractions.Inference.InferenceException">The body is not JSON (400).</exception>
    /// <exception cref="HttpStatusException">The JSON is not a deployment (400), listing every problem.</exception>
    public static Deployment Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw Invalid(["the request body is empty; send the desired deployment as JSON"]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw JsonErrors.Malformed(exception);
        }

        using (document)
        {
            var problems = new List<string>();
            var deployment = ReadDeployment(document.RootElement, problems);
            return problems.Count == 0 && deployment is not null ? deployment : throw Invalid(problems);
        }
    }

    private static Deployment? ReadDeployment(JsonElement root, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the body must be a JSON object with 'active', 'slots' and (optionally) 'shadow'");
            return null;
        }

        ServingSlot? active = null;
        (SlotAssignment? Blue, SlotAssignment? Green, SlotAssignment? Canary)? slots = null;
        ShadowAssignment? shadow = null;
        foreach (var field in Fields(root, path: null, [Active, Slots, Shadow], problems))
        {
            switch (field.Name)
            {
                case Active:
                    active = ReadColour(field.Value, problems);
                    break;
                case Slots:
                    slots = ReadSlots(field.Value, problems);
                    break;
                default:
                    shadow = ReadPair(field.Value, Shadow, Percent, problems) is (var version, var percent) ? new ShadowAssignment(version, percent) : null;
                    break;
            }
        }

        Require(root, path: null, Active, "name the active colour, blue or green", problems);
        Require(root, path: null, Slots, "give blue, green and canary their version and weight (or null)", problems);
        return active is { } colour && slots is (var blue, var green, var canary)
            ? new Deployment(blue, green, canary, colour, shadow)
            : null;
    }

    private static ServingSlot? ReadColour(JsonElement value, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.String
            && SlotNames.TryParse(value.GetString(), out var slot)
            && slot is ServingSlot.Blue or ServingSlot.Green)
        {
            return slot;
        }

        problems.Add($"'active' must be \"{SlotNames.Blue}\" or \"{SlotNames.Green}\", not {value.GetRawText()}");
        return null;
    }

    private static (SlotAssignment?, SlotAssignment?, SlotAssignment?)? ReadSlots(JsonElement value, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add("'slots' must be an object with blue, green and canary");
            return null;
        }

        var assignments = new SlotAssignment?[3];
        string[] names = [SlotNames.Blue, SlotNames.Green, SlotNames.Canary];
        foreach (var field in Fields(value, Slots, names, problems))
        {
            var path = $"{Slots}.{field.Name}";
            if (ReadPair(field.Value, path, Weight, problems) is (var version, var weight))
            {
                assignments[Array.IndexOf(names, field.Name)] = new SlotAssignment(version, weight);
            }
        }

        return (assignments[0], assignments[1], assignments[2]);
    }

    /// <summary>A slot or the shadow: null, or <c>{"version": "2", "&lt;number&gt;": 20}</c>.</summary>
    private static (string Version, int Number)? ReadPair(JsonElement value, string path, string numberName, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"'{path}' must be null or an object with '{Version}' and '{numberName}'");
            return null;
        }

        string? version = null;
        int? number = null;
        foreach (var field in Fields(value, path, [Version, numberName], problems))
        {
            if (field.Name == Version)
            {
                version = field.Value.ValueKind == JsonValueKind.String
                    ? field.Value.GetString()
                    : Problem<string>(problems, $"'{path}.{Version}' must be a string such as \"2\", not {field.Value.GetRawText()}");
            }
            else
            {
                number = field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var n)
                    ? n
                    : Problem<int?>(problems, $"'{path}.{numberName}' must be an integer from 0 to 100, not {field.Value.GetRawText()}");
            }
        }

        Require(value, path, Version, "a version id such as \"2\"", problems);
        Require(value, path, numberName, "an integer from 0 to 100", problems);
        return version is not null && number is { } given ? (version, given) : null;
    }

    /// <summary>An object's fields, reporting unknown and repeated names (and skipping them).</summary>
    private static IEnumerable<JsonProperty> Fields(JsonElement value, string? path, string[] known, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject())
        {
            var shown = path is null ? field.Name : $"{path}.{field.Name}";
            if (!known.Contains(field.Name, StringComparer.Ordinal))
            {
                problems.Add($"unknown field '{shown}' (expected {string.Join(", ", known)})");
            }
            else if (!seen.Add(field.Name))
            {
                problems.Add($"field '{shown}' appears more than once");
            }
            else
            {
                yield return field;
            }
        }
    }

    private static void Require(JsonElement value, string? path, string name, string hint, List<string> problems)
    {
        if (!value.TryGetProperty(name, out _))
        {
            problems.Add($"'{(path is null ? name : $"{path}.{name}")}' is missing: {hint}");
        }
    }

    private static T? Problem<T>(List<string> problems, string problem)
    {
        problems.Add(problem);
        return default;
    }

    private static HttpStatusException Invalid(IEnumerable<string> problems) =>
        new(StatusCodes.Status400BadRequest, $"invalid deployment: {string.Join("; ", problems)}");
}
