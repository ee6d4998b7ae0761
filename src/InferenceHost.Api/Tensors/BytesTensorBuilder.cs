using System.Buffers;
using System.Buffers.Binary;

namespace InferenceHost.Api.Tensors;

/// <summary>Builds BYTES tensor data: each element as a 4-byte little-endian length, then its bytes.</summary>
internal sealed class BytesTensorBuilder(int initialCapacity)
{
    private readonly ArrayBufferWriter<byte> buffer = new(Math.Max(initialCapacity, 16));

    public void Append(ReadOnlySpan<byte> element)
    {
        var span = buffer.GetSpan(sizeof(uint) + element.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)element.Length);
        element.CopyTo(span[sizeof(uint)..]);
        buffer.Advance(sizeof(uint) + element.Length);
    }

    /// <summary>Reserves room for an element of at most <paramref name="maxLength"/> bytes; commit with <see cref="Commit"/>.</summary>
    public Span<byte> Reserve(int maxLength) => buffer.GetSpan(sizeof(uint) + maxLength)[sizeof(uint)..];

    /// <summary>Commits the first <paramref name="length"/> bytes written into the last <see cref="Reserve"/>.</summary>
    public void Commit(int length)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan(sizeof(uint) + length), (uint)length);
        buffer.Advance(sizeof(uint) + length);
    }

    public ReadOnlyMemory<byte> Build() => buffer.WrittenMemory;
}
