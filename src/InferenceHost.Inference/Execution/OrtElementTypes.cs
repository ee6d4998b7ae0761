using InferenceHost.Tensors;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.Inference.Execution;

/// <summary>Which ONNX Runtime element type carries which v2 datatype.</summary>
public static class OrtElementTypes
{
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
