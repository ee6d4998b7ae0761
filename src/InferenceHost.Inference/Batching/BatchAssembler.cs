using System.Buffers;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Inference.Batching;

/// <summary>
/// Joins requests' inputs along dimension 0 into pooled buffers, and hands each request its own rows
/// of the batch's outputs as slices of the result, without copying them.
/// </summary>
internal static class BatchAssembler
{
    /// <summary>
    /// The batch's inputs, each over a buffer rented into <paramref name="rented"/> (give them back with
    /// <see cref="Return"/> once the run is over). Works for BYTES too: its length-prefixed elements concatenate as they are.
    /// </summary>
    public static TensorInput[] Concatenate(IReadOnlyList<BatchRequest> requests, int rows, byte[][] rented)
    {
        var first = requests[0].Inputs;
        var inputs = new TensorInput[first.Length];
        for (var i = 0; i < first.Length; i++)
        {
            var length = 0;
            foreach (var request in requests)
            {
                length = checked(length + request.Inputs[i].Data.Length);
            }

            rented[i] = ArrayPool<byte>.Shared.Rent(length);
            var offset = 0;
            foreach (var request in requests)
            {
                var data = request.Inputs[i].Data.Span;
                data.CopyTo(rented[i].AsSpan(offset));
                offset += data.Length;
            }

            var shape = (long[])first[i].Shape.Clone();
            shape[0] = rows;
            inputs[i] = new TensorInput(first[i].Name, first[i].Datatype, shape, rented[i].AsMemory(0, length));
        }

        return inputs;
    }

    public static void Return(byte[][] rented)
    {
        foreach (var buffer in rented)
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Each request's share of <paramref name="outputs"/>, by its rows, in the batch's order.</summary>
    /// <exception cref="InvalidDataException">An output's first dimension is not the batch's row count.</exception>
    public static TensorOutput[][] Split(TensorOutput[] outputs, IReadOnlyList<BatchRequest> requests, int rows)
    {
        var results = new TensorOutput[requests.Count][];
        for (var r = 0; r < results.Length; r++)
        {
            results[r] = new TensorOutput[outputs.Length];
        }

        for (var o = 0; o < outputs.Length; o++)
        {
            var output = outputs[o];
            if (output.Shape.Length == 0 || output.Shape[0] != rows)
            {
                throw new InvalidDataException(
                    $"output '{output.Name}' has shape {ShapeText.Format(output.Shape)}, which does not start with the batch's {rows} rows");
            }

            if (output.Datatype == TensorDatatype.Bytes)
            {
                SplitBytes(output, requests, rows, results, o);
            }
            else
            {
                SplitFixed(output, requests, rows, results, o);
            }
        }

        return results;
    }

    private static void SplitFixed(TensorOutput output, IReadOnlyList<BatchRequest> requests, int rows, TensorOutput[][] results, int index)
    {
        var rowBytes = output.Data.Length / rows;
        var offset = 0;
        for (var r = 0; r < requests.Count; r++)
        {
            var length = requests[r].Rows * rowBytes;
            results[r][index] = output with { Shape = RowsShape(output.Shape, requests[r].Rows), Data = output.Data.Slice(offset, length) };
            offset += length;
        }
    }

    private static void SplitBytes(TensorOutput output, IReadOnlyList<BatchRequest> requests, int rows, TensorOutput[][] results, int index)
    {
        var rowElements = ShapeText.ElementCount(output.Shape) / rows;
        var remaining = output.Data.Span;
        var start = 0;
        for (var r = 0; r < requests.Count; r++)
        {
            for (var e = requests[r].Rows * rowElements; e > 0; e--)
            {
                BytesElements.ReadNext(ref remaining);
            }

            var end = output.Data.Length - remaining.Length;
            results[r][index] = output with { Shape = RowsShape(output.Shape, requests[r].Rows), Data = output.Data[start..end] };
            start = end;
        }
    }

    private static long[] RowsShape(long[] batchShape, int rows)
    {
        var shape = (long[])batchShape.Clone();
        shape[0] = rows;
        return shape;
    }
}
