using Grpc.Core;

namespace InferenceHost.Tests.Common;

/// <summary>The host's RPCs with bytes for messages, sent and read as they are: for tests of what the server does with any wire form.</summary>
public static class RawGrpcMethods
{
    public static Method<byte[], byte[]> ModelInfer { get; } = new(
        MethodType.Unary,
        "inference.GRPCInferenceService",
        "ModelInfer",
        Marshallers.Create(bytes => bytes, bytes => bytes),
        Marshallers.Create(bytes => bytes, bytes => bytes));
}
