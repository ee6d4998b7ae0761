using InferenceHost.ModelBuilder.Onnx;

namespace InferenceHost.ModelBuilder;

/// <summary>A sample model written to <c>models/&lt;Name&gt;/&lt;version&gt;/model.onnx</c>.</summary>
public interface ISampleModel
{
    string Name { get; }

    IReadOnlyList<int> Versions { get; }

    ModelProto Build(int version);
}
