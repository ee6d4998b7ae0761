using InferenceHost.ModelBuilder.Onnx;
using DataType = InferenceHost.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace InferenceHost.ModelBuilder;

internal static class DtypeEchoLanes
{
    /// <summary>Adds input <paramref name="name"/> [n_name] → op(input[, operand]) → output name_out [n_name].</summary>
    public static OnnxGraphBuilder Lane(
        this OnnxGraphBuilder builder, string name, DataType type, string opType, TensorProto? operand)
    {
        var output = DtypeEchoReference.OutputName(name);
        var length = "n_" + name;
        builder.Input(name, type, length).Output(output, type, length);
        if (operand is null)
        {
            return builder.Node(name, opType, [name], [output]);
        }

        return builder.Initializer(operand).Node(name, opType, [name, operand.Name], [output]);
    }
}
