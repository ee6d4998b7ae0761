namespace InferenceHost.Inference.Catalog;

/// <summary>
/// A step the host takes once the repository's first load is done and before it calls itself ready
/// (<see cref="ModelCatalog.IsSettled"/>): e.g. telling the cluster what this host serves, so a deployment
/// checked right after start sees this host's versions. Gates run one after another, in registration order.
/// </summary>
public interface ICatalogReadinessGate
{
    /// <summary>Completes when the host may call itself ready; a failure is the gate's to log, never thrown.</summary>
    Task PassAsync(CatalogSnapshot loaded, CancellationToken cancellationToken);
}
