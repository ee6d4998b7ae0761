using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// The per-run arrays <see cref="LoadedModel"/> hands ONNX Runtime (values, pins, output buffers), sized for a
/// model's inputs and outputs and reused across runs. Only the arrays are reused: everything in them is the
/// run's own and is disposed or cleared before the scratch goes back (<see cref="Clear"/>).
/// </summary>
internal sealed class RunScratch(int inputs, int outputs)
{
    public OrtValue[] InputValues { get; } = new OrtValue[inputs];

    public MemoryHandle[] InputPins { get; } = new MemoryHandle[inputs];

    public OrtValue[] OutputValues { get; } = new OrtValue[outputs];

    public MemoryHandle[] OutputPins { get; } = new MemoryHandle[outputs];

    public byte[][] OutputBuffers { get; } = new byte[outputs][];

    /// <summary>Disposes the run's values and pins and forgets its buffers, which now belong to its results.</summary>
    public void Clear()
    {
        for (var i = 0; i < InputValues.Length; i++)
        {
            InputValues[i]?.Dispose();
            InputPins[i].Dispose();
        }

        for (var i = 0; i < OutputValues.Length; i++)
        {
            OutputValues[i]?.Dispose();
            OutputPins[i].Dispose();
        }

        Array.Clear(InputValues);
        Array.Clear(InputPins);
        Array.Clear(OutputValues);
        Array.Clear(OutputPins);
        Array.Clear(OutputBuffers);
    }
}
