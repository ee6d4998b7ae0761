using InferenceHost.ModelBuilder.Onnx;
using AttributeType = InferenceHost.ModelBuilder.Onnx.AttributeProto.Types.AttributeType;

namespace InferenceHost.ModelBuilder;

/// <summary>Creates node attributes with the type discriminator ONNX requires since IR version 2.</summary>
public static class OnnxAttributes
{
    public static AttributeProto OfInt(string name, long value) =>
        new() { Name = name, Type = AttributeType.Int, I = value };
}
