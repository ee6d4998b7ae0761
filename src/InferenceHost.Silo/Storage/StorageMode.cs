namespace InferenceHost.Silo.Storage;

/// <summary>Where persisted grain state (deployments, audit log) lives.</summary>
public enum StorageMode
{
    /// <summary>JSON files in a local folder (the embedded default).</summary>
    File,

    /// <summary>Redis, shared by every silo of a cluster.</summary>
    Redis,
}
