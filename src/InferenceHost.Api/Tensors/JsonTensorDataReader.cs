using System.Text.Json;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Tensors;

/// <summary>
/// Decodes a JSON <c>data</c> value (flat or nested arrays in row-major order, or a bare
/// element) straight into the v2 binary layout, one element at a time without boxing.
/// </summary>
internal static class JsonTensorDataReader
{
    /// <summary>Decodes <paramref name="json"/>, the <c>data</c> value alone, whose syntax was already checked.</summary>
    /// <param name="json">The <c>data</c> value.</param>
    /// <param name="name">The input's name, for messages.</param>
    /// <param name="type">The input's datatype.</param>
    /// <param name="shape">The input's shape.</param>
    /// <param name="rentals">Where a large fixed-size tensor is decoded into a pooled array; null for a plain array always.</param>
    public static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> json, string name, TensorDatatype type, long[] shape, TensorRentals? rentals = null)
    {
        if (type is TensorDatatype.Fp16 or TensorDatatype.Bf16)
        {
            throw InferenceException.InvalidInput(
                $"input '{name}': {type.ToName()} data cannot be sent as JSON; use the binary tensor extension");
        }

        var expected = TensorShapes.ElementCount(shape, name);

        // A JSON element takes at least two bytes with its separator, so a count beyond that
        // cannot match: count the real elements for the message instead of allocating for the shape.
        if (expected > (json.Length + 1) / 2)
        {
            throw CountMismatch(name, shape, expected, CountElements(json));
        }

        var reader = new Utf8JsonReader(json);
        return DecodeElements(ref reader, name, type, shape, expected, json.Length, rentals);
    }

    private static ReadOnlyMemory<byte> DecodeElements(
        ref Utf8JsonReader reader, string name, TensorDatatype type, long[] shape, long expected, int jsonLength, TensorRentals? rentals)
    {
        var size = type.ElementSize();

        // Every element is written before the array is returned (a short count throws), so it need not be zeroed first.
        var length = (int)(expected * size);
        var fixedSize = size <= 0 ? Memory<byte>.Empty
            : rentals is not null ? rentals.Allocate(length)
            : GC.AllocateUninitializedArray<byte>(length);
        var strings = size > 0 ? null : new BytesTensorBuilder(jsonLength);
        var destination = fixedSize.Span;
        long index = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.EndArray)
            {
                continue;
            }

            if (index == expected)
            {
                throw CountMismatch(name, shape, expected, index + 1 + CountRemaining(ref reader));
            }

            if (strings is null)
            {
                JsonElementDecoder.Write(ref reader, type, destination.Slice((int)(index * size), size), name, index);
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                AppendString(ref reader, strings!, name, index);
            }
            else
            {
                throw JsonElementDecoder.WrongKind(ref reader, name, index, "a string", type);
            }

            index++;
        }

        return index != expected
            ? throw CountMismatch(name, shape, expected, index)
            : strings?.Build() ?? fixedSize;
    }

    private static void AppendString(ref Utf8JsonReader reader, BytesTensorBuilder strings, string name, long index)
    {
        try
        {
            strings.Commit(reader.CopyString(strings.Reserve(reader.ValueSpan.Length)));
        }
        catch (InvalidOperationException)
        {
            // The reader checks UTF-8 only when a string is copied out.
            throw InferenceException.InvalidInput($"input '{name}': data element {index} is not valid UTF-8");
        }
    }

    private static long CountElements(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return CountRemaining(ref reader);
    }

    private static long CountRemaining(ref Utf8JsonReader reader)
    {
        long count = 0;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.EndArray))
            {
                count++;
                reader.Skip();
            }
        }

        return count;
    }

    private static InferenceException CountMismatch(string name, long[] shape, long expected, long actual) =>
        InferenceException.InvalidInput(
            $"input '{name}': shape {TensorShapes.Format(shape)} needs {expected} elements but 'data' has {actual}");
}
