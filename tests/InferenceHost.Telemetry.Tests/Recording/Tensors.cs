using System.Buffers.Binary;
using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Telemetry.Tests.Recording;

/// <summary>Requests and responses as the replica returns them, in the v2 little-endian layout.</summary>
internal static class Tensors
{
    public static InferenceTensor Fp32(string name, long[] shape, params float[] values)
    {
        var data = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), values[i]);
        }

        return new InferenceTensor(name, "FP32", shape, data);
    }

    public static InferenceTensor Fp64(string name, long[] shape, params double[] values)
    {
        var data = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * 8), values[i]);
        }

        return new InferenceTensor(name, "FP64", shape, data);
    }

    public static InferenceTensor Fp16(string name, long[] shape, params float[] values)
    {
        var data = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(i * 2), (Half)values[i]);
        }

        return new InferenceTensor(name, "FP16", shape, data);
    }

    public static InferenceTensor Int64(string name, long[] shape, params long[] values)
    {
        var data = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(i * 8), values[i]);
        }

        return new InferenceTensor(name, "INT64", shape, data);
    }

    /// <summary>A request of <paramref name="batch"/> rows of four features.</summary>
    public static InferenceRequest Request(string? id, int batch = 1) =>
        new(id, [Fp32("input", [batch, 4], new float[batch * 4])], []);

    public static InferenceResponse Response(params InferenceTensor[] outputs) => new("iris", "1", null, outputs);
}
