using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// Opens ONNX Runtime sessions on the device a model prefers: CUDA when it is usable, else CPU,
/// always with the reason. CUDA's absence is learned once and then not retried per model.
/// </summary>
public sealed partial class SessionFactory(IOptions<InferenceOptions> options, ILogger<SessionFactory> logger)
{
    private readonly Lock _gate = new();
    private string? _cudaUnusable;

    /// <summary>Opens <paramref name="modelPath"/>; the result owns the session.</summary>
    /// <exception cref="OnnxRuntimeException">The file does not load.</exception>
    /// <exception cref="InvalidOperationException">The model requires a GPU and none is usable.</exception>
    public OpenedSession Open(string modelPath, DevicePreference preference, int? intraOpThreads)
    {
        var threads = intraOpThreads ?? options.Value.IntraOpThreads;
        if (preference == DevicePreference.Cpu)
        {
            return new OpenedSession(OpenOnCpu(modelPath, threads), ExecutionDevice.Cpu, "the model's config asks for the CPU");
        }

        var unusable = CudaUnusableReason;
        if (unusable is null)
        {
            using var sessionOptions = Configure(threads);
            unusable = TryAppendCuda(sessionOptions);
            if (unusable is null)
            {
                return OpenOnCuda(modelPath, sessionOptions, preference, threads);
            }
        }

        return preference == DevicePreference.Gpu
            ? throw new InvalidOperationException($"the model's config asks for the GPU, but CUDA is not usable: {unusable}")
            : new OpenedSession(OpenOnCpu(modelPath, threads), ExecutionDevice.Cpu, $"CUDA is not usable: {unusable}");
    }

    /// <summary>Null when ONNX Runtime's CUDA provider loads on this machine, else why not (learned once).</summary>
    public string? ProbeCuda()
    {
        if (CudaUnusableReason is { } known)
        {
            return known;
        }

        using var sessionOptions = new SessionOptions();
        return TryAppendCuda(sessionOptions);
    }

    private string? TryAppendCuda(SessionOptions sessionOptions)
    {
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(options.Value.CudaDeviceId);
            return null;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return MarkCudaUnusable(e);
        }
    }

    /// <summary>
    /// The CUDA provider is there; this model may still fail on it. That is this model's problem,
    /// not CUDA's: an 'auto' model falls back to the CPU alone, and a corrupt file fails there too.
    /// </summary>
    private OpenedSession OpenOnCuda(string modelPath, SessionOptions cudaOptions, DevicePreference preference, int threads)
    {
        try
        {
            return new OpenedSession(new InferenceSession(modelPath, cudaOptions), ExecutionDevice.Gpu, $"CUDA device {options.Value.CudaDeviceId}");
        }
        catch (OnnxRuntimeException e) when (preference == DevicePreference.Auto)
        {
            var session = OpenOnCpu(modelPath, threads);
            return new OpenedSession(session, ExecutionDevice.Cpu, $"the model failed to open on CUDA: {FirstLine(e.Message)}");
        }
    }

    private string? CudaUnusableReason
    {
        get
        {
            lock (_gate)
            {
                return _cudaUnusable;
            }
        }
    }

    private string MarkCudaUnusable(Exception e)
    {
        var reason = FirstLine(e.Message);
        lock (_gate)
        {
            if (_cudaUnusable is null)
            {
                _cudaUnusable = reason;
                LogCudaUnusable(logger, reason);
            }

            return _cudaUnusable;
        }
    }

    private static InferenceSession OpenOnCpu(string modelPath, int threads)
    {
        using var sessionOptions = Configure(threads);
        return new InferenceSession(modelPath, sessionOptions);
    }

    private static SessionOptions Configure(int threads) => new()
    {
        IntraOpNumThreads = threads,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA is not usable, models on 'auto' run on the CPU: {Reason}")]
    private static partial void LogCudaUnusable(ILogger logger, string reason);
}
