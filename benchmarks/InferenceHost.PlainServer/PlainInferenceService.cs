using System.Runtime.InteropServices;
using Google.Protobuf;
using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.PlainServer;

/// <summary><c>ModelInfer</c> with one FP32 input in <c>raw_input_contents</c>, outputs in <c>raw_output_contents</c>.</summary>
internal sealed class PlainInferenceService(OnnxModels models) : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        if (models.Find(request.ModelName) is not { } onnx)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no model '{request.ModelName}'"));
        }

        if (request.Inputs.Count != 1 || request.RawInputContents.Count != 1 || request.Inputs[0].Datatype != "FP32")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "one FP32 input in raw_input_contents"));
        }

        var input = request.Inputs[0];
        var data = MemoryMarshal.Cast<byte, float>(request.RawInputContents[0].Span).ToArray();
        using var outputs = onnx.Run(input.Name, data, [.. input.Shape]);
        var response = new ModelInferResponse { ModelName = request.ModelName, ModelVersion = request.ModelVersion };
        for (var i = 0; i < outputs.Count; i++)
        {
            var value = outputs.ElementAt(i);
            var info = value.GetTensorTypeAndShape();
            var isFloat = info.ElementDataType == TensorElementType.Float;
            var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = onnx.OutputNames[i], Datatype = isFloat ? "FP32" : "INT64" };
            tensor.Shape.AddRange(info.Shape);
            response.Outputs.Add(tensor);
            response.RawOutputContents.Add(ByteString.CopyFrom(isFloat
                ? MemoryMarshal.AsBytes(value.GetTensorDataAsSpan<float>())
                : MemoryMarshal.AsBytes(value.GetTensorDataAsSpan<long>())));
        }

        return Task.FromResult(response);
    }
}
