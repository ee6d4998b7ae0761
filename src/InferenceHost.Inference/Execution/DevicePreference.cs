namespace InferenceHost.Inference.Execution;

/// <summary>Where a model asks to run.</summary>
public enum DevicePreference
{
    /// <summary>CUDA when a GPU is usable, else CPU (the reason is logged and reported).</summary>
    Auto,

    /// <summary>Always CPU.</summary>
    Cpu,

    /// <summary>CUDA only: the version is unavailable when no GPU is usable.</summary>
    Gpu,
}
