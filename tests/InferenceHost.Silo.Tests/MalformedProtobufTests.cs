using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>A hostile gRPC client sending bytes that are not a protobuf message.</summary>
public sealed class MalformedProtobufTests(InferenceHostFixture host) : IClassFixture<InferenceHostFixture>
{
    [Fact]
    public async Task ModelInfer_GarbageMessage_IsInvalidArgumentThenStillServes()
    {
        // Field 1 claims a 100-byte string but the message ends after 3.
        byte[] garbage = [0x0A, 100, (byte)'i', (byte)'r', (byte)'i'];

        var error = await Assert.ThrowsAsync<RpcException>(
            () => host.GrpcChannel.CreateCallInvoker().AsyncUnaryCall(RawGrpcMethods.ModelInfer, null, default, garbage).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("malformed ModelInferRequest protobuf", error.Status.Detail);
        var live = await new GRPCInferenceService.GRPCInferenceServiceClient(host.GrpcChannel).ServerLiveAsync(new ServerLiveRequest());
        Assert.True(live.Live);
    }
}
