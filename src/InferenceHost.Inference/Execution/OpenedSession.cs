using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Inference.Execution;

/// <summary>A freshly opened session and the device it landed on.</summary>
/// <param name="Session">The session; whoever takes it disposes it.</param>
/// <param name="Device">CPU or GPU.</param>
/// <param name="Reason">Why that device (shown in model metadata).</param>
public sealed record OpenedSession(InferenceSession Session, ExecutionDevice Device, string Reason);
