namespace InferenceHost.Benchmarks.Workloads;

/// <summary>One model output as the raw baseline pre-allocates it.</summary>
internal sealed record OutputSpec(string Name, long[] Shape, OutputElement Element)
{
    public long ElementCount => Shape.Aggregate(1L, (product, dimension) => product * dimension);
}
