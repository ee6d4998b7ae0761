using System.Buffers;

namespace InferenceHost.Api.Grpc;

/// <summary>A request message the server reads with its own parser rather than a generated <c>MessageParser</c>.</summary>
/// <typeparam name="TSelf">The parsed message's type.</typeparam>
internal interface IHandParsedMessage<TSelf>
    where TSelf : class, IHandParsedMessage<TSelf>
{
    /// <summary>The protobuf message's name, for errors.</summary>
    static abstract string ProtoName { get; }

    /// <summary>Parses the message from gRPC's buffer, which is only valid during the call.</summary>
    /// <exception cref="MalformedProtobufException">The bytes are not a valid message.</exception>
    static abstract TSelf Parse(ReadOnlySequence<byte> payload);
}
