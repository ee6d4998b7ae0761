using InferenceHost.ModelBuilder.Onnx;
using DataType = InferenceHost.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace InferenceHost.ModelBuilder;

/// <summary>
/// iris-mlp: input [batch,4] → Gemm → Relu → Gemm → Softmax(axis 1) → "probabilities" [batch,3],
/// and ArgMax(axis 1, keepdims 0) over them → "label" [batch].
/// </summary>
internal sealed class IrisMlpModel : ISampleModel
{
    public string Name => IrisMlpReference.ModelName;

    public IReadOnlyList<int> Versions => IrisMlpReference.Versions;

    public ModelProto Build(int version)
    {
        var w = IrisMlpWeights.ForVersion(version);
        const int features = IrisMlpWeights.Features, hidden = IrisMlpWeights.Hidden, classes = IrisMlpWeights.Classes;
        return new OnnxGraphBuilder(Name)
            .Input(IrisMlpReference.InputName, DataType.Float, "batch", features)
            .Output(IrisMlpReference.ProbabilitiesName, DataType.Float, "batch", classes)
            .Output(IrisMlpReference.LabelName, DataType.Int64, "batch")
            .Initializer(OnnxTensors.OfFloat("fc1.weight", [hidden, features], w.Fc1Weight))
            .Initializer(OnnxTensors.OfFloat("fc1.bias", [hidden], w.Fc1Bias))
            .Initializer(OnnxTensors.OfFloat("fc2.weight", [classes, hidden], w.Fc2Weight))
            .Initializer(OnnxTensors.OfFloat("fc2.bias", [classes], w.Fc2Bias))
            .Node("fc1", "Gemm", [IrisMlpReference.InputName, "fc1.weight", "fc1.bias"], ["fc1.out"], OnnxAttributes.OfInt("transB", 1))
            .Node("relu", "Relu", ["fc1.out"], ["relu.out"])
            .Node("fc2", "Gemm", ["relu.out", "fc2.weight", "fc2.bias"], ["logits"], OnnxAttributes.OfInt("transB", 1))
            .Node("softmax", "Softmax", ["logits"], [IrisMlpReference.ProbabilitiesName], OnnxAttributes.OfInt("axis", 1))
            .Node("argmax", "ArgMax", [IrisMlpReference.ProbabilitiesName], [IrisMlpReference.LabelName],
                OnnxAttributes.OfInt("axis", 1), OnnxAttributes.OfInt("keepdims", 0))
            .ToModel(version, DocString(version));
    }

    private static string DocString(int version) => version switch
    {
        1 => "Iris classifier (setosa, versicolor, virginica) from sepal length/width and petal length/width in cm; hand-picked 4-8-3 MLP.",
        2 => "As version 1, with the virginica logit raised by 1.5: probability shifts toward class 2.",
        _ => "As version 1, with all logits doubled: sharper probabilities, the same labels.",
    };
}
