using InferenceHost.Api.Grpc.Protocol;

namespace InferenceHost.Api.Grpc;

/// <summary>One <c>InferParameter</c> as <see cref="GrpcParameters"/> reads it: which member of its oneof is set, and its value.</summary>
/// <param name="Kind">The member set last on the wire; <c>None</c> when none is.</param>
/// <param name="Bits">A varint member's value, or a double's bits.</param>
/// <param name="Text">The <c>string_param</c>; null for the other kinds.</param>
internal readonly record struct GrpcParameter(InferParameter.ParameterChoiceOneofCase Kind, ulong Bits, string? Text)
{
    public bool BoolValue => Bits != 0;

    public long Int64Value => (long)Bits;

    public ulong Uint64Value => Bits;

    public double DoubleValue => BitConverter.UInt64BitsToDouble(Bits);
}
