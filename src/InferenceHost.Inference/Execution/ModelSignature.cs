namespace InferenceHost.Inference.Execution;

/// <summary>What a loaded version accepts and returns: its config reconciled with the ONNX graph.</summary>
/// <param name="MaxBatchSize">Largest batch, or 0 when the model has no batch dimension.</param>
/// <param name="Inputs">Inputs in the ONNX graph's order.</param>
/// <param name="Outputs">Outputs served, in the config's (or the graph's) order.</param>
public sealed record ModelSignature(int MaxBatchSize, IReadOnlyList<TensorSignature> Inputs, IReadOnlyList<TensorSignature> Outputs)
{
    /// <summary>The output with this name, or null.</summary>
    public TensorSignature? FindOutput(string name)
    {
        foreach (var output in Outputs)
        {
            if (output.Name == name)
            {
                return output;
            }
        }

        return null;
    }
}
