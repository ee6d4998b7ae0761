namespace InferenceHost.Grains;

/// <summary>Names of the grain storage the host's persisted grains use.</summary>
public static class GrainStorage
{
    /// <summary>The one storage provider for deployments, rollouts and the audit log: local files or Redis.</summary>
    public const string Name = "inferencehost";
}
