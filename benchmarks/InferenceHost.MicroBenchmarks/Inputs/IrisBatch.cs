using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.MicroBenchmarks.Inputs;

/// <summary>
/// The sample classifier's workload at a batch size: <c>input</c> FP32 [rows, 4], the rows cycling
/// through a setosa, a versicolor and a virginica flower, the same numbers every run.
/// </summary>
internal static class IrisBatch
{
    private const int Features = 4;

    private static readonly float[][] Flowers =
    [
        [5.1f, 3.5f, 1.4f, 0.2f],
        [7.0f, 3.2f, 4.7f, 1.4f],
        [6.3f, 3.3f, 6.0f, 2.5f],
    ];

    public static ModelWorkload Of(int rows)
    {
        var values = new float[rows * Features];
        for (var row = 0; row < rows; row++)
        {
            Flowers[row % Flowers.Length].CopyTo(values, row * Features);
        }

        return ModelWorkloads.IrisMlp with { InputShape = [rows, Features], Input = values };
    }
}
