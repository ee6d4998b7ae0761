using InferenceHost.Inference.Execution;

namespace InferenceHost.Inference.Repository;

/// <summary>
/// A model's <c>config.json</c> (snake_case). Every field is optional: what is missing
/// is taken from the ONNX file's own signature, so a bare <c>model.onnx</c> serves.
/// </summary>
public sealed record ModelConfig
{
    public static readonly ModelConfig Empty = new();

    /// <summary>Largest batch; 0 (the default) means the model has no batch dimension.</summary>
    public int? MaxBatchSize { get; init; }

    public DevicePreference? Device { get; init; }

    public VersionPolicyConfig? VersionPolicy { get; init; }

    public IReadOnlyList<TensorConfig>? Inputs { get; init; }

    public IReadOnlyList<TensorConfig>? Outputs { get; init; }

    public IReadOnlyList<WarmupSample>? Warmup { get; init; }

    /// <summary>Requests with expected outputs, run after warm-up; a mismatch rejects the version.</summary>
    public IReadOnlyList<SmokeTest>? SmokeTests { get; init; }

    /// <summary>ONNX Runtime intra-op threads for this model; the host default when absent.</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>Queue requests and run them in batches; absent (the default), each request runs alone.</summary>
    public DynamicBatchingConfig? DynamicBatching { get; init; }

    /// <summary>This config with every field that <paramref name="overrides"/> sets replaced by its value.</summary>
    public ModelConfig OverriddenBy(ModelConfig? overrides) => overrides is null ? this : new ModelConfig
    {
        MaxBatchSize = overrides.MaxBatchSize ?? MaxBatchSize,
        Device = overrides.Device ?? Device,
        VersionPolicy = overrides.VersionPolicy ?? VersionPolicy,
        Inputs = overrides.Inputs ?? Inputs,
        Outputs = overrides.Outputs ?? Outputs,
        Warmup = overrides.Warmup ?? Warmup,
        SmokeTests = overrides.SmokeTests ?? SmokeTests,
        IntraOpThreads = overrides.IntraOpThreads ?? IntraOpThreads,
        DynamicBatching = overrides.DynamicBatching ?? DynamicBatching,
    };
}
