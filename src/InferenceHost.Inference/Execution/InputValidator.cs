using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// Checks a request against a version's signature before anything runs, so a bad request
/// is refused with a message naming the tensor and what was expected, and changes nothing.
/// </summary>
public static class InputValidator
{
    /// <summary>Validates inputs and requested outputs; returns the inputs in graph order and the outputs to produce.</summary>
    /// <exception cref="InvalidInputException">The first problem found.</exception>
    public static (TensorInput[] Inputs, TensorSignature[] Outputs) Validate(
        ModelSignature signature, IReadOnlyList<TensorInput> inputs, IReadOnlyList<string> outputNames)
    {
        long batch = -1;
        if (inputs is TensorInput[] given && IsInGraphOrder(signature, given))
        {
            // Already one of each, in order (as clients usually send them): checked where they stand, no copy.
            for (var i = 0; i < given.Length; i++)
            {
                CheckTensor(signature, signature.Inputs[i], given[i], ref batch);
            }

            return (given, SelectOutputs(signature, outputNames));
        }

        var ordered = new TensorInput[signature.Inputs.Count];
        // An index loop: foreach over the interface would box the list's enumerator on every request.
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var index = IndexOf(signature.Inputs, input.Name);
            if (index < 0)
            {
                throw new InvalidInputException(
                    $"unexpected input '{input.Name}': the model's inputs are {Names(signature.Inputs)}");
            }

            if (ordered[index].Name is not null)
            {
                throw new InvalidInputException($"input '{input.Name}' is given more than once");
            }

            CheckTensor(signature, signature.Inputs[index], input, ref batch);
            ordered[index] = input;
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Name is null)
            {
                throw new InvalidInputException(
                    $"missing input '{signature.Inputs[i].Name}': the model needs {Names(signature.Inputs)}");
            }
        }

        return (ordered, SelectOutputs(signature, outputNames));
    }

    private static bool IsInGraphOrder(ModelSignature signature, TensorInput[] inputs)
    {
        if (inputs.Length != signature.Inputs.Count)
        {
            return false;
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (!string.Equals(inputs[i].Name, signature.Inputs[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckTensor(ModelSignature signature, TensorSignature expected, TensorInput input, ref long batch)
    {
        if (input.Datatype != expected.Datatype.ToName())
        {
            throw new InvalidInputException(
                $"input '{input.Name}' has datatype {input.Datatype}, but the model expects {expected.Datatype.ToName()}");
        }

        if (!ShapeFits(input.Shape, expected.Shape))
        {
            throw new InvalidInputException(
                $"input '{input.Name}' has shape {ShapeText.Format(input.Shape)}, but the model expects {ShapeText.Format(expected.Shape)}");
        }

        if (signature.MaxBatchSize > 0)
        {
            CheckBatch(signature.MaxBatchSize, input, ref batch);
        }

        CheckData(expected.Datatype, input);
    }

    private static void CheckBatch(int maxBatchSize, TensorInput input, ref long batch)
    {
        var size = input.Shape[0];
        if (size < 1 || size > maxBatchSize)
        {
            throw new InvalidInputException(
                $"input '{input.Name}' has batch size {size}, but the model accepts 1 to {maxBatchSize} (max_batch_size)");
        }

        if (batch >= 0 && size != batch)
        {
            throw new InvalidInputException(
                $"input '{input.Name}' has batch size {size}, but other inputs have {batch}; all inputs share one batch size");
        }

        batch = size;
    }

    private static void CheckData(TensorDatatype datatype, TensorInput input)
    {
        var elements = ShapeText.ElementCount(input.Shape);
        if (datatype == TensorDatatype.Bytes)
        {
            if (!BytesElements.TryCount(input.Data.Span, out var count) || count != elements)
            {
                throw new InvalidInputException(
                    $"input '{input.Name}' has shape {ShapeText.Format(input.Shape)} ({elements} elements), but its BYTES data does not hold exactly {elements} length-prefixed elements");
            }

            return;
        }

        var expectedBytes = elements * datatype.ElementSize();
        if (input.Data.Length != expectedBytes)
        {
            throw new InvalidInputException(
                $"input '{input.Name}' has {input.Data.Length} bytes of data, but shape {ShapeText.Format(input.Shape)} of {datatype.ToName()} needs {expectedBytes} ({elements} elements)");
        }
    }

    private static TensorSignature[] SelectOutputs(ModelSignature signature, IReadOnlyList<string> outputNames)
    {
        if (outputNames.Count == 0)
        {
            return signature.AllOutputs;
        }

        var selected = new TensorSignature[outputNames.Count];
        for (var i = 0; i < outputNames.Count; i++)
        {
            selected[i] = signature.FindOutput(outputNames[i])
                ?? throw new InvalidInputException(
                    $"unknown output '{outputNames[i]}': the model's outputs are {Names(signature.Outputs)}");
            for (var j = 0; j < i; j++)
            {
                if (selected[j].Name == outputNames[i])
                {
                    throw new InvalidInputException($"output '{outputNames[i]}' is requested more than once");
                }
            }
        }

        return selected;
    }

    private static bool ShapeFits(long[] actual, long[] expected)
    {
        if (actual.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] < 0 || (expected[i] != -1 && actual[i] != expected[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<TensorSignature> tensors, string name)
    {
        for (var i = 0; i < tensors.Count; i++)
        {
            if (tensors[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Names(IReadOnlyList<TensorSignature> tensors) =>
        string.Join(", ", tensors.Select(t => $"'{t.Name}' {t.Datatype.ToName()} {ShapeText.Format(t.Shape)}"));
}
