using InferenceHost.Abstractions.Inference;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Tensors;

/// <summary>Datatype names from the wire, with the error each side of the protocol owes.</summary>
internal static class DatatypeParsing
{
    /// <summary>Parses an input's datatype or fails with a 400 naming the input.</summary>
    public static TensorDatatype ParseInput(string? text, string inputName) =>
        TensorDatatypes.TryParse(text, out var type)
            ? type
            : throw InferenceException.InvalidInput($"input '{inputName}': unknown datatype '{text}'");

    /// <summary>Parses a model output's datatype; an unknown one is the model's fault, not the client's.</summary>
    public static TensorDatatype ParseOutput(string text, string outputName) =>
        TensorDatatypes.TryParse(text, out var type)
            ? type
            : throw new InferenceException(InferenceErrorKind.ModelFailure, $"output '{outputName}' has unknown datatype '{text}'");
}
