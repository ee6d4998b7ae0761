using InferenceHost.ModelBuilder.Onnx;
using DataType = InferenceHost.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace InferenceHost.ModelBuilder;

/// <summary>Creates named constant tensors (initializers); an empty <c>dims</c> makes a scalar.</summary>
public static class OnnxTensors
{
    public static TensorProto OfFloat(string name, long[] dims, params float[] values) =>
        Create(name, DataType.Float, dims, values.Length, t => t.FloatData.AddRange(values));

    public static TensorProto OfDouble(string name, long[] dims, params double[] values) =>
        Create(name, DataType.Double, dims, values.Length, t => t.DoubleData.AddRange(values));

    public static TensorProto OfInt32(string name, long[] dims, params int[] values) =>
        Create(name, DataType.Int32, dims, values.Length, t => t.Int32Data.AddRange(values));

    public static TensorProto OfInt64(string name, long[] dims, params long[] values) =>
        Create(name, DataType.Int64, dims, values.Length, t => t.Int64Data.AddRange(values));

    private static TensorProto Create(string name, DataType type, long[] dims, int count, Action<TensorProto> fill)
    {
        var expected = dims.Aggregate(1L, (product, dim) => product * dim);
        if (expected != count)
        {
            throw new ArgumentException($"Tensor '{name}' has shape [{string.Join(',', dims)}] but {count} values.", nameof(dims));
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        fill(tensor);
        return tensor;
    }
}
