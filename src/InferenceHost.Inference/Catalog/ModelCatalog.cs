namespace InferenceHost.Inference.Catalog;

/// <summary>
/// The model versions this host serves, and the owner of their sessions: a session lives
/// until its version is replaced or removed, or the host stops.
/// </summary>
public sealed class ModelCatalog : IDisposable
{
    private readonly Lock _gate = new();
    private volatile CatalogSnapshot _snapshot = CatalogSnapshot.Empty;
    private volatile bool _settled;

    /// <summary>The current view; never null, never mutated.</summary>
    public CatalogSnapshot Snapshot => _snapshot;

    /// <summary>True once the repository has been scanned and every version loaded or rejected.</summary>
    public bool IsSettled => _settled;

    /// <summary>Raised after each change, with the new snapshot.</summary>
    public event Action<CatalogSnapshot>? Changed;

    /// <summary>Adds or replaces a version; a replaced session is disposed.</summary>
    public void Publish(ModelVersionEntry entry)
    {
        CatalogSnapshot next;
        ModelVersionEntry? replaced;
        lock (_gate)
        {
            _snapshot.TryGet(entry.Model, entry.Version, out replaced);
            next = _snapshot.With(entry);
            _snapshot = next;
        }

        if (replaced?.Loaded is { } old && !ReferenceEquals(old, entry.Loaded))
        {
            old.Dispose();
        }

        Changed?.Invoke(next);
    }

    /// <summary>
    /// Unloads a version: new requests no longer find it, and its session is freed as soon as the
    /// requests already running on it finish (<see cref="Execution.LoadedModel.Dispose"/>).
    /// </summary>
    /// <returns>False when the catalog did not hold the version.</returns>
    public bool Remove(string model, string version)
    {
        CatalogSnapshot next;
        ModelVersionEntry? removed;
        lock (_gate)
        {
            if (!_snapshot.TryGet(model, version, out removed))
            {
                return false;
            }

            next = _snapshot.Without(model, version);
            _snapshot = next;
        }

        removed.Loaded?.Dispose();
        Changed?.Invoke(next);
        return true;
    }

    public void MarkSettled()
    {
        _settled = true;
        Changed?.Invoke(_snapshot);
    }

    public void Dispose()
    {
        foreach (var entry in _snapshot.All)
        {
            entry.Loaded?.Dispose();
        }
    }
}
