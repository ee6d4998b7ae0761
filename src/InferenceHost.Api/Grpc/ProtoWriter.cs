using System.Numerics;
using System.Text;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Writes protobuf wire format into a span sized beforehand with the <c>Size*</c> functions: what the
/// generated messages' <c>WriteTo</c> does, for a reply written without building message objects first.
/// </summary>
internal ref struct ProtoWriter(Span<byte> destination)
{
    private const int VarintType = 0;
    private const int LengthType = 2;

    private readonly Span<byte> destination = destination;

    public int Written { get; private set; }

    public static int SizeOfVarint(ulong value) => (BitOperations.Log2(value | 1) / 7) + 1;

    /// <summary>A length-delimited field of <paramref name="length"/> bytes, tag and length included (fields 1 to 15).</summary>
    public static int SizeOfLengthDelimited(int length) => 1 + SizeOfVarint((uint)length) + length;

    /// <summary>A string field as proto3 writes it: nothing when empty.</summary>
    public static int SizeOfString(string value) => value.Length == 0 ? 0 : SizeOfLengthDelimited(Encoding.UTF8.GetByteCount(value));

    /// <summary>A packed <c>repeated int64</c>'s payload, without tag and length.</summary>
    public static int SizeOfPackedInt64(ReadOnlySpan<long> values)
    {
        var size = 0;
        foreach (var value in values)
        {
            size += SizeOfVarint((ulong)value);
        }

        return size;
    }

    public void WriteVarintField(int field, ulong value)
    {
        WriteTag(field, VarintType);
        WriteVarint(value);
    }

    /// <summary>Nothing when empty, as proto3 writes a string field.</summary>
    public void WriteString(int field, string value)
    {
        if (value.Length > 0)
        {
            WriteStringAlways(field, value);
        }
    }

    /// <summary>Written even when empty, as a oneof member or a map key is.</summary>
    public void WriteStringAlways(int field, string value)
    {
        WriteLengthPrefix(field, Encoding.UTF8.GetByteCount(value));
        Written += Encoding.UTF8.GetBytes(value, destination[Written..]);
    }

    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteLengthPrefix(field, value.Length);
        value.CopyTo(destination[Written..]);
        Written += value.Length;
    }

    /// <summary>The tag and length of an embedded message or packed field whose <paramref name="length"/> bytes follow.</summary>
    public void WriteLengthPrefix(int field, int length)
    {
        WriteTag(field, LengthType);
        WriteVarint((uint)length);
    }

    public void WritePackedInt64(int field, ReadOnlySpan<long> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        WriteLengthPrefix(field, SizeOfPackedInt64(values));
        foreach (var value in values)
        {
            WriteVarint((ulong)value);
        }
    }

    /// <summary>Room for <paramref name="length"/> bytes written by someone else, e.g. a nested message's own writer.</summary>
    public Span<byte> Reserve(int length)
    {
        var span = destination.Slice(Written, length);
        Written += length;
        return span;
    }

    private void WriteTag(int field, int wireType) => WriteVarint((uint)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            destination[Written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[Written++] = (byte)value;
    }
}
