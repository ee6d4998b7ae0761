using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.Inference.Tensors;

/// <summary>Conversions between v2 datatype names, element sizes and ONNX Runtime element types.</summary>
public static class TensorDatatypes
{
    /// <summary>Parses a v2 datatype name (case-sensitive, as the protocol says).</summary>
    public static bool TryParse(string name, out TensorDatatype datatype)
    {
        datatype = name switch
        {
            "BOOL" => TensorDatatype.Bool,
            "UINT8" => TensorDatatype.UInt8,
            "UINT16" => TensorDatatype.UInt16,
            "UINT32" => TensorDatatype.UInt32,
            "UINT64" => TensorDatatype.UInt64,
            "INT8" => TensorDatatype.Int8,
            "INT16" => TensorDatatype.Int16,
            "INT32" => TensorDatatype.Int32,
            "INT64" => TensorDatatype.Int64,
            "FP16" => TensorDatatype.Fp16,
            "FP32" => TensorDatatype.Fp32,
            "FP64" => TensorDatatype.Fp64,
            "BF16" => TensorDatatype.Bf16,
            "BYTES" => TensorDatatype.Bytes,
            _ => (TensorDatatype)(-1),
        };
        return datatype >= 0;
    }

    /// <summary>The v2 name of a datatype, e.g. <c>FP32</c>.</summary>
    public static string ToName(this TensorDatatype datatype) => datatype switch
    {
        TensorDatatype.Bool => "BOOL",
        TensorDatatype.UInt8 => "UINT8",
        TensorDatatype.UInt16 => "UINT16",
        TensorDatatype.UInt32 => "UINT32",
        TensorDatatype.UInt64 => "UINT64",
        TensorDatatype.Int8 => "INT8",
        TensorDatatype.Int16 => "INT16",
        TensorDatatype.Int32 => "INT32",
        TensorDatatype.Int64 => "INT64",
        TensorDatatype.Fp16 => "FP16",
        TensorDatatype.Fp32 => "FP32",
        TensorDatatype.Fp64 => "FP64",
        TensorDatatype.Bf16 => "BF16",
        TensorDatatype.Bytes => "BYTES",
        _ => throw new ArgumentOutOfRangeException(nameof(datatype), datatype, null),
    };

    /// <summary>Bytes per element; 0 for BYTES, whose elements vary in length.</summary>
    public static int ElementSize(this TensorDatatype datatype) => datatype switch
    {
        TensorDatatype.Bool or TensorDatatype.UInt8 or TensorDatatype.Int8 => 1,
        TensorDatatype.UInt16 or TensorDatatype.Int16 or TensorDatatype.Fp16 or TensorDatatype.Bf16 => 2,
        TensorDatatype.UInt32 or TensorDatatype.Int32 or TensorDatatype.Fp32 => 4,
        TensorDatatype.UInt64 or TensorDatatype.Int64 or TensorDatatype.Fp64 => 8,
        _ => 0,
    };

    /// <summary>The ONNX Runtime element type that holds this datatype.</summary>
    public static TensorElementType ToOrt(this TensorDatatype datatype) => datatype switch
    {
        TensorDatatype.Bool => TensorElementType.Bool,
        TensorDatatype.UInt8 => TensorElementType.UInt8,
        TensorDatatype.UInt16 => TensorElementType.UInt16,
        TensorDatatype.UInt32 => TensorElementType.UInt32,
        TensorDatatype.UInt64 => TensorElementType.UInt64,
        TensorDatatype.Int8 => TensorElementType.Int8,
        TensorDatatype.Int16 => TensorElementType.Int16,
        TensorDatatype.Int32 => TensorElementType.Int32,
        TensorDatatype.Int64 => TensorElementType.Int64,
        TensorDatatype.Fp16 => TensorElementType.Float16,
        TensorDatatype.Fp32 => TensorElementType.Float,
        TensorDatatype.Fp64 => TensorElementType.Double,
        TensorDatatype.Bf16 => TensorElementType.BFloat16,
        TensorDatatype.Bytes => TensorElementType.String,
        _ => throw new ArgumentOutOfRangeException(nameof(datatype), datatype, null),
    };

    /// <summary>The datatype for an ONNX element type; false for types the protocol cannot carry.</summary>
    public static bool TryFromOrt(TensorElementType elementType, out TensorDatatype datatype)
    {
        datatype = elementType switch
        {
            TensorElementType.Bool => TensorDatatype.Bool,
            TensorElementType.UInt8 => TensorDatatype.UInt8,
            TensorElementType.UInt16 => TensorDatatype.UInt16,
            TensorElementType.UInt32 => TensorDatatype.UInt32,
            TensorElementType.UInt64 => TensorDatatype.UInt64,
            TensorElementType.Int8 => TensorDatatype.Int8,
            TensorElementType.Int16 => TensorDatatype.Int16,
            TensorElementType.Int32 => TensorDatatype.Int32,
            TensorElementType.Int64 => TensorDatatype.Int64,
            TensorElementType.Float16 => TensorDatatype.Fp16,
            TensorElementType.Float => TensorDatatype.Fp32,
            TensorElementType.Double => TensorDatatype.Fp64,
            TensorElementType.BFloat16 => TensorDatatype.Bf16,
            TensorElementType.String => TensorDatatype.Bytes,
            _ => (TensorDatatype)(-1),
        };
        return datatype >= 0;
    }
}
