using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Api.Tensors;

/// <summary>Wire names, element sizes and model-config names of <see cref="TensorDatatype"/>.</summary>
internal static class TensorDatatypes
{
    public static bool TryParse(string? text, out TensorDatatype type)
    {
        switch (text)
        {
            case "BOOL": type = TensorDatatype.Bool; return true;
            case "UINT8": type = TensorDatatype.Uint8; return true;
            case "UINT16": type = TensorDatatype.Uint16; return true;
            case "UINT32": type = TensorDatatype.Uint32; return true;
            case "UINT64": type = TensorDatatype.Uint64; return true;
            case "INT8": type = TensorDatatype.Int8; return true;
            case "INT16": type = TensorDatatype.Int16; return true;
            case "INT32": type = TensorDatatype.Int32; return true;
            case "INT64": type = TensorDatatype.Int64; return true;
            case "FP16": type = TensorDatatype.Fp16; return true;
            case "BF16": type = TensorDatatype.Bf16; return true;
            case "FP32": type = TensorDatatype.Fp32; return true;
            case "FP64": type = TensorDatatype.Fp64; return true;
            case "BYTES": type = TensorDatatype.Bytes; return true;
            default: type = default; return false;
        }
    }

    /// <summary>Parses an input's datatype or fails with a 400 naming the input.</summary>
    public static TensorDatatype ParseInput(string? text, string inputName) =>
        TryParse(text, out var type)
            ? type
            : throw InferenceException.InvalidInput($"input '{inputName}': unknown datatype '{text}'");

    /// <summary>Parses a model output's datatype; an unknown one is the model's fault, not the client's.</summary>
    public static TensorDatatype ParseOutput(string text, string outputName) =>
        TryParse(text, out var type)
            ? type
            : throw new InferenceException(InferenceErrorKind.ModelFailure, $"output '{outputName}' has unknown datatype '{text}'");

    public static string Name(TensorDatatype type) => type switch
    {
        TensorDatatype.Bool => "BOOL",
        TensorDatatype.Uint8 => "UINT8",
        TensorDatatype.Uint16 => "UINT16",
        TensorDatatype.Uint32 => "UINT32",
        TensorDatatype.Uint64 => "UINT64",
        TensorDatatype.Int8 => "INT8",
        TensorDatatype.Int16 => "INT16",
        TensorDatatype.Int32 => "INT32",
        TensorDatatype.Int64 => "INT64",
        TensorDatatype.Fp16 => "FP16",
        TensorDatatype.Bf16 => "BF16",
        TensorDatatype.Fp32 => "FP32",
        TensorDatatype.Fp64 => "FP64",
        TensorDatatype.Bytes => "BYTES",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Bytes per element in the v2 binary layout; 0 for BYTES, whose elements vary.</summary>
    public static int ElementSize(TensorDatatype type) => type switch
    {
        TensorDatatype.Bool or TensorDatatype.Uint8 or TensorDatatype.Int8 => 1,
        TensorDatatype.Uint16 or TensorDatatype.Int16 or TensorDatatype.Fp16 or TensorDatatype.Bf16 => 2,
        TensorDatatype.Uint32 or TensorDatatype.Int32 or TensorDatatype.Fp32 => 4,
        TensorDatatype.Uint64 or TensorDatatype.Int64 or TensorDatatype.Fp64 => 8,
        _ => 0,
    };

    /// <summary>The name Triton's model configuration uses (<c>TYPE_FP32</c>; BYTES is <c>TYPE_STRING</c>).</summary>
    public static string ConfigName(TensorDatatype type) =>
        type == TensorDatatype.Bytes ? "TYPE_STRING" : "TYPE_" + Name(type);
}
