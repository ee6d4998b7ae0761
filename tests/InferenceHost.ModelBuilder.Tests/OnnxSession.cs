using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.ModelBuilder.Tests;

/// <summary>An ONNX Runtime session on the CPU provider, run through the OrtValue API.</summary>
internal sealed class OnnxSession : IDisposable
{
    public OnnxSession(string path) => Session = new InferenceSession(path);

    public InferenceSession Session { get; }

    /// <summary>Runs the model; the inputs are disposed here, the outputs by the caller.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyDictionary<string, OrtValue> inputs, params string[] outputNames)
    {
        try
        {
            using var options = new RunOptions();
            return Session.Run(options, [.. inputs.Keys], [.. inputs.Values], outputNames);
        }
        finally
        {
            foreach (var value in inputs.Values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose() => Session.Dispose();
}
