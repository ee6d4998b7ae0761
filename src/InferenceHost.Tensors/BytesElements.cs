using System.Buffers.Binary;

namespace InferenceHost.Tensors;

/// <summary>
/// The v2 binary layout of a BYTES tensor: every element is a 4-byte little-endian
/// length followed by that many bytes.
/// </summary>
public static class BytesElements
{
    /// <summary>Counts the elements; false when a length prefix runs past the end.</summary>
    public static bool TryCount(ReadOnlySpan<byte> data, out long count)
    {
        count = 0;
        while (!data.IsEmpty)
        {
            if (data.Length < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
            if (length > (uint)(data.Length - 4))
            {
                return false;
            }

            data = data[(4 + (int)length)..];
            count++;
        }

        return true;
    }

    /// <summary>Reads the element at the start of <paramref name="data"/> and advances past it.</summary>
    public static ReadOnlySpan<byte> ReadNext(ref ReadOnlySpan<byte> data)
    {
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
        var element = data.Slice(4, length);
        data = data[(4 + length)..];
        return element;
    }

    /// <summary>Appends one element with its length prefix.</summary>
    public static void Write(Stream destination, ReadOnlySpan<byte> element)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, (uint)element.Length);
        destination.Write(prefix);
        destination.Write(element);
    }
}
