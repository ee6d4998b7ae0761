namespace InferenceHost.Inference.Execution;

/// <summary>What a loaded version accepts and returns: its config reconciled with the ONNX graph.</summary>
/// <param name="MaxBatchSize">Largest batch, or 0 when the model has no batch dimension.</param>
/// <param name="Inputs">Inputs in the ONNX graph's order.</param>
/// <param name="Outputs">Outputs served, in the config's (or the graph's) order.</param>
public sealed record ModelSignature(int MaxBatchSize, IReadOnlyList<TensorSignature> Inputs, IReadOnlyList<TensorSignature> Outputs)
{
    /// <summary>Every output, as the array a request that names none produces; shared, so never written.</summary>
    internal TensorSignature[] AllOutputs { get; } = [.. Outputs];

    /// <summary>The output with this name, or null.</summary>
    public TensorSignature? FindOutput(string name)
    {
        // An index loop: foreach over the interface would box an enumerator on every request.
        for (var i = 0; i < Outputs.Count; i++)
        {
            if (Outputs[i].Name == name)
            {
                return Outputs[i];
            }
        }

        return null;
    }
}
