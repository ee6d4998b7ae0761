using Google.Protobuf;
using Grpc.Core;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Routing;

[Collection(RoutingHostCollection.Name)]
public sealed class GrpcRoutingTests(InferenceHostFixture fixture)
{
    private readonly RoutingHost _host = new(fixture);

    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(fixture.GrpcChannel);

    [Fact]
    public async Task ModelInfer_PinnedSlot_SaysWhatServedInParametersAndTrailers()
    {
        var table = await _host.DeployAsync(
            new Deployment(new SlotAssignment("1", 100), new SlotAssignment("2", 0), null, ServingSlot.Blue, null));

        using var call = Client.ModelInferAsync(Request(), new Metadata { { RoutingHeaders.Slot, SlotNames.Green } });
        var response = await call.ResponseAsync;
        var trailers = call.GetTrailers();

        Assert.Equal("2", response.ModelVersion);
        Assert.Equal(("2", SlotNames.Green, RouteReasons.Pinned, table.Revision), Parameters(response));
        Assert.Equal(("2", SlotNames.Green, RouteReasons.Pinned), (trailers.GetValue(RoutingHeaders.ModelVersion), trailers.GetValue(RoutingHeaders.Slot), trailers.GetValue(RoutingHeaders.Reason)));
        Assert.Equal($"{table.Revision}", trailers.GetValue(RoutingHeaders.Revision));
    }

    [Fact]
    public async Task ModelInfer_VersionlessAfterDeploy_IsAWeightedPickOfTheDeployedVersion()
    {
        var table = await _host.DeployAsync(Deployment.Single("2"));

        var response = await Client.ModelInferAsync(Request());

        Assert.Equal("2", response.ModelVersion);
        Assert.Equal(("2", SlotNames.Blue, RouteReasons.Weighted, table.Revision), Parameters(response));
    }

    [Fact]
    public async Task ModelInfer_RoutingParameterOrMetadata_IsSticky()
    {
        await _host.DeployAsync(new Deployment(new SlotAssignment("1", 50), null, new SlotAssignment("2", 50), ServingSlot.Blue, null));

        for (var k = 0; k < 8; k++)
        {
            var key = $"device-{k}";
            var expected = RoutePicker.StickyPoint(key) < 0.5 ? "2" : "1";
            var byParameter = Request();
            byParameter.Parameters["routing_key"] = new InferParameter { StringParam = key };

            var viaParameter = await Client.ModelInferAsync(byParameter);
            var viaMetadata = await Client.ModelInferAsync(Request(), new Metadata { { RoutingHeaders.RoutingKey, key } });

            Assert.Equal((expected, RouteReasons.Sticky), (viaParameter.ModelVersion, viaParameter.Parameters[RoutingHeaders.Reason].StringParam));
            Assert.Equal((expected, RouteReasons.Sticky), (viaMetadata.ModelVersion, viaMetadata.Parameters[RoutingHeaders.Reason].StringParam));
        }
    }

    [Fact]
    public async Task ModelInfer_UnknownPinnedSlot_IsInvalidArgument()
    {
        await _host.DeployAsync(Deployment.Single("1"));

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Client.ModelInferAsync(Request(), new Metadata { { RoutingHeaders.Slot, "teal" } }).ResponseAsync);

        Assert.Equal(
            (StatusCode.InvalidArgument, "x-inference-slot 'teal' is not a serving slot; use blue, green or canary"),
            (error.StatusCode, error.Status.Detail));
    }

    private static (string, string, string, long) Parameters(ModelInferResponse response) => (
        response.Parameters[RoutingHeaders.ModelVersion].StringParam,
        response.Parameters[RoutingHeaders.Slot].StringParam,
        response.Parameters[RoutingHeaders.Reason].StringParam,
        response.Parameters[RoutingHeaders.Revision].Int64Param);

    internal static ModelInferRequest Request()
    {
        var request = new ModelInferRequest { ModelName = RoutingHost.Model, Id = "g-routing" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32" };
        input.Shape.Add([1, 4]);
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(Hosting.IrisAssert.OneFlower)));
        return request;
    }
}
