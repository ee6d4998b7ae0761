using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.PlainServer;

/// <summary>One ONNX Runtime session, configured as the host configures its CPU sessions.</summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    public OnnxModel(string path)
    {
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        session = new InferenceSession(path, options);
        OutputNames = [.. session.OutputNames];
    }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Runs the model on one FP32 input; the caller disposes the outputs.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(string inputName, float[] data, long[] shape)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(data, shape);
        return session.Run(runOptions, [inputName], [input], OutputNames);
    }

    public void Dispose()
    {
        runOptions.Dispose();
        session.Dispose();
    }
}
