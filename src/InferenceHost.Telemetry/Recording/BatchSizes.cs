using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Telemetry.Recording;

/// <summary>A request's batch size: the first dimension of its first input.</summary>
public static class BatchSizes
{
    /// <summary>Sizes from this on share the top bucket of <see cref="Abstractions.Telemetry.VersionAggregate.BatchSizes"/>.</summary>
    public const int Max = 1024;

    /// <summary>The first dimension of the first input; 1 for a scalar input or none.</summary>
    public static long Of(InferenceRequest request) =>
        request.Inputs.Count == 0 || request.Inputs[0].Shape.Length == 0 ? 1 : Math.Max(0, request.Inputs[0].Shape[0]);

    /// <summary>The bucket of <paramref name="size"/>: the size itself, capped at <see cref="Max"/>.</summary>
    public static int IndexOf(long size) => (int)Math.Min(size, Max);
}
