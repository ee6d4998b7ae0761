using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Tensors;

/// <summary>Writes tensor bytes in the v2 binary layout as a flat JSON array, row-major.</summary>
internal static class JsonTensorDataWriter
{
    /// <summary>Writes <paramref name="data"/>, already checked to hold whole elements of <paramref name="type"/>.</summary>
    public static void Write(Utf8JsonWriter writer, TensorDatatype type, ReadOnlySpan<byte> data)
    {
        writer.WriteStartArray();
        var size = type.ElementSize();
        if (type == TensorDatatype.Bytes)
        {
            WriteBytes(writer, data);
        }
        else
        {
            for (var offset = 0; offset < data.Length; offset += size)
            {
                WriteElement(writer, type, data.Slice(offset, size));
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteElement(Utf8JsonWriter writer, TensorDatatype type, ReadOnlySpan<byte> element)
    {
        switch (type)
        {
            case TensorDatatype.Bool: writer.WriteBooleanValue(element[0] != 0); break;
            case TensorDatatype.UInt8: writer.WriteNumberValue(element[0]); break;
            case TensorDatatype.UInt16: writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(element)); break;
            case TensorDatatype.UInt32: writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(element)); break;
            case TensorDatatype.UInt64: writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(element)); break;
            case TensorDatatype.Int8: writer.WriteNumberValue((sbyte)element[0]); break;
            case TensorDatatype.Int16: writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(element)); break;
            case TensorDatatype.Int32: writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(element)); break;
            case TensorDatatype.Int64: writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(element)); break;
            case TensorDatatype.Fp16: WriteFloating(writer, (float)BinaryPrimitives.ReadHalfLittleEndian(element)); break;
            case TensorDatatype.Bf16: WriteFloating(writer, BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(element) << 16)); break;
            case TensorDatatype.Fp32: WriteFloating(writer, BinaryPrimitives.ReadSingleLittleEndian(element)); break;
            default: WriteFloating(writer, BinaryPrimitives.ReadDoubleLittleEndian(element)); break;
        }
    }

    private static void WriteFloating(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteNonFinite(writer, value);
        }
    }

    private static void WriteFloating(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteNonFinite(writer, value);
        }
    }

    // JSON has no NaN or Infinity; a model that produces them must not turn the response into
    // an error, so they go out as the strings System.Text.Json and the request reader accept.
    private static void WriteNonFinite(Utf8JsonWriter writer, double value) =>
        writer.WriteStringValue(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8);

    private static void WriteBytes(Utf8JsonWriter writer, ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);
            var element = data.Slice(offset + sizeof(uint), length);
            if (Utf8.IsValid(element))
            {
                writer.WriteStringValue(element);
            }
            else
            {
                writer.WriteStringValue(Encoding.UTF8.GetString(element));
            }

            offset += sizeof(uint) + length;
        }
    }
}
