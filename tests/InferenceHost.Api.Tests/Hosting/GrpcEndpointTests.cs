using Google.Protobuf;
using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Inference.Execution;

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
        Assert.Equal(("inferencehost", ApiHostFixture.ServerVersion), (metadata.Name, metadata.Version));
        Assert.Equal(["binary_tensor_data", "model_configuration"], metadata.Extensions);
    }

    [Theory]
    [InlineData("iris-mlp", "", true)]
    [InlineData("iris-mlp", "1", true)]
    [InlineData("iris-mlp", "7", false)]
    [InlineData("broken", "", false)]
    [InlineData("broken", "1", false)]
    [InlineData("nope", "", false)]
    public async Task ModelReady_AnswersReadiness(string name, string version, bool ready)
    {
        Assert.Equal(ready, (await Client.ModelReadyAsync(new ModelReadyRequest { Name = name, Version = version })).Ready);
    }

    [Fact]
    public async Task ModelMetadataAndConfig_DescribeTheModel()
    {
        var metadata = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "iris-mlp" });
        var config = (await Client.ModelConfigAsync(new ModelConfigRequest { Name = "iris-mlp", Version = "1" })).Config;

        Assert.Equal(["1", "2", "3"], metadata.Versions);
        Assert.Equal(("input", "FP32"), (metadata.Inputs[0].Name, metadata.Inputs[0].Datatype));
        Assert.Equal([-1L, 4], metadata.Inputs[0].Shape);
        Assert.Equal(["probabilities", "label"], metadata.Outputs.Select(o => o.Name));
        Assert.Equal(("iris-mlp", "onnxruntime_onnx", "onnxruntime", 64), (config.Name, config.Platform, config.Backend, config.MaxBatchSize));
        Assert.Equal(DataType.TypeFp32, config.Input[0].DataType);
        Assert.Equal([4L], config.Input[0].Dims);
        Assert.Equal([3L], config.Output[0].Dims);
        Assert.Equal(DataType.TypeInt64, config.Output[1].DataType);
        Assert.Empty(config.Output[1].Dims);
        var kind = host.Loaded("iris-mlp", "1").Device == ExecutionDevice.Gpu ? ModelInstanceGroup.Types.Kind.Gpu : ModelInstanceGroup.Types.Kind.Cpu;
        Assert.Equal(kind, Assert.Single(config.InstanceGroup).Kind);
    }

    [Fact]
    public async Task RepositoryIndex_ListsStatesAndFiltersReady()
    {
        var all = await Client.RepositoryIndexAsync(new RepositoryIndexRequest());
        var ready = await Client.RepositoryIndexAsync(new RepositoryIndexRequest { Ready = true });

        Assert.Equal(6, all.Models.Count);
        Assert.Equal(("broken", "1", "UNAVAILABLE", host.BrokenReason), (all.Models[0].Name, all.Models[0].Version, all.Models[0].State, all.Models[0].Reason));
        Assert.Equal(["dtype-echo", "gather-lookup", "iris-mlp", "iris-mlp", "iris-mlp"], ready.Models.Select(m => m.Name));
        Assert.All(ready.Models, m => Assert.Equal(("READY", string.Empty), (m.State, m.Reason)));
    }

    [Fact]
    public async Task ModelInfer_TypedContents_AnswersTypedContents()
    {
        var request = Request();
        request.Inputs[0].Contents = new InferTensorContents();
        request.Inputs[0].Contents.Fp32Contents.Add(IrisAssert.OneFlower);

        var response = await Client.ModelInferAsync(request);

        Assert.Equal(("iris-mlp", "3", "g1"), (response.ModelName, response.ModelVersion, response.Id));
        Assert.Empty(response.RawOutputContents);
        Assert.Equal(("probabilities", "FP32"), (response.Outputs[0].Name, response.Outputs[0].Datatype));
        Assert.Equal([1L, 3], response.Outputs[0].Shape);
        IrisAssert.Probabilities(3, IrisAssert.OneFlower, response.Outputs[0].Contents.Fp32Contents);
        Assert.Equal(("label", "INT64"), (response.Outputs[1].Name, response.Outputs[1].Datatype));
        Assert.Equal(IrisAssert.Labels(3, IrisAssert.OneFlower), response.Outputs[1].Contents.Int64Contents);
    }

    [Fact]
    public async Task ModelInfer_RawContents_AnswersRawContents()
    {
        var request = Request();
        request.ModelVersion = "1";
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(IrisAssert.OneFlower)));

        var response = await Client.ModelInferAsync(request);

        Assert.Equal("1", response.ModelVersion);
        Assert.Equal(2, response.RawOutputContents.Count);
        IrisAssert.Probabilities(1, IrisAssert.OneFlower, response.RawOutputContents[0].ToByteArray());
        Assert.Equal(LittleEndian.Of(IrisAssert.Labels(1, IrisAssert.OneFlower)), response.RawOutputContents[1].ToByteArray());
        Assert.All(response.Outputs, o => Assert.Null(o.Contents));
    }

    /// <summary>
    /// Large messages (here a full batch with an id long enough to pass the pooling threshold) are copied into
    /// pooled arrays that later requests reuse: many in flight at once, each answers for its own input.
    /// </summary>
    [Fact]
    public async Task ModelInfer_LargeMessagesInParallel_EachAnswersItsOwnInput()
    {
        const int Flowers = 64;
        var random = new Random(7);

        await Parallel.ForAsync(0, 160, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancellationToken) =>
        {
            var flowers = IrisAssert.RandomFlowers(random, Flowers);

            var request = Request();
            request.Id = $"{i}-" + new string('x', 20_000);
            request.Inputs[0].Shape[0] = Flowers;
            request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(flowers)));

            var response = await Client.ModelInferAsync(request, cancellationToken: cancellationToken);

            Assert.Equal(request.Id, response.Id);
            IrisAssert.Probabilities(3, flowers, response.RawOutputContents[0].ToByteArray());
        });
    }

    [Theory]
    [InlineData("nope", StatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("broken", StatusCode.Unavailable, "model 'broken' has no ready version")]
    public async Task ModelInfer_Failures_MapToStatusCodesWithTheSameText(string model, StatusCode code, string message)
    {
        var request = Request();
        request.ModelName = model;
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(IrisAssert.OneFlower)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(request).ResponseAsync);

        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task ModelInfer_MalformedContents_IsInvalidArgumentThenStillServes()
    {
        var bad = Request();
        bad.RawInputContents.Add(ByteString.CopyFrom(new byte[3]));
        var good = Request();
        good.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(IrisAssert.OneFlower)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(bad).ResponseAsync);
        var response = await Client.ModelInferAsync(good);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("input 'input': shape [1,4] of FP32 needs 16 bytes but raw_input_contents has 3", error.Status.Detail);
        Assert.Equal("3", response.ModelVersion);
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
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync("inference.GRPCInferenceService", "ModelStatistics"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task UnknownService_IsUnimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync("nope.NoSuchService", "ServerLive"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.True((await Client.ServerLiveAsync(new ServerLiveRequest())).Live);
    }

    /// <summary>Calls any method by name with an empty <c>ServerLiveRequest</c>, as a client of another proto would.</summary>
    private Task<ServerLiveResponse> CallAsync(string service, string method) =>
        host.GrpcChannel.CreateCallInvoker().AsyncUnaryCall(
            new Method<ServerLiveRequest, ServerLiveResponse>(
                MethodType.Unary,
                service,
                method,
                Marshallers.Create(r => r.ToByteArray(), ServerLiveRequest.Parser.ParseFrom),
                Marshallers.Create(r => r.ToByteArray(), ServerLiveResponse.Parser.ParseFrom)),
            null,
            default,
            new ServerLiveRequest()).ResponseAsync;

    private static ModelInferRequest Request()
    {
        var request = new ModelInferRequest { ModelName = "iris-mlp", Id = "g1" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32" };
        input.Shape.Add([1, 4]);
        request.Inputs.Add(input);
        return request;
    }
}
