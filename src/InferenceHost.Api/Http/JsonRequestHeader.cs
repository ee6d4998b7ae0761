namespace InferenceHost.Api.Http;

/// <summary>The JSON part of an HTTP inference request, before tensor data is decoded.</summary>
/// <param name="Id">The request id, if any.</param>
/// <param name="Inputs">The inputs in request order.</param>
/// <param name="OutputNames">Requested outputs; empty for all.</param>
/// <param name="BinaryOutputByDefault">The request-level <c>binary_data_output</c> parameter.</param>
/// <param name="OutputBinary">Per-output <c>binary_data</c> parameters; null when none.</param>
internal sealed record JsonRequestHeader(
    string? Id,
    IReadOnlyList<JsonInputDraft> Inputs,
    IReadOnlyList<string> OutputNames,
    bool BinaryOutputByDefault,
    IReadOnlyDictionary<string, bool>? OutputBinary)
{
    /// <summary>The sticky routing key from the request's parameters; null when absent.</summary>
    public string? RoutingKey { get; init; }
}
