using System.Buffers.Binary;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>FP32 tensors in the v2 binary layout: little-endian, densely packed.</summary>
internal static class FloatBytes
{
    public static byte[] ToBytes(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return bytes;
    }

    public static float[] ToFloats(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return values;
    }
}
