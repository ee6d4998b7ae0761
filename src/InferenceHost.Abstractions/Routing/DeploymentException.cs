namespace InferenceHost.Abstractions.Routing;

/// <summary>A refused management operation; nothing was changed. The message is for the operator.</summary>
[GenerateSerializer, Alias("InferenceHost.DeploymentException")]
public sealed class DeploymentException : Exception
{
    public DeploymentException(DeploymentErrorKind kind, string message)
        : base(message) => Kind = kind;

    public DeploymentException()
    {
    }

    public DeploymentException(string message)
        : base(message)
    {
    }

    public DeploymentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)]
    public DeploymentErrorKind Kind { get; init; }
}
