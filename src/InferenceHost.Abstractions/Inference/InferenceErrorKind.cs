namespace InferenceHost.Abstractions.Inference;

/// <summary>Why an inference (or a lookup) failed; each kind maps to one HTTP status and gRPC code.</summary>
public enum InferenceErrorKind
{
    /// <summary>The model or version does not exist (HTTP 404, gRPC NOT_FOUND).</summary>
    NotFound,

    /// <summary>The request does not fit the model: names, shapes, datatypes, sizes (HTTP 400, gRPC INVALID_ARGUMENT).</summary>
    InvalidInput,

    /// <summary>The version exists but cannot serve now (HTTP 503, gRPC UNAVAILABLE).</summary>
    Unavailable,

    /// <summary>The model itself failed while running (HTTP 500, gRPC INTERNAL).</summary>
    ModelFailure,
}
