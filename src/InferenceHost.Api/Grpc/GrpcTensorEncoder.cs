using System.Buffers.Binary;
using System.Numerics;
using Google.Protobuf;
using Google.Protobuf.Collections;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Grpc;

/// <summary>Converts output bytes in the v2 binary layout to gRPC typed <see cref="InferTensorContents"/>.</summary>
internal static class GrpcTensorEncoder
{
    /// <summary>True when the datatype can travel in typed contents (all but FP16 and BF16).</summary>
    public static bool HasTypedForm(TensorDatatype type) => type is not (TensorDatatype.Fp16 or TensorDatatype.Bf16);

    /// <summary>Encodes <paramref name="data"/>, already checked to hold whole elements of a type with a typed form.</summary>
    public static InferTensorContents Encode(TensorDatatype type, ReadOnlySpan<byte> data)
    {
        var contents = new InferTensorContents();
        switch (type)
        {
            case TensorDatatype.Bool: AddBools(contents.BoolContents, data); break;
            case TensorDatatype.Int8: Widen<sbyte, int>(contents.IntContents, data); break;
            case TensorDatatype.Int16: Widen<short, int>(contents.IntContents, data); break;
            case TensorDatatype.Int32: Add<int>(contents.IntContents, data); break;
            case TensorDatatype.Int64: Add<long>(contents.Int64Contents, data); break;
            case TensorDatatype.UInt8: Widen<byte, uint>(contents.UintContents, data); break;
            case TensorDatatype.UInt16: Widen<ushort, uint>(contents.UintContents, data); break;
            case TensorDatatype.UInt32: Add<uint>(contents.UintContents, data); break;
            case TensorDatatype.UInt64: Add<ulong>(contents.Uint64Contents, data); break;
            case TensorDatatype.Fp32: Add<float>(contents.Fp32Contents, data); break;
            case TensorDatatype.Fp64: Add<double>(contents.Fp64Contents, data); break;
            case TensorDatatype.Bytes: AddStrings(contents.BytesContents, data); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "FP16 and BF16 have no typed contents.");
        }

        return contents;
    }

    private static void Add<T>(RepeatedField<T> field, ReadOnlySpan<byte> data)
        where T : unmanaged =>
        field.AddRange(LittleEndianSpans.Cast<T>(data).ToArray());

    private static void Widen<TElement, TField>(RepeatedField<TField> field, ReadOnlySpan<byte> data)
        where TElement : unmanaged, IBinaryInteger<TElement>
        where TField : IBinaryInteger<TField>
    {
        var elements = LittleEndianSpans.Cast<TElement>(data);
        field.Capacity = elements.Length;
        foreach (var element in elements)
        {
            field.Add(TField.CreateTruncating(element));
        }
    }

    // Any non-zero byte is true; reinterpreting would pass non-canonical bools on to protobuf.
    private static void AddBools(RepeatedField<bool> field, ReadOnlySpan<byte> data)
    {
        field.Capacity = data.Length;
        foreach (var value in data)
        {
            field.Add(value != 0);
        }
    }

    private static void AddStrings(RepeatedField<ByteString> field, ReadOnlySpan<byte> data)
    {
        for (var offset = 0; offset < data.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);
            field.Add(ByteString.CopyFrom(data.Slice(offset + sizeof(uint), length)));
            offset += sizeof(uint) + length;
        }
    }
}
