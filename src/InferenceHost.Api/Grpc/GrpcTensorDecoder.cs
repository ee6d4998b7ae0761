using System.Numerics;
using System.Runtime.CompilerServices;
using Google.Protobuf.Collections;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Converts gRPC typed <see cref="InferTensorContents"/> to the v2 binary layout: INT8/16/32
/// arrive in <c>int_contents</c>, UINT8/16/32 in <c>uint_contents</c> (range-checked here), and
/// FP16/BF16 have no typed field at all.
/// </summary>
internal static class GrpcTensorDecoder
{
    public static ReadOnlyMemory<byte> Decode(string name, TensorDatatype type, long[] shape, InferTensorContents? contents)
    {
        var count = TensorShapes.ElementCount(shape, name);
        contents ??= new InferTensorContents();
        return type switch
        {
            TensorDatatype.Bool => Copy(Expect(contents.BoolContents, "bool_contents", name, shape, count)),
            TensorDatatype.Int8 or TensorDatatype.Int16 =>
                Narrow(Expect(contents.IntContents, "int_contents", name, shape, count), type, name),
            TensorDatatype.Int32 => Copy(Expect(contents.IntContents, "int_contents", name, shape, count)),
            TensorDatatype.UInt8 or TensorDatatype.UInt16 =>
                Narrow(Expect(contents.UintContents, "uint_contents", name, shape, count), type, name),
            TensorDatatype.UInt32 => Copy(Expect(contents.UintContents, "uint_contents", name, shape, count)),
            TensorDatatype.Int64 => Copy(Expect(contents.Int64Contents, "int64_contents", name, shape, count)),
            TensorDatatype.UInt64 => Copy(Expect(contents.Uint64Contents, "uint64_contents", name, shape, count)),
            TensorDatatype.Fp32 => Copy(Expect(contents.Fp32Contents, "fp32_contents", name, shape, count)),
            TensorDatatype.Fp64 => Copy(Expect(contents.Fp64Contents, "fp64_contents", name, shape, count)),
            TensorDatatype.Bytes => Strings(Expect(contents.BytesContents, "bytes_contents", name, shape, count)),
            _ => throw InferenceException.InvalidInput(
                $"input '{name}': {type.ToName()} has no typed contents; send it in raw_input_contents"),
        };
    }

    /// <summary>True when any typed field holds elements.</summary>
    public static bool HasAny(InferTensorContents? contents) =>
        contents is not null && (contents.BoolContents.Count | contents.IntContents.Count | contents.Int64Contents.Count
            | contents.UintContents.Count | contents.Uint64Contents.Count | contents.Fp32Contents.Count
            | contents.Fp64Contents.Count | contents.BytesContents.Count) != 0;

    private static RepeatedField<T> Expect<T>(RepeatedField<T> field, string fieldName, string name, long[] shape, long count) =>
        field.Count == count
            ? field
            : throw InferenceException.InvalidInput(
                $"input '{name}': shape {TensorShapes.Format(shape)} needs {count} elements but contents.{fieldName} has {field.Count}");

    /// <summary>Copies elements whose typed field has the tensor's own width (BOOL is one byte, 0 or 1).</summary>
    private static byte[] Copy<T>(RepeatedField<T> field)
        where T : unmanaged
    {
        var data = new byte[field.Count * Unsafe.SizeOf<T>()];
        var elements = LittleEndianSpans.Cast<T>(data.AsSpan());
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = field[i];
        }

        return data;
    }

    /// <summary>Narrows INT8/16 and UINT8/16 from their 32-bit fields, rejecting values the type cannot hold.</summary>
    private static byte[] Narrow<T>(RepeatedField<T> field, TensorDatatype type, string name)
        where T : IBinaryInteger<T>
    {
        var size = type.ElementSize();
        var (min, max) = IntegerElements.Range(type);
        var data = new byte[field.Count * size];
        for (var i = 0; i < field.Count; i++)
        {
            var value = long.CreateTruncating(field[i]);
            if (value < min || value > max)
            {
                throw InferenceException.InvalidInput(
                    $"input '{name}': contents element {i} ({field[i]}) is out of range for {type.ToName()}");
            }

            IntegerElements.Write(data.AsSpan(i * size, size), value);
        }

        return data;
    }

    private static ReadOnlyMemory<byte> Strings(RepeatedField<Google.Protobuf.ByteString> field)
    {
        var total = 0;
        foreach (var element in field)
        {
            total += sizeof(uint) + element.Length;
        }

        var builder = new BytesTensorBuilder(total);
        foreach (var element in field)
        {
            builder.Append(element.Span);
        }

        return builder.Build();
    }
}
