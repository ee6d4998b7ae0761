using System.Net;
using System.Text;
using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>
/// A model that fails while running (<c>gather-lookup</c> given an index outside its table) is
/// a server error on both protocols, carries ONNX Runtime's reason, and leaves the model serving.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class ModelFailureEndpointTests(ApiHostFixture host)
{
    private const long OutOfRange = 12;

    private const string FailurePrefix = "model 'gather-lookup' version '1' failed: ";

    // ONNX Runtime's CPU Gather kernel words its bounds check so; the rest of its message (error
    // code, node name) is ONNX Runtime's to change.
    private static readonly string BoundsFragment =
        $"indices element out of data bounds, idx={OutOfRange} must be within the inclusive range [-{GatherLookupReference.TableSize},{GatherLookupReference.TableSize - 1}]";

    private static readonly long[] GoodIndices = [0, 9, -1];

    private static readonly Uri Infer = new($"/v2/models/{GatherLookupReference.ModelName}/infer", UriKind.Relative);

    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(host.GrpcChannel);

    [Fact]
    public async Task Infer_IndicesInRange_AnswersTableEntries()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Infer, JsonRequest(GoodIndices)));

        var output = Assert.Single(json.GetProperty("outputs").EnumerateArray());
        Assert.Equal(("value", "FP32", "[3]"), (output.GetProperty("name").GetString(), output.GetProperty("datatype").GetString(), output.GetProperty("shape").GetRawText()));
        Assert.Equal(GatherLookupReference.Lookup(GoodIndices), output.GetProperty("data").EnumerateArray().Select(e => e.GetSingle()));
    }

    [Fact]
    public async Task Infer_IndexOutOfRange_Answers500WithOnnxRuntimeReasonThenStillServes()
    {
        var message = await HttpAssert.ErrorMessageAsync(
            await host.Http.PostAsync(Infer, JsonRequest([OutOfRange])), HttpStatusCode.InternalServerError);

        AssertModelFailure(message);
        await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Infer, JsonRequest(GoodIndices)));
    }

    [Fact]
    public async Task ModelInfer_IndexOutOfRange_IsInternalWithOnnxRuntimeReasonThenStillServes()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(GrpcRequest([OutOfRange])).ResponseAsync);
        var response = await Client.ModelInferAsync(GrpcRequest(GoodIndices));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        AssertModelFailure(error.Status.Detail);
        Assert.Equal((GatherLookupReference.ModelName, "1"), (response.ModelName, response.ModelVersion));
        Assert.Equal(GatherLookupReference.Lookup(GoodIndices), Assert.Single(response.Outputs).Contents.Fp32Contents);
    }

    private static void AssertModelFailure(string message)
    {
        Assert.StartsWith(FailurePrefix, message, StringComparison.Ordinal);
        Assert.Contains(BoundsFragment, message, StringComparison.Ordinal);
    }

    private static StringContent JsonRequest(long[] indices) => new(
        $$"""{"inputs":[{"name":"index","shape":[{{indices.Length}}],"datatype":"INT64","data":[{{string.Join(',', indices)}}]}]}""",
        Encoding.UTF8,
        "application/json");

    private static ModelInferRequest GrpcRequest(long[] indices)
    {
        var input = new ModelInferRequest.Types.InferInputTensor
        {
            Name = GatherLookupReference.InputName,
            Datatype = "INT64",
            Contents = new InferTensorContents(),
        };
        input.Shape.Add(indices.Length);
        input.Contents.Int64Contents.Add(indices);
        var request = new ModelInferRequest { ModelName = GatherLookupReference.ModelName };
        request.Inputs.Add(input);
        return request;
    }
}
