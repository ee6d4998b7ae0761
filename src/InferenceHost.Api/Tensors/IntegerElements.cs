using System.Buffers.Binary;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Tensors;

/// <summary>Ranges and little-endian writes of the integer datatypes up to 64 bits (signed, and unsigned up to 32).</summary>
internal static class IntegerElements
{
    /// <summary>The values <paramref name="type"/> can hold; INT64's full range for the 64-bit types.</summary>
    public static (long Min, long Max) Range(TensorDatatype type) => type switch
    {
        TensorDatatype.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        TensorDatatype.Int16 => (short.MinValue, short.MaxValue),
        TensorDatatype.Int32 => (int.MinValue, int.MaxValue),
        TensorDatatype.UInt8 => (byte.MinValue, byte.MaxValue),
        TensorDatatype.UInt16 => (ushort.MinValue, ushort.MaxValue),
        TensorDatatype.UInt32 => (uint.MinValue, uint.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    /// <summary>Writes <paramref name="value"/>, already in range, in the width of <paramref name="slot"/>.</summary>
    public static void Write(Span<byte> slot, long value)
    {
        switch (slot.Length)
        {
            case 1: slot[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteInt16LittleEndian(slot, (short)value); break;
            case 4: BinaryPrimitives.WriteInt32LittleEndian(slot, (int)value); break;
            default: BinaryPrimitives.WriteInt64LittleEndian(slot, value); break;
        }
    }
}
