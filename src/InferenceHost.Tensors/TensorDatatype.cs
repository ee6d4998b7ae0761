namespace InferenceHost.Tensors;

/// <summary>The v2 protocol's tensor datatypes.</summary>
public enum TensorDatatype
{
    Bool,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Int8,
    Int16,
    Int32,
    Int64,
    Fp16,
    Fp32,
    Fp64,
    Bf16,
    Bytes,
}
