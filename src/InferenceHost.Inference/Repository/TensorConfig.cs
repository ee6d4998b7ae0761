namespace InferenceHost.Inference.Repository;

/// <summary>An input or output as a model's config.json declares it.</summary>
/// <param name="Name">Tensor name in the ONNX graph.</param>
/// <param name="Datatype">v2 datatype name, e.g. <c>FP32</c>.</param>
/// <param name="Shape">Shape without the batch dimension when the model batches; -1 = variable.</param>
public sealed record TensorConfig(string Name, string Datatype, long[] Shape);
