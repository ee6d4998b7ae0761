using Google.Protobuf;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.MicroBenchmarks.Inputs;

/// <summary><c>ModelInfer</c> requests for a workload, with typed contents or raw input contents.</summary>
internal static class GrpcRequests
{
    /// <summary>The input in <c>contents.fp32_contents</c>.</summary>
    public static ModelInferRequest Typed(ModelWorkload workload)
    {
        var input = Input(workload);
        input.Contents = new InferTensorContents();
        input.Contents.Fp32Contents.AddRange(workload.Input);
        return Request(workload, input);
    }

    /// <summary>The input in <c>raw_input_contents</c>, as the end-to-end load generator sends it.</summary>
    public static ModelInferRequest Raw(ModelWorkload workload)
    {
        var request = Request(workload, Input(workload));
        request.RawInputContents.Add(ByteString.CopyFrom(FloatBytes.ToBytes(workload.Input)));
        return request;
    }

    private static ModelInferRequest.Types.InferInputTensor Input(ModelWorkload workload)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = workload.InputName, Datatype = "FP32" };
        input.Shape.AddRange(workload.InputShape);
        return input;
    }

    private static ModelInferRequest Request(ModelWorkload workload, ModelInferRequest.Types.InferInputTensor input)
    {
        var request = new ModelInferRequest { ModelName = workload.Model, ModelVersion = ModelWorkload.Version };
        request.Inputs.Add(input);
        return request;
    }
}
