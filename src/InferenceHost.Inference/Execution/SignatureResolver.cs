using InferenceHost.Inference.Repository;
using InferenceHost.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// Reconciles a config with the ONNX graph's own signature: what the config leaves out comes
/// from the graph (Triton's auto-complete); what it states must agree with the graph.
/// </summary>
public static class SignatureResolver
{
    /// <exception cref="InvalidDataException">Every disagreement, listed.</exception>
    public static ModelSignature Resolve(
        ModelConfig config,
        IReadOnlyDictionary<string, NodeMetadata> graphInputs,
        IReadOnlyDictionary<string, NodeMetadata> graphOutputs)
    {
        var maxBatch = config.MaxBatchSize ?? 0;
        var problems = new List<string>();
        var inputs = ResolveSide("input", maxBatch, config.Inputs, graphInputs, problems);
        var outputs = ResolveSide("output", maxBatch, config.Outputs, graphOutputs, problems);
        if (config.Inputs is not null)
        {
            foreach (var name in graphInputs.Keys)
            {
                if (!config.Inputs.Any(t => t.Name == name))
                {
                    problems.Add($"the graph's input '{name}' is missing from the config");
                }
            }
        }

        return problems.Count == 0
            ? new ModelSignature(maxBatch, inputs, outputs)
            : throw new InvalidDataException($"model does not match its config: {string.Join("; ", problems)}");
    }

    private static List<TensorSignature> ResolveSide(
        string side, int maxBatch, IReadOnlyList<TensorConfig>? declared,
        IReadOnlyDictionary<string, NodeMetadata> graph, List<string> problems)
    {
        var resolved = new List<TensorSignature>();
        if (declared is null)
        {
            foreach (var (name, node) in graph)
            {
                if (FromGraph(side, name, node, problems) is { } signature)
                {
                    CheckBatchDimension(side, name, maxBatch, signature.Shape, problems);
                    resolved.Add(signature);
                }
            }

            return resolved;
        }

        foreach (var tensor in declared)
        {
            if (!graph.TryGetValue(tensor.Name, out var node))
            {
                problems.Add($"config {side} '{tensor.Name}' is not in the graph, whose {side}s are {string.Join(", ", graph.Keys)}");
                continue;
            }

            if (FromGraph(side, tensor.Name, node, problems) is not { } actual)
            {
                continue;
            }

            var shape = maxBatch > 0 ? [-1, .. tensor.Shape] : tensor.Shape;
            _ = TensorDatatypes.TryParse(tensor.Datatype, out var datatype);
            if (datatype != actual.Datatype)
            {
                problems.Add($"{side} '{tensor.Name}' is {actual.Datatype.ToName()} in the graph but {tensor.Datatype} in the config");
            }

            CheckBatchDimension(side, tensor.Name, maxBatch, actual.Shape, problems);
            if (!Compatible(shape, actual.Shape, maxBatch > 0))
            {
                problems.Add($"{side} '{tensor.Name}' has shape {ShapeText.Format(actual.Shape)} in the graph but {ShapeText.Format(shape)} in the config");
            }

            resolved.Add(new TensorSignature(tensor.Name, datatype, shape));
        }

        return resolved;
    }

    private static TensorSignature? FromGraph(string side, string name, NodeMetadata node, List<string> problems)
    {
        if (!node.IsTensor || !OrtElementTypes.TryFromOrt(node.ElementDataType, out var datatype))
        {
            problems.Add($"{side} '{name}' is not a tensor of a type the v2 protocol carries");
            return null;
        }

        return new TensorSignature(name, datatype, Array.ConvertAll(node.Dimensions, d => d < 0 ? -1L : d));
    }

    private static void CheckBatchDimension(string side, string name, int maxBatch, long[] graphShape, List<string> problems)
    {
        if (maxBatch > 0 && (graphShape.Length == 0 || graphShape[0] != -1))
        {
            problems.Add($"max_batch_size is {maxBatch} but {side} '{name}' has no variable first dimension in the graph ({ShapeText.Format(graphShape)})");
        }
    }

    /// <summary>A config shape fits the graph when ranks agree and every fixed graph dimension is stated as is.</summary>
    private static bool Compatible(long[] configShape, long[] graphShape, bool skipBatch)
    {
        if (configShape.Length != graphShape.Length)
        {
            return false;
        }

        for (var i = skipBatch ? 1 : 0; i < graphShape.Length; i++)
        {
            if (graphShape[i] != -1 && configShape[i] != graphShape[i])
            {
                return false;
            }
        }

        return true;
    }
}
