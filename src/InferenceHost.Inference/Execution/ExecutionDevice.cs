namespace InferenceHost.Inference.Execution;

/// <summary>Where a session actually runs.</summary>
public enum ExecutionDevice
{
    Cpu,
    Gpu,
}
