using InferenceHost.Inference.Batching;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using InferenceHost.Inference.Tensors;

namespace InferenceHost.Inference.Tests.Batching;

/// <summary>Batchers over the sample iris-mlp version 1 (max_batch_size 64), and requests made of single flowers.</summary>
internal static class IrisBatching
{
    public const int IrisVersion = 1;

    /// <summary>Flowers of all three species in turn, so that neighbouring rows have different answers.</summary>
    public static float[] Flower(int index) => (index % 3) switch
    {
        0 => IrisFlowers.Setosa,
        1 => IrisFlowers.Versicolor,
        _ => IrisFlowers.Virginica,
    };

    /// <summary>The rows <paramref name="first"/> to <paramref name="first"/> + <paramref name="rows"/> - 1 of the flowers in turn.</summary>
    public static float[] Rows(int first, int rows) => IrisFlowers.Batch([.. Enumerable.Range(first, rows).Select(Flower)]);

    /// <summary>A batcher on a stopped clock: batches run only by size (preferred, max) or because the next request cannot join.</summary>
    public static DynamicBatcher Stopped(LoadedModel model, DynamicBatchingConfig config) => new(model, config, new StoppedClock());

    public static DynamicBatchingConfig WaitingForever(params int[] preferred) => new()
    {
        MaxQueueDelayMicroseconds = DynamicBatchingConfig.MaxQueueDelayLimit,
        PreferredBatchSize = preferred,
    };

    public static Task<TensorOutput[]> Submit(DynamicBatcher batcher, float[] rows, params string[] outputs) =>
        batcher.RunAsync([IrisFlowers.Input(rows)], outputs);
}
