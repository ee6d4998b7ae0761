using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// One closed-loop worker on the raw session: its input and outputs are arrays allocated once and
/// pinned as <see cref="OrtValue"/>s, so a run allocates nothing and copies nothing.
/// </summary>
internal sealed class RawOnnxWorker : ILoadWorker
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames;
    private readonly OrtValue[] inputs;
    private readonly string[] outputNames;
    private readonly OrtValue[] outputs;
    private readonly Array[] outputBuffers;

    public RawOnnxWorker(InferenceSession session, ModelWorkload workload)
    {
        this.session = session;
        inputNames = [workload.InputName];
        inputs = [OrtValue.CreateTensorValueFromMemory((float[])workload.Input.Clone(), workload.InputShape)];
        outputNames = workload.Outputs.Select(output => output.Name).ToArray();
        outputBuffers = workload.Outputs.Select(Allocate).ToArray();
        outputs = workload.Outputs.Select((output, i) => Wrap(outputBuffers[i], output.Shape)).ToArray();
    }

    public ValueTask SendAsync(CancellationToken cancellationToken)
    {
        Run();
        return ValueTask.CompletedTask;
    }

    public void Run() => session.Run(runOptions, inputNames, inputs, outputNames, outputs);

    public float[] Fp32Output(string name) => (float[])((float[])outputBuffers[Array.IndexOf(outputNames, name)]).Clone();

    public void Dispose()
    {
        foreach (var value in inputs.Concat(outputs))
        {
            value.Dispose();
        }

        runOptions.Dispose();
    }

    private static Array Allocate(OutputSpec output) => output.Element switch
    {
        OutputElement.Fp32 => new float[output.ElementCount],
        OutputElement.Int64 => new long[output.ElementCount],
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.Element, "no buffer for this element type"),
    };

    private static OrtValue Wrap(Array buffer, long[] shape) => buffer switch
    {
        float[] floats => OrtValue.CreateTensorValueFromMemory(floats, shape),
        long[] longs => OrtValue.CreateTensorValueFromMemory(longs, shape),
        _ => throw new ArgumentException("no tensor for this buffer", nameof(buffer)),
    };
}
