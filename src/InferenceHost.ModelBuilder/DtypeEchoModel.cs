using InferenceHost.ModelBuilder.Onnx;
using DataType = InferenceHost.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace InferenceHost.ModelBuilder;

/// <summary>
/// dtype-echo: six independent 1-D lanes, one per v2 datatype (FP32, FP64, INT32, INT64, BOOL,
/// BYTES as ONNX STRING). Each input has its own length symbol, so lanes may differ in length.
/// </summary>
internal sealed class DtypeEchoModel : ISampleModel
{
    public string Name => DtypeEchoReference.ModelName;

    public IReadOnlyList<int> Versions { get; } = [1];

    public ModelProto Build(int version)
    {
        if (version != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "dtype-echo has only version 1.");
        }

        return new OnnxGraphBuilder(Name)
            .Lane("fp32", DataType.Float, "Mul", OnnxTensors.OfFloat("fp32_factor", [], DtypeEchoReference.Fp32Factor))
            .Lane("fp64", DataType.Double, "Add", OnnxTensors.OfDouble("fp64_offset", [], DtypeEchoReference.Fp64Offset))
            .Lane("int32", DataType.Int32, "Add", OnnxTensors.OfInt32("int32_offset", [], DtypeEchoReference.Int32Offset))
            .Lane("int64", DataType.Int64, "Mul", OnnxTensors.OfInt64("int64_factor", [], DtypeEchoReference.Int64Factor))
            .Lane("bool", DataType.Bool, "Not", operand: null)
            .Lane("text", DataType.String, "Identity", operand: null)
            .ToModel(version, "Echoes every v2 JSON datatype: fp32*2, fp64+0.5, int32+7, int64*3, not bool, text unchanged.");
    }
}
