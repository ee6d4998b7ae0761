using Google.Protobuf;
using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;

namespace InferenceHost.Api.Tests.Hosting;

[Collection(ApiHostCollection.Name)]
public sealed class GrpcEndpointTests(ApiHostFixture host)
{
    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(host.GrpcChannel);

    [Fact]
    public async Task ServerLiveReadyAndMetadata_Answer()
    {
        Assert.True((await Client.ServerLiveAsync(new ServerLiveRequest())).Live);
        Assert.True((await Client.ServerReadyAsync(new ServerReadyRequest())).Ready);
        var metadata = await Client.ServerMetadataAsync(new ServerMetadataRequest());
        Assert.Equal(("inferencehost", "9.9.9"), (metadata.Name, metadata.Version));
        Assert.Equal(["binary_tensor_data", "model_configuration"], metadata.Extensions);
    }

    [Theory]
    [InlineData("echo", "", true)]
    [InlineData("echo", "1", true)]
    [InlineData("echo", "7", false)]
    [InlineData("loading", "", false)]
    [InlineData("nope", "", false)]
    public async Task ModelReady_AnswersReadiness(string name, string version, bool ready)
    {
        Assert.Equal(ready, (await Client.ModelReadyAsync(new ModelReadyRequest { Name = name, Version = version })).Ready);
    }

    [Fact]
    public async Task ModelMetadataAndConfig_DescribeTheModel()
    {
        var metadata = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "echo" });
        var config = (await Client.ModelConfigAsync(new ModelConfigRequest { Name = "echo", Version = "1" })).Config;

        Assert.Equal(["1", "2"], metadata.Versions);
        Assert.Equal(("input", "FP32"), (metadata.Inputs[0].Name, metadata.Inputs[0].Datatype));
        Assert.Equal([-1L, 4], metadata.Inputs[0].Shape);
        Assert.Equal(("echo", "onnxruntime_onnx", "onnxruntime", 8), (config.Name, config.Platform, config.Backend, config.MaxBatchSize));
        Assert.Equal(DataType.TypeFp32, config.Input[0].DataType);
        Assert.Equal([4L], config.Input[0].Dims);
        Assert.Equal(DataType.TypeInt64, config.Output[1].DataType);
        Assert.Empty(config.Output[1].Dims);
        Assert.Equal(ModelInstanceGroup.Types.Kind.Cpu, Assert.Single(config.InstanceGroup).Kind);
    }

    [Fact]
    public async Task RepositoryIndex_ListsStatesAndFiltersReady()
    {
        var all = await Client.RepositoryIndexAsync(new RepositoryIndexRequest());
        var ready = await Client.RepositoryIndexAsync(new RepositoryIndexRequest { Ready = true });

        Assert.Equal(4, all.Models.Count);
        Assert.Equal(("loading", "1", "LOADING", "warming up"), (all.Models[3].Name, all.Models[3].Version, all.Models[3].State, all.Models[3].Reason));
        Assert.Equal(3, ready.Models.Count);
    }

    [Fact]
    public async Task ModelInfer_TypedContents_AnswersTypedContents()
    {
        var request = Request();
        request.Inputs[0].Contents = new InferTensorContents();
        request.Inputs[0].Contents.Fp32Contents.Add([1, 2, 3, 4]);

        var response = await Client.ModelInferAsync(request);

        Assert.Equal(("echo", "2", "g1"), (response.ModelName, response.ModelVersion, response.Id));
        Assert.Empty(response.RawOutputContents);
        Assert.Equal([1f, 2, 3, 4], response.Outputs[0].Contents.Fp32Contents);
        Assert.Equal([0L], response.Outputs[1].Contents.Int64Contents);
    }

    [Fact]
    public async Task ModelInfer_RawContents_AnswersRawContents()
    {
        var request = Request();
        request.ModelVersion = "1";
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(1f, 2f, 3f, 4f)));

        var response = await Client.ModelInferAsync(request);

        Assert.Equal("1", response.ModelVersion);
        Assert.Equal(LittleEndian.Of(1f, 2f, 3f, 4f), response.RawOutputContents[0].ToByteArray());
        Assert.Null(response.Outputs[0].Contents);
    }

    [Theory]
    [InlineData("nope", StatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("loading", StatusCode.Unavailable, "model 'loading' version 1 is Loading: warming up")]
    [InlineData("broken", StatusCode.Internal, "the model crashed: bad node")]
    public async Task ModelInfer_Failures_MapToStatusCodesWithTheSameText(string model, StatusCode code, string message)
    {
        var request = Request();
        request.ModelName = model;
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(1f, 2f, 3f, 4f)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(request).ResponseAsync);

        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task ModelInfer_MalformedContents_IsInvalidArgumentThenStillServes()
    {
        var bad = Request();
        bad.RawInputContents.Add(ByteString.CopyFrom(new byte[3]));
        var good = Request();
        good.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(1f, 2f, 3f, 4f)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(bad).ResponseAsync);
        var response = await Client.ModelInferAsync(good);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("input 'input': shape [1,4] of FP32 needs 16 bytes but raw_input_contents has 3", error.Status.Detail);
        Assert.Equal("2", response.ModelVersion);
    }

    [Fact]
    public async Task ModelInfer_MessageOverTheLimit_IsResourceExhausted()
    {
        var request = Request();
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[ApiHostFixture.MaxRequestBodyBytes + 1]));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ModelMetadata_UnknownModel_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "nope" }).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "unknown model 'nope'"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task TritonRpcNotServed_IsUnimplemented()
    {
        var statistics = new Method<ServerLiveRequest, ServerLiveResponse>(
            MethodType.Unary,
            "inference.GRPCInferenceService",
            "ModelStatistics",
            Marshallers.Create(r => r.ToByteArray(), ServerLiveRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), ServerLiveResponse.Parser.ParseFrom));

        var error = await Assert.ThrowsAsync<RpcException>(
            () => host.GrpcChannel.CreateCallInvoker().AsyncUnaryCall(statistics, null, default, new ServerLiveRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private static ModelInferRequest Request()
    {
        var request = new ModelInferRequest { ModelName = "echo", Id = "g1" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32" };
        input.Shape.Add([1, 4]);
        request.Inputs.Add(input);
        return request;
    }
}
