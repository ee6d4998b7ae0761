using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Api.Http;

/// <summary>An inference request decoded from HTTP, with how each output should be returned.</summary>
/// <param name="Request">The decoded request.</param>
/// <param name="BinaryOutputByDefault">The request-level <c>binary_data_output</c> parameter.</param>
/// <param name="OutputBinary">Per-output <c>binary_data</c> parameters, which win over the default; null when none.</param>
internal sealed record HttpInferRequest(
    InferenceRequest Request,
    bool BinaryOutputByDefault,
    IReadOnlyDictionary<string, bool>? OutputBinary)
{
    /// <summary>The sticky routing key from the request's parameters; null when absent.</summary>
    public string? RoutingKey { get; init; }

    public bool WantsBinary(string outputName) =>
        OutputBinary is not null && OutputBinary.TryGetValue(outputName, out var binary) ? binary : BinaryOutputByDefault;
}
