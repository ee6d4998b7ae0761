using System.Buffers.Binary;
using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Telemetry.Recording;

/// <summary>
/// A numeric tensor's elements read as doubles in place, from the v2 little-endian layout: no copy,
/// no allocation. BOOL and BYTES are not numeric.
/// </summary>
internal readonly ref struct NumericTensor
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly Element _element;

    private NumericTensor(ReadOnlySpan<byte> data, Element element, int length)
    {
        _data = data;
        _element = element;
        Length = length;
    }

    private enum Element
    {
        Int8,
        Int16,
        Int32,
        Int64,
        UInt8,
        UInt16,
        UInt32,
        UInt64,
        Fp16,
        Bf16,
        Fp32,
        Fp64,
    }

    public int Length { get; }

    /// <summary>Floating point: the only elements that can be NaN or infinite, and the only ones read as class scores.</summary>
    public bool IsFloatingPoint => _element is Element.Fp16 or Element.Bf16 or Element.Fp32 or Element.Fp64;

    public double this[int index] => _element switch
    {
        Element.Int8 => (sbyte)_data[index],
        Element.Int16 => BinaryPrimitives.ReadInt16LittleEndian(_data[(index * 2)..]),
        Element.Int32 => BinaryPrimitives.ReadInt32LittleEndian(_data[(index * 4)..]),
        Element.Int64 => BinaryPrimitives.ReadInt64LittleEndian(_data[(index * 8)..]),
        Element.UInt8 => _data[index],
        Element.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(_data[(index * 2)..]),
        Element.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(_data[(index * 4)..]),
        Element.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(_data[(index * 8)..]),
        Element.Fp16 => (double)BinaryPrimitives.ReadHalfLittleEndian(_data[(index * 2)..]),
        Element.Bf16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(_data[(index * 2)..]) << 16),
        Element.Fp32 => BinaryPrimitives.ReadSingleLittleEndian(_data[(index * 4)..]),
        _ => BinaryPrimitives.ReadDoubleLittleEndian(_data[(index * 8)..]),
    };

    /// <summary>False for a non-numeric datatype, a negative dimension, or data shorter than the shape needs.</summary>
    public static bool TryCreate(InferenceTensor tensor, out NumericTensor numeric)
    {
        numeric = default;
        if (!TryElement(tensor.Datatype, out var element, out var size) || !TryCount(tensor.Shape, out var count)
            || (long)count * size > tensor.Data.Length)
        {
            return false;
        }

        numeric = new NumericTensor(tensor.Data.Span, element, count);
        return true;
    }

    /// <summary>True when any element is NaN or ±Infinity.</summary>
    public bool HasNonFinite()
    {
        if (!IsFloatingPoint)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (!double.IsFinite(this[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryElement(string datatype, out Element element, out int size)
    {
        (element, size) = datatype switch
        {
            "INT8" => (Element.Int8, 1),
            "INT16" => (Element.Int16, 2),
            "INT32" => (Element.Int32, 4),
            "INT64" => (Element.Int64, 8),
            "UINT8" => (Element.UInt8, 1),
            "UINT16" => (Element.UInt16, 2),
            "UINT32" => (Element.UInt32, 4),
            "UINT64" => (Element.UInt64, 8),
            "FP16" => (Element.Fp16, 2),
            "BF16" => (Element.Bf16, 2),
            "FP32" => (Element.Fp32, 4),
            "FP64" => (Element.Fp64, 8),
            _ => (Element.Int8, 0),
        };
        return size > 0;
    }

    private static bool TryCount(long[] shape, out int count)
    {
        long elements = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0 || (elements *= dimension) > int.MaxValue)
            {
                count = 0;
                return false;
            }
        }

        count = (int)elements;
        return true;
    }
}
