using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>Everything that runs one model: the raw baseline and one target per host client mode.</summary>
internal sealed class ModelTargets : IAsyncDisposable
{
    private ModelTargets(ModelWorkload workload, ILoadTarget raw, IReadOnlyList<ILoadTarget> host)
    {
        Workload = workload;
        Raw = raw;
        Host = host;
    }

    public ModelWorkload Workload { get; }

    public ILoadTarget Raw { get; }

    /// <summary>The host's modes, in the order a forward round measures them.</summary>
    public IReadOnlyList<ILoadTarget> Host { get; }

    public static ModelTargets Create(ModelWorkload workload, string modelPath, HostProcess host) => new(
        workload,
        new RawOnnxTarget(modelPath, workload),
        [
            new HttpInferTarget(host.HttpAddress, workload.Model, ModelWorkload.Version, new JsonInferEncoding(workload)),
            new HttpInferTarget(host.HttpAddress, workload.Model, ModelWorkload.Version, new BinaryInferEncoding(workload)),
            new GrpcRawTarget(host.GrpcAddress, workload),
        ]);

    /// <summary>
    /// Asks every host mode once and compares its answer with the raw one, so a benchmark never
    /// times a host that computes something else.
    /// </summary>
    /// <exception cref="InvalidOperationException">A mode's answer differs from the raw answer.</exception>
    public async Task EnsureHostAgreesWithRawAsync(CancellationToken cancellationToken)
    {
        var output = Workload.CheckedOutput;
        var expected = await Raw.FetchOutputAsync(output, cancellationToken);
        foreach (var target in Host)
        {
            var actual = await target.FetchOutputAsync(output, cancellationToken);
            if (actual.Length != expected.Length)
            {
                throw Disagreement(target, $"{actual.Length} values, raw has {expected.Length}");
            }

            var mismatch = Enumerable.Range(0, expected.Length)
                .FirstOrDefault(i => Math.Abs(actual[i] - expected[i]) > 1e-4f * Math.Max(1f, Math.Abs(expected[i])), -1);
            if (mismatch >= 0)
            {
                throw Disagreement(target, $"at [{mismatch}]: {actual[mismatch]}, raw {expected[mismatch]}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var target in Host.Prepend(Raw))
        {
            await target.DisposeAsync();
        }
    }

    private InvalidOperationException Disagreement(ILoadTarget target, string detail) =>
        new($"{Workload.Model} over {target.Mode}: '{Workload.CheckedOutput}' differs from raw ONNX Runtime ({detail})");
}
