using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// One closed-loop worker on the raw session: its input and outputs are arrays allocated once and
/// pinned as <see cref="OrtValue"/>s, so a run allocates nothing and copies nothing. On CUDA they are bound
/// once to an <see cref="OrtIoBinding"/> of the worker's: each run copies the input to the device and the
/// outputs back into the same host arrays, as a server must, and allocates nothing for them.
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
    private readonly OrtIoBinding? binding;

    public RawOnnxWorker(InferenceSession session, ModelWorkload workload)
    {
        this.session = session;
        inputNames = [workload.InputName];
        inputs = [OrtValue.CreateTensorValueFromMemory((float[])workload.Input.Clone(), workload.InputShape)];
        outputNames = workload.Outputs.Select(output => output.Name).ToArray();
        outputBuffers = workload.Outputs.Select(Allocate).ToArray();
        outputs = workload.Outputs.Select((output, i) => Wrap(outputBuffers[i], output.Shape)).ToArray();
        if (workload.OnCuda)
        {
            binding = session.CreateIoBinding();
            binding.BindInput(inputNames[0], inputs[0]);
            for (var i = 0; i < outputs.Length; i++)
            {
                binding.BindOutput(outputNames[i], outputs[i]);
            }
        }
    }

    public ValueTask SendAsync(CancellationToken cancellationToken)
    {
        Run();
        return ValueTask.CompletedTask;
    }

    public void Run()
    {
        if (binding is null)
        {
            session.Run(runOptions, inputNames, inputs, outputNames, outputs);
        }
        else
        {
            session.RunWithBinding(runOptions, binding);
        }
    }

    public float[] Fp32Output(string name) => (float[])((float[])outputBuffers[Array.IndexOf(outputNames, name)]).Clone();

    public void Dispose()
    {
        binding?.Dispose();
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
