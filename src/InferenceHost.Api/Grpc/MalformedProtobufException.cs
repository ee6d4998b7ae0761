namespace InferenceHost.Api.Grpc;

/// <summary>
/// Bytes that are not a valid protobuf message, as a hand-written parser finds them; the marshaller
/// answers it with INVALID_ARGUMENT, as it does Google.Protobuf's <c>InvalidProtocolBufferException</c>.
/// </summary>
internal sealed class MalformedProtobufException(string message) : Exception(message);
