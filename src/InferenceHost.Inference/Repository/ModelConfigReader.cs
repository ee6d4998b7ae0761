using System.Text.Json;
using System.Text.Json.Serialization;
using InferenceHost.Tensors;

namespace InferenceHost.Inference.Repository;

/// <summary>Reads and checks <c>config.json</c> files; errors name the file and the problem.</summary>
public static class ModelConfigReader
{
    public const string FileName = "config.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Reads the config in <paramref name="directory"/>, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON or breaks a rule.</exception>
    public static ModelConfig? ReadIfPresent(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        ModelConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ModelConfig>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        var problems = Check(config ?? ModelConfig.Empty);
        return problems.Count == 0
            ? config
            : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
    }

    /// <summary>Every rule the config breaks, empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(ModelConfig config)
    {
        var problems = new List<string>();
        if (config.MaxBatchSize is < 0)
        {
            problems.Add($"max_batch_size must be 0 or more, not {config.MaxBatchSize}");
        }

        if (config.IntraOpThreads is < 0)
        {
            problems.Add($"intra_op_threads must be 0 (ONNX Runtime's default) or more, not {config.IntraOpThreads}");
        }

        if (config.VersionPolicy is { } policy)
        {
            var chosen = (policy.All is true ? 1 : 0) + (policy.Latest is null ? 0 : 1) + (policy.Specific is null ? 0 : 1);
            if (chosen != 1)
            {
                problems.Add("version_policy must set exactly one of all, latest, specific");
            }

            if (policy.Latest is < 1)
            {
                problems.Add($"version_policy.latest must be 1 or more, not {policy.Latest}");
            }
        }

        CheckTensors("inputs", config.Inputs, problems);
        CheckTensors("outputs", config.Outputs, problems);
        foreach (var sample in config.Warmup ?? [])
        {
            if (sample.BatchSize < 1)
            {
                problems.Add($"warmup '{sample.Name}': batch_size must be 1 or more");
            }
        }

        foreach (var test in config.SmokeTests ?? [])
        {
            CheckSmokeTest(test, problems);
        }

        if (config.DynamicBatching is { } batching)
        {
            CheckDynamicBatching(batching, problems);
        }

        return problems;
    }

    /// <summary>
    /// Rules between fields that a version's config may split with the model's: checked on the config a
    /// version is served with (the model's, with the version's overrides), empty when it is valid.
    /// </summary>
    public static IReadOnlyList<string> CheckServed(ModelConfig config)
    {
        if (config.DynamicBatching is not { } batching)
        {
            return [];
        }

        var maxBatchSize = config.MaxBatchSize ?? 0;
        if (maxBatchSize == 0)
        {
            return ["dynamic_batching needs a batch dimension: set max_batch_size to 1 or more"];
        }

        var problems = new List<string>();
        foreach (var size in batching.PreferredBatchSize ?? [])
        {
            if (size > maxBatchSize)
            {
                problems.Add($"dynamic_batching.preferred_batch_size {size} is larger than max_batch_size {maxBatchSize}");
            }
        }

        return problems;
    }

    private static void CheckDynamicBatching(DynamicBatchingConfig batching, List<string> problems)
    {
        if (batching.MaxQueueDelayMicroseconds is < 0 or > DynamicBatchingConfig.MaxQueueDelayLimit)
        {
            problems.Add(
                $"dynamic_batching.max_queue_delay_microseconds must be 0 to {DynamicBatchingConfig.MaxQueueDelayLimit}, not {batching.MaxQueueDelayMicroseconds}");
        }

        if (batching.MaxQueueSize < 1)
        {
            problems.Add($"dynamic_batching.max_queue_size must be 1 or more, not {batching.MaxQueueSize}");
        }

        var previous = 0;
        foreach (var size in batching.PreferredBatchSize ?? [])
        {
            if (size < 1 || size <= previous)
            {
                problems.Add(
                    $"dynamic_batching.preferred_batch_size must be sizes of 1 or more in ascending order, not [{string.Join(", ", batching.PreferredBatchSize!)}]");
                return;
            }

            previous = size;
        }
    }

    private static void CheckSmokeTest(SmokeTest test, List<string> problems)
    {
        if (test.BatchSize < 1)
        {
            problems.Add($"smoke test '{test.Name}': batch_size must be 1 or more");
        }

        if (!double.IsFinite(test.Tolerance) || test.Tolerance < 0)
        {
            problems.Add($"smoke test '{test.Name}': tolerance must be a number of 0 or more, not {test.Tolerance}");
        }

        if (test.Expected.Count == 0)
        {
            problems.Add($"smoke test '{test.Name}': expected must name at least one output");
        }
    }

    private static void CheckTensors(string section, IReadOnlyList<TensorConfig>? tensors, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors ?? [])
        {
            if (string.IsNullOrEmpty(tensor.Name) || !seen.Add(tensor.Name))
            {
                problems.Add($"{section}: names must be present and unique ('{tensor.Name}')");
            }

            if (!TensorDatatypes.TryParse(tensor.Datatype ?? string.Empty, out _))
            {
                problems.Add($"{section}: '{tensor.Name}' has unknown datatype '{tensor.Datatype}'");
            }

            if (tensor.Shape is null || Array.Exists(tensor.Shape, d => d < -1))
            {
                problems.Add($"{section}: '{tensor.Name}' needs a shape of sizes >= -1");
            }
        }
    }
}
