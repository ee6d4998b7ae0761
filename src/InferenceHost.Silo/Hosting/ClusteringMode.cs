namespace InferenceHost.Silo.Hosting;

/// <summary>How silos find each other.</summary>
public enum ClusteringMode
{
    /// <summary>One silo on this machine, nothing else to run (the embedded default).</summary>
    Localhost,

    /// <summary>Membership in Redis: start more silos with the same Redis and ClusterId to scale out.</summary>
    Redis,
}
