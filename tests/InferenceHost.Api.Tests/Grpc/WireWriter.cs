using System.Buffers;
using System.Buffers.Binary;

namespace InferenceHost.Api.Tests.Grpc;

/// <summary>Writes protobuf wire format field by field, so tests can send what the generated writer never would.</summary>
internal sealed class WireWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new();

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    public WireWriter Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    public WireWriter Varint(ulong value)
    {
        while (value >= 0x80)
        {
            Raw([(byte)(value | 0x80)]);
            value >>= 7;
        }

        return Raw([(byte)value]);
    }

    public WireWriter Fixed32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
        return this;
    }

    public WireWriter Fixed64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
        return this;
    }

    /// <summary>A length-delimited value: its length, then its bytes.</summary>
    public WireWriter Bytes(ReadOnlySpan<byte> value) => Varint((uint)value.Length).Raw(value);

    public WireWriter Raw(ReadOnlySpan<byte> bytes)
    {
        buffer.Write(bytes);
        return this;
    }

    public WireWriter Field(int field, ReadOnlySpan<byte> value) => Tag(field, 2).Bytes(value);
}
