using System.Runtime.CompilerServices;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Converts gRPC typed contents (<see cref="GrpcTensorContents"/>) to the v2 binary layout: INT8/16/32
/// arrive in <c>int_contents</c>, UINT8/16/32 in <c>uint_contents</c> (range-checked here), and
/// FP16/BF16 have no typed field at all. A packed FP32 or FP64 field is already that layout and is passed on
/// as a slice of the request's bytes.
/// </summary>
internal static class GrpcTensorDecoder
{
    public static ReadOnlyMemory<byte> Decode(string name, TensorDatatype type, long[] shape, GrpcTensorContents contents)
    {
        var count = TensorShapes.ElementCount(shape, name);
        return type switch
        {
            TensorDatatype.Bool => Copy<bool>(contents, Expect(contents, ContentsField.Bool, name, shape, count)),
            TensorDatatype.Int8 or TensorDatatype.Int16 =>
                Narrow(contents, Expect(contents, ContentsField.Int, name, shape, count), count, type, name),
            TensorDatatype.Int32 => Copy<int>(contents, Expect(contents, ContentsField.Int, name, shape, count)),
            TensorDatatype.UInt8 or TensorDatatype.UInt16 =>
                Narrow(contents, Expect(contents, ContentsField.Uint, name, shape, count), count, type, name),
            TensorDatatype.UInt32 => Copy<uint>(contents, Expect(contents, ContentsField.Uint, name, shape, count)),
            TensorDatatype.Int64 => Copy<long>(contents, Expect(contents, ContentsField.Int64, name, shape, count)),
            TensorDatatype.UInt64 => Copy<ulong>(contents, Expect(contents, ContentsField.Uint64, name, shape, count)),
            TensorDatatype.Fp32 => Fixed<float>(contents, Expect(contents, ContentsField.Fp32, name, shape, count)),
            TensorDatatype.Fp64 => Fixed<double>(contents, Expect(contents, ContentsField.Fp64, name, shape, count)),
            TensorDatatype.Bytes => Strings(contents, Expect(contents, ContentsField.Bytes, name, shape, count)),
            _ => throw InferenceException.InvalidInput(
                $"input '{name}': {type.ToName()} has no typed contents; send it in raw_input_contents"),
        };
    }

    private static ContentsField Expect(GrpcTensorContents contents, ContentsField field, string name, long[] shape, long count)
    {
        var actual = contents.Count(field);
        return actual == count
            ? field
            : throw InferenceException.InvalidInput(
                $"input '{name}': shape {TensorShapes.Format(shape)} needs {count} elements but contents.{FieldName(field)} has {actual}");
    }

    private static string FieldName(ContentsField field) => field switch
    {
        ContentsField.Bool => "bool_contents",
        ContentsField.Int => "int_contents",
        ContentsField.Int64 => "int64_contents",
        ContentsField.Uint => "uint_contents",
        ContentsField.Uint64 => "uint64_contents",
        ContentsField.Fp32 => "fp32_contents",
        ContentsField.Fp64 => "fp64_contents",
        _ => "bytes_contents",
    };

    /// <summary>A fixed-width field sent as one packed run, as clients send it, is the layout already.</summary>
    private static ReadOnlyMemory<byte> Fixed<T>(GrpcTensorContents contents, ContentsField field)
        where T : unmanaged =>
        contents.TryGetSinglePackedRun(field, out var run) && BitConverter.IsLittleEndian ? run : Copy<T>(contents, field);

    /// <summary>Copies elements whose typed field has the tensor's own width (BOOL is one byte, 0 or 1).</summary>
    private static byte[] Copy<T>(GrpcTensorContents contents, ContentsField field)
        where T : unmanaged
    {
        var elements = contents.Elements(field);
        var data = new byte[contents.Count(field) * Unsafe.SizeOf<T>()];
        var values = LittleEndianSpans.Cast<T>(data.AsSpan());
        for (var i = 0; elements.MoveNext(); i++)
        {
            values[i] = FromWire<T>(elements.Current);
        }

        return data;
    }

    /// <summary>A typed field's element from its wire bits: varints truncated to the field's width, floats by their bits.</summary>
    private static T FromWire<T>(ulong bits)
        where T : unmanaged
    {
        if (typeof(T) == typeof(bool))
        {
            var value = bits != 0;
            return Unsafe.As<bool, T>(ref value);
        }

        if (typeof(T) == typeof(float))
        {
            var value = BitConverter.UInt32BitsToSingle((uint)bits);
            return Unsafe.As<float, T>(ref value);
        }

        // Integers and doubles: the low bytes of the little-endian bits, as the field's type truncates them.
        return Unsafe.As<ulong, T>(ref bits);
    }

    /// <summary>Narrows INT8/16 and UINT8/16 from their 32-bit fields, rejecting values the type cannot hold.</summary>
    private static byte[] Narrow(GrpcTensorContents contents, ContentsField field, long count, TensorDatatype type, string name)
    {
        var size = type.ElementSize();
        var (min, max) = IntegerElements.Range(type);
        var data = new byte[count * size];
        var elements = contents.Elements(field);
        for (var i = 0; elements.MoveNext(); i++)
        {
            var value = field == ContentsField.Int ? (int)elements.Current : (long)(uint)elements.Current;
            if (value < min || value > max)
            {
                throw InferenceException.InvalidInput(
                    $"input '{name}': contents element {i} ({value}) is out of range for {type.ToName()}");
            }

            IntegerElements.Write(data.AsSpan(i * size, size), value);
        }

        return data;
    }

    private static ReadOnlyMemory<byte> Strings(GrpcTensorContents contents, ContentsField field)
    {
        var total = 0;
        var elements = contents.Elements(field);
        while (elements.MoveNext())
        {
            total += sizeof(uint) + elements.CurrentBytes.Length;
        }

        var builder = new BytesTensorBuilder(total);
        elements = contents.Elements(field);
        while (elements.MoveNext())
        {
            builder.Append(elements.CurrentBytes);
        }

        return builder.Build();
    }
}
