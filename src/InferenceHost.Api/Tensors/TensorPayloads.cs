using System.Buffers.Binary;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Tensors;

/// <summary>
/// Checks tensor bytes that arrive already in the v2 binary layout (binary extension,
/// <c>raw_input_contents</c>) against the tensor's shape, so a short or overlong payload
/// is a clear 400 here rather than a read past the end later.
/// </summary>
internal static class TensorPayloads
{
    /// <summary>Checks an input's bytes; <paramref name="source"/> names where they came from, for the message.</summary>
    public static void ValidateInput(string name, TensorDatatype type, long[] shape, ReadOnlySpan<byte> data, string source)
    {
        var count = TensorShapes.ElementCount(shape, name);
        var size = type.ElementSize();
        if (size > 0)
        {
            var expected = count * size;
            if (data.Length != expected)
            {
                throw InferenceException.InvalidInput(
                    $"input '{name}': shape {TensorShapes.Format(shape)} of {type.ToName()} needs {expected} bytes but {source} has {data.Length}");
            }

            return;
        }

        if (!TryCountBytesElements(data, out var actual, out var problem))
        {
            throw InferenceException.InvalidInput($"input '{name}': {source} is not valid BYTES data: {problem}");
        }

        if (actual != count)
        {
            throw InferenceException.InvalidInput(
                $"input '{name}': shape {TensorShapes.Format(shape)} needs {count} BYTES elements but {source} holds {actual}");
        }
    }

    /// <summary>
    /// Checks that a model output's bytes hold exactly the elements its shape says, so writers
    /// can walk them blindly; a mismatch is the model's failure, not the client's.
    /// </summary>
    public static void ValidateOutput(InferenceTensor output, TensorDatatype type)
    {
        long expected = 1;
        foreach (var dim in output.Shape)
        {
            if (dim < 0)
            {
                expected = -1;
                break;
            }

            expected *= dim;
        }

        var size = type.ElementSize();
        long actual;
        if (size > 0)
        {
            actual = output.Data.Length % size == 0 ? output.Data.Length / size : -1;
        }
        else if (!TryCountBytesElements(output.Data.Span, out actual, out _))
        {
            actual = -1;
        }

        if (actual != expected || expected < 0)
        {
            throw new InferenceException(
                InferenceErrorKind.ModelFailure,
                $"output '{output.Name}' has {output.Data.Length} bytes, which do not hold shape {TensorShapes.Format(output.Shape)} of {type.ToName()}");
        }
    }

    /// <summary>Walks the 4-byte length prefixes of BYTES data; false with a reason when they do not add up.</summary>
    public static bool TryCountBytesElements(ReadOnlySpan<byte> data, out long count, out string problem)
    {
        count = 0;
        var offset = 0;
        while (offset < data.Length)
        {
            if (data.Length - offset < sizeof(uint))
            {
                problem = $"element {count} has a truncated 4-byte length at byte {offset}";
                return false;
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);
            offset += sizeof(uint);
            if (length > (uint)(data.Length - offset))
            {
                problem = $"element {count} declares {length} bytes but only {data.Length - offset} remain";
                return false;
            }

            offset += (int)length;
            count++;
        }

        problem = string.Empty;
        return true;
    }
}
