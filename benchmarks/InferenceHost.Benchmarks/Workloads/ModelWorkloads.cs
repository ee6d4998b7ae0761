namespace InferenceHost.Benchmarks.Workloads;

/// <summary>The models benchmarked: the sample classifier and the real pretrained ResNet18.</summary>
internal static class ModelWorkloads
{
    public static ModelWorkload IrisMlp { get; } = new(
        Model: "iris-mlp",
        InputName: "input",
        InputShape: [1, 4],
        Input: [5.1f, 3.5f, 1.4f, 0.2f],
        Outputs:
        [
            new OutputSpec("probabilities", [1, 3], OutputElement.Fp32),
            new OutputSpec("label", [1], OutputElement.Int64),
        ],
        CheckedOutput: "probabilities",
        Concurrencies: [1, 8, 64],
        ComparisonConcurrency: 64);

    public static ModelWorkload ResNet18 { get; } = new(
        Model: "resnet18",
        InputName: "Input247",
        InputShape: [1, 3, 224, 224],
        Input: DeterministicPixels(3 * 224 * 224),
        Outputs: [new OutputSpec("Pooling395_Output_0", [1, 512, 1, 1], OutputElement.Fp32)],
        CheckedOutput: "Pooling395_Output_0",
        Concurrencies: [1, 8]);

    /// <summary>
    /// ResNet18 when a GPU is lent: the raw baseline on CUDA, and concurrency 64 added for issue 5's G1. Two
    /// processes' CUDA sessions may choose different convolution kernels (and TF32), so answers are compared to 1%.
    /// </summary>
    public static ModelWorkload ResNet18OnCuda { get; } = ResNet18 with { Concurrencies = [1, 8, 64], OnCuda = true, Tolerance = 1e-2f };

    public static IReadOnlyList<ModelWorkload> All { get; } = [IrisMlp, ResNet18];

    /// <summary>What <paramref name="scenario"/> measures: ResNet18 on CUDA where <paramref name="cudaUsable"/>, else on the CPU.</summary>
    public static IReadOnlyList<ModelWorkload> For(BenchmarkScenario scenario, bool cudaUsable) => (scenario, cudaUsable) switch
    {
        (BenchmarkScenario.Gpu, _) => [ResNet18OnCuda],
        (_, true) => [IrisMlp, ResNet18OnCuda],
        _ => All,
    };

    // A fixed, image-like pattern in [0, 255]: the same bytes every run, no random source needed.
    private static float[] DeterministicPixels(int count)
    {
        var pixels = new float[count];
        for (var i = 0; i < count; i++)
        {
            pixels[i] = (i * 7919 % 256) + (i % 3);
        }

        return pixels;
    }
}
