using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// Asks targets once each and compares the answer with raw ONNX Runtime's, so a benchmark never times a
/// server that computes something else (a target that may answer from another version: length only).
/// </summary>
internal static class AnswerCheck
{
    /// <exception cref="InvalidOperationException">A target's answer differs from the raw answer.</exception>
    public static async Task EnsureAgreeWithRawAsync(ModelWorkload workload, ILoadTarget raw, IEnumerable<ILoadTarget> targets, CancellationToken cancellationToken)
    {
        var output = workload.CheckedOutput;
        var expected = await raw.FetchOutputAsync(output, cancellationToken);
        foreach (var target in targets)
        {
            var actual = await target.FetchOutputAsync(output, cancellationToken);
            if (actual.Length != expected.Length)
            {
                throw Disagreement(workload, target, $"{actual.Length} values, raw has {expected.Length}");
            }

            var mismatch = Enumerable.Range(0, expected.Length)
                .FirstOrDefault(i => Math.Abs(actual[i] - expected[i]) > workload.Tolerance * Math.Max(1f, Math.Abs(expected[i])), -1);
            if (target.ExpectsRawAnswer && mismatch >= 0)
            {
                throw Disagreement(workload, target, $"at [{mismatch}]: {actual[mismatch]}, raw {expected[mismatch]}");
            }
        }
    }

    private static InvalidOperationException Disagreement(ModelWorkload workload, ILoadTarget target, string detail) =>
        new($"{workload.Model} over {target.Mode}: '{workload.CheckedOutput}' differs from raw ONNX Runtime ({detail})");
}
