using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using InferenceHost.Inference.Repository;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// Builds warm-up and smoke-test requests: from a config's sample (one batch item, repeated batch_size
/// times), or, when the config has no warm-up, one all-zero item with every variable dimension set to 1.
/// </summary>
public static class WarmupInputs
{
    public static TensorInput[] FromSample(ModelSignature signature, WarmupSample sample) =>
        FromItem(signature, $"warm-up '{sample.Name}'", "warm-up", sample.BatchSize, sample.Inputs);

    /// <summary>Inputs of a smoke test: its one item repeated batch_size times, as for warm-up.</summary>
    public static TensorInput[] FromSmokeTest(ModelSignature signature, SmokeTest test) =>
        FromItem(signature, $"smoke test '{test.Name}'", "smoke test", test.BatchSize, test.Inputs);

    private static TensorInput[] FromItem(
        ModelSignature signature, string request, string kind, int batchSize, Dictionary<string, JsonElement> data)
    {
        var inputs = new TensorInput[signature.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var tensor = signature.Inputs[i];
            if (!data.TryGetValue(tensor.Name, out var json))
            {
                throw new InvalidDataException($"{request} has no data for input '{tensor.Name}'");
            }

            var elements = new List<JsonElement>();
            Flatten(json, elements);
            inputs[i] = Build(signature, tensor, batchSize, elements, kind);
        }

        return inputs;
    }

    public static TensorInput[] Zeros(ModelSignature signature)
    {
        var inputs = new TensorInput[signature.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var tensor = signature.Inputs[i];
            var itemShape = ItemShape(signature, tensor);
            var count = ShapeText.ElementCount(Array.ConvertAll(itemShape, d => d < 0 ? 1L : d));
            var zero = tensor.Datatype == TensorDatatype.Bytes
                ? JsonSerializer.SerializeToElement(string.Empty)
                : JsonSerializer.SerializeToElement(0);
            inputs[i] = Build(signature, tensor, 1, Enumerable.Repeat(zero, (int)count).ToList(), "warm-up");
        }

        return inputs;
    }

    private static TensorInput Build(ModelSignature signature, TensorSignature tensor, int batch, List<JsonElement> item, string kind)
    {
        var itemShape = ResolveVariableDims(ItemShape(signature, tensor), item.Count, tensor.Name, kind);
        long[] shape = signature.MaxBatchSize > 0 ? [batch, .. itemShape] : itemShape;
        var repeats = signature.MaxBatchSize > 0 ? batch : 1;
        using var data = new MemoryStream();
        for (var r = 0; r < repeats; r++)
        {
            foreach (var element in item)
            {
                Write(data, tensor.Datatype, element, kind);
            }
        }

        return new TensorInput(tensor.Name, tensor.Datatype.ToName(), shape, data.ToArray());
    }

    private static long[] ItemShape(ModelSignature signature, TensorSignature tensor) =>
        signature.MaxBatchSize > 0 ? tensor.Shape[1..] : tensor.Shape;

    /// <summary>Variable dimensions become 1, except the last, which takes what the element count leaves.</summary>
    private static long[] ResolveVariableDims(long[] itemShape, int count, string name, string kind)
    {
        var shape = Array.ConvertAll(itemShape, d => d < 0 ? 1L : d);
        var last = Array.LastIndexOf(itemShape, -1L);
        var fixedCount = ShapeText.ElementCount(shape);
        if (last >= 0 && fixedCount > 0 && count % fixedCount == 0)
        {
            shape[last] = count / fixedCount;
        }

        return ShapeText.ElementCount(shape) == count
            ? shape
            : throw new InvalidDataException($"{kind} data for input '{name}' has {count} elements, which does not fit shape {ShapeText.Format(itemShape)}");
    }

    /// <summary>Nested arrays (as clients and configs may write tensors) flattened in row-major order.</summary>
    internal static void Flatten(JsonElement json, List<JsonElement> into)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            into.Add(json);
            return;
        }

        foreach (var child in json.EnumerateArray())
        {
            Flatten(child, into);
        }
    }

    private static void Write(Stream data, TensorDatatype datatype, JsonElement element, string kind)
    {
        if (datatype == TensorDatatype.Bytes)
        {
            BytesElements.Write(data, Encoding.UTF8.GetBytes(element.ValueKind == JsonValueKind.String
                ? element.GetString()!
                : throw new InvalidDataException($"{kind} value {element} is not a string, as {datatype.ToName()} needs")));
            return;
        }

        Span<byte> bytes = stackalloc byte[8];
        var value = element.ValueKind switch
        {
            JsonValueKind.True => 1.0,
            JsonValueKind.False => 0.0,
            JsonValueKind.Number => element.GetDouble(),
            _ => throw new InvalidDataException($"{kind} value {element} is not a number or boolean, as {datatype.ToName()} needs"),
        };
        var size = datatype.ElementSize();
        switch (datatype)
        {
            case TensorDatatype.Fp32: BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value); break;
            case TensorDatatype.Fp64: BinaryPrimitives.WriteDoubleLittleEndian(bytes, value); break;
            case TensorDatatype.Fp16: BinaryPrimitives.WriteHalfLittleEndian(bytes, (Half)value); break;
            case TensorDatatype.Bf16: BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(BitConverter.SingleToUInt32Bits((float)value) >> 16)); break;
            default: BinaryPrimitives.WriteInt64LittleEndian(bytes, (long)value); break;
        }

        // Integers are written as 64-bit little-endian; their low bytes are the narrower value.
        data.Write(bytes[..size]);
    }
}
