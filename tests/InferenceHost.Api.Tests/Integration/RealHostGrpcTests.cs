using Google.Protobuf;
using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Integration;

[Collection(ApiHostCollection.Name)]
public sealed class RealHostGrpcTests(ApiHostFixture host)
{
    private static readonly float[] TwoFlowers = [5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f];

    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(host.GrpcChannel);

    [Fact]
    public async Task ServerRpcs_Answer()
    {
        Assert.True((await Client.ServerLiveAsync(new ServerLiveRequest())).Live);
        Assert.True((await Client.ServerReadyAsync(new ServerReadyRequest())).Ready);
        Assert.Equal("inferencehost", (await Client.ServerMetadataAsync(new ServerMetadataRequest())).Name);
    }

    [Fact]
    public async Task ModelRpcs_DescribeIris()
    {
        var metadata = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "iris-mlp" });
        var config = (await Client.ModelConfigAsync(new ModelConfigRequest { Name = "iris-mlp" })).Config;
        var index = await Client.RepositoryIndexAsync(new RepositoryIndexRequest { Ready = true });

        Assert.True((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "iris-mlp", Version = "2" })).Ready);
        Assert.False((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "nope" })).Ready);
        Assert.Equal(["1", "2", "3"], metadata.Versions);
        Assert.Equal([-1L, 4], metadata.Inputs[0].Shape);
        Assert.Equal((64, DataType.TypeFp32), (config.MaxBatchSize, config.Input[0].DataType));
        Assert.Equal([4L], config.Input[0].Dims);
        Assert.Equal(3, index.Models.Count(m => m.Name == "iris-mlp" && m.State == "READY"));
    }

    [Fact]
    public async Task ModelInfer_TypedAndRaw_GiveTheSameAnswer()
    {
        var typedRequest = IrisRequest();
        typedRequest.Inputs[0].Contents = new InferTensorContents();
        typedRequest.Inputs[0].Contents.Fp32Contents.Add(TwoFlowers);
        var rawRequest = IrisRequest();
        rawRequest.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(TwoFlowers)));

        var typed = await Client.ModelInferAsync(typedRequest);
        var raw = await Client.ModelInferAsync(rawRequest);

        Assert.Equal(("iris-mlp", "3", "g-1"), (typed.ModelName, typed.ModelVersion, typed.Id));
        Assert.Empty(typed.RawOutputContents);
        Assert.Equal(6, typed.Outputs[0].Contents.Fp32Contents.Count);
        Assert.Equal([2L, 3], typed.Outputs[0].Shape);
        Assert.Equal(2, typed.Outputs[1].Contents.Int64Contents.Count);
        Assert.Equal(2, raw.RawOutputContents.Count);
        Assert.Equal(LittleEndian.Of([.. typed.Outputs[0].Contents.Fp32Contents]), raw.RawOutputContents[0].ToByteArray());
        Assert.Equal(LittleEndian.Of([.. typed.Outputs[1].Contents.Int64Contents]), raw.RawOutputContents[1].ToByteArray());
    }

    [Fact]
    public async Task ModelInfer_PinnedVersionAndRequestedOutput_AreHonoured()
    {
        var request = IrisRequest();
        request.ModelVersion = "1";
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(TwoFlowers)));
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "label" });

        var response = await Client.ModelInferAsync(request);

        Assert.Equal("1", response.ModelVersion);
        Assert.Equal("label", Assert.Single(response.Outputs).Name);
    }

    [Fact]
    public async Task ModelInfer_DtypeEchoTyped_CarriesEveryTypedFieldThroughTheModel()
    {
        var request = new ModelInferRequest { ModelName = "dtype-echo" };
        request.Inputs.Add(Typed("fp32", "FP32", 2, c => c.Fp32Contents.Add([1.5f, -2f])));
        request.Inputs.Add(Typed("fp64", "FP64", 1, c => c.Fp64Contents.Add(0.25)));
        request.Inputs.Add(Typed("int32", "INT32", 2, c => c.IntContents.Add([int.MinValue, 7])));
        request.Inputs.Add(Typed("int64", "INT64", 1, c => c.Int64Contents.Add(-4_000_000_000)));
        request.Inputs.Add(Typed("bool", "BOOL", 2, c => c.BoolContents.Add([true, false])));
        request.Inputs.Add(Typed("text", "BYTES", 2, c => c.BytesContents.Add([ByteString.CopyFromUtf8("héllo"), ByteString.Empty])));

        var response = await Client.ModelInferAsync(request);

        var outputs = response.Outputs.ToDictionary(o => o.Name, o => o.Contents);
        Assert.Equal([3f, -4f], outputs["fp32_out"].Fp32Contents);
        Assert.Equal([0.75], outputs["fp64_out"].Fp64Contents);
        Assert.Equal([int.MinValue + 7, 14], outputs["int32_out"].IntContents);
        Assert.Equal([-12_000_000_000L], outputs["int64_out"].Int64Contents);
        Assert.Equal([false, true], outputs["bool_out"].BoolContents);
        Assert.Equal(["héllo", string.Empty], outputs["text_out"].BytesContents.Select(b => b.ToStringUtf8()));
    }

    [Fact]
    public async Task ModelInfer_UnknownModel_IsNotFound()
    {
        var request = IrisRequest();
        request.ModelName = "nope";
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(TwoFlowers)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "unknown model 'nope'"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task ModelInfer_WrongDatatype_IsInvalidArgumentThenStillServes()
    {
        var bad = IrisRequest();
        bad.Inputs[0].Datatype = "FP64";
        bad.RawInputContents.Add(ByteString.CopyFrom(new byte[64]));
        var good = IrisRequest();
        good.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(TwoFlowers)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(bad).ResponseAsync);
        var response = await Client.ModelInferAsync(good);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("input 'input' has datatype FP64, but the model expects FP32", error.Status.Detail);
        Assert.Equal(2, response.RawOutputContents.Count);
    }

    private static ModelInferRequest IrisRequest()
    {
        var request = new ModelInferRequest { ModelName = "iris-mlp", Id = "g-1" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32" };
        input.Shape.Add([2, 4]);
        request.Inputs.Add(input);
        return request;
    }

    private static ModelInferRequest.Types.InferInputTensor Typed(string name, string datatype, long length, Action<InferTensorContents> fill)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatype, Contents = new InferTensorContents() };
        input.Shape.Add(length);
        fill(input.Contents);
        return input;
    }
}
