using System.Runtime.InteropServices;
using System.Text;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Inference.Tests;

/// <summary>Request tensors in the v2 binary layout, and results read back from it.</summary>
internal static class TestTensors
{
    public static TensorInput Fp32(string name, long[] shape, params float[] values) => Of(name, "FP32", shape, values);

    /// <summary>A fixed-size tensor whose bytes are <paramref name="values"/> as laid out in memory (little-endian).</summary>
    public static TensorInput Of<T>(string name, string datatype, long[] shape, T[] values)
        where T : unmanaged =>
        new(name, datatype, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    /// <summary>A 1-D BOOL tensor, one byte per element.</summary>
    public static TensorInput Bool(string name, params bool[] values) =>
        new(name, "BOOL", [values.Length], Array.ConvertAll(values, v => v ? (byte)1 : (byte)0));

    /// <summary>A 1-D BYTES tensor: each element a 4-byte little-endian length, then its UTF-8 bytes.</summary>
    public static TensorInput Bytes(string name, params string[] values)
    {
        using var data = new MemoryStream();
        foreach (var value in values)
        {
            BytesElements.Write(data, Encoding.UTF8.GetBytes(value));
        }

        return new TensorInput(name, "BYTES", [values.Length], data.ToArray());
    }

    public static T[] Read<T>(TensorOutput output)
        where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(output.Data.Span).ToArray();

    public static bool[] ReadBool(TensorOutput output) => Array.ConvertAll(output.Data.ToArray(), b => b != 0);

    public static string[] ReadStrings(TensorOutput output)
    {
        var values = new List<string>();
        var remaining = output.Data.Span;
        while (!remaining.IsEmpty)
        {
            values.Add(Encoding.UTF8.GetString(BytesElements.ReadNext(ref remaining)));
        }

        return [.. values];
    }

    public static TensorOutput Named(this IEnumerable<TensorOutput> outputs, string name) => outputs.Single(o => o.Name == name);
}
