namespace InferenceHost.Api.Tensors;

/// <summary>The v2 tensor datatypes, parsed once from their wire strings.</summary>
internal enum TensorDatatype
{
    Bool,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Int8,
    Int16,
    Int32,
    Int64,
    Fp16,
    Bf16,
    Fp32,
    Fp64,
    Bytes,
}
