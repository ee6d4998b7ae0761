namespace InferenceHost.Inference.Catalog;

/// <summary>Lifecycle of a model version on this host.</summary>
public enum VersionState
{
    Loading,
    Ready,
    Unavailable,
}
