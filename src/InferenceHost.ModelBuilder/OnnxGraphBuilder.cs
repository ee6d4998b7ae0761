using InferenceHost.ModelBuilder.Onnx;
using DataType = InferenceHost.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace InferenceHost.ModelBuilder;

/// <summary>
/// Fluent helper that assembles an ONNX graph (inputs, outputs, initializers, nodes in
/// topological order) and wraps it in a model. Nothing here reads the clock or a random
/// source, so the same calls always serialize to the same bytes.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>IR version 8 (ONNX 1.10): loaded by every ONNX Runtime from 1.10 on, 1.31 included.</summary>
    public const long IrVersion = 8;

    /// <summary>Default-domain opset; 13 is the first with Softmax over a single axis (not "coerce to 2-D").</summary>
    public const long OpsetVersion = 13;

    public const string ProducerName = "InferenceHost.ModelBuilder";

    // Bumped by hand when the writer changes what it emits; never derived from the assembly
    // version, which would make every rebuild of the tool rewrite the committed models.
    public const string ProducerVersion = "1";

    private readonly GraphProto graph;

    public OnnxGraphBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        graph = new GraphProto { Name = name };
    }

    public OnnxGraphBuilder Input(string name, DataType type, params OnnxDim[] shape)
    {
        graph.Input.Add(ValueInfo(name, type, shape));
        return this;
    }

    public OnnxGraphBuilder Output(string name, DataType type, params OnnxDim[] shape)
    {
        graph.Output.Add(ValueInfo(name, type, shape));
        return this;
    }

    /// <summary>Adds a constant. It is not listed as a graph input (IR 4+), so callers cannot override it.</summary>
    public OnnxGraphBuilder Initializer(TensorProto tensor)
    {
        graph.Initializer.Add(tensor);
        return this;
    }

    /// <summary>Adds a default-domain operator; nodes must be added in topological order.</summary>
    public OnnxGraphBuilder Node(
        string name, string opType, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { Name = name, OpType = opType };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return this;
    }

    public ModelProto ToModel(long modelVersion, string docString)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = ProducerVersion,
            ModelVersion = modelVersion,
            DocString = docString,
            Graph = graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = OpsetVersion });
        return model;
    }

    private static ValueInfoProto ValueInfo(string name, DataType type, OnnxDim[] shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.AddRange(shape.Select(ToDimension));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    private static TensorShapeProto.Types.Dimension ToDimension(OnnxDim dim) =>
        dim.Symbol is { } symbol ? new() { DimParam = symbol } : new() { DimValue = dim.Size!.Value };
}
