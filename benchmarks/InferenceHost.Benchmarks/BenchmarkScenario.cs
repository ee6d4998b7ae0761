namespace InferenceHost.Benchmarks;

/// <summary>What a run measures.</summary>
internal enum BenchmarkScenario
{
    /// <summary>The host against raw ONNX Runtime, a plain server and NGINX (RESULTS.md).</summary>
    Comparison,

    /// <summary>Clusters of 1, 2 and 3 silos through Redis against each other (SCALEOUT.md).</summary>
    ScaleOut,

    /// <summary>ResNet18 alone, raw ONNX Runtime on CUDA against the host on its GPU (issue 5's G1).</summary>
    Gpu,
}
