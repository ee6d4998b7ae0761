namespace InferenceHost.Tensors;

/// <summary>Names and element sizes of the v2 datatypes.</summary>
public static class TensorDatatypes
{
    /// <summary>Parses a v2 datatype name (case-sensitive, as the protocol says).</summary>
    public static bool TryParse(string? name, out TensorDatatype datatype)
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

    /// <summary>The name Triton's model configuration uses: <c>TYPE_FP32</c>, and <c>TYPE_STRING</c> for BYTES.</summary>
    public static string ConfigName(this TensorDatatype datatype) =>
        datatype == TensorDatatype.Bytes ? "TYPE_STRING" : "TYPE_" + datatype.ToName();
}
