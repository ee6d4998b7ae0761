namespace InferenceHost.Abstractions.Repository;

/// <summary>What happened to a version in the shared repository.</summary>
public enum RepositoryChangeKind
{
    /// <summary>Uploaded: every silo loads it.</summary>
    Added,

    /// <summary>Deleted: every silo unloads it.</summary>
    Removed,
}
