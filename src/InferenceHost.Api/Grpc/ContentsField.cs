namespace InferenceHost.Api.Grpc;

/// <summary>The typed fields of <c>InferTensorContents</c>, by field number.</summary>
internal enum ContentsField
{
    Bool = 1,
    Int = 2,
    Int64 = 3,
    Uint = 4,
    Uint64 = 5,
    Fp32 = 6,
    Fp64 = 7,
    Bytes = 8,
}
