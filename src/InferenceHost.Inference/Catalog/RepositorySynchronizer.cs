using InferenceHost.Inference.Repository;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Catalog;

/// <summary>
/// Keeps the catalog in line with the repository on disk: loads versions that appeared, unloads those that
/// went (or that the model's version policy no longer serves), and applies uploads and deletions. The one
/// writer of the catalog after start: its changes run one at a time, so a version is never loaded twice.
/// </summary>
public sealed partial class RepositorySynchronizer(
    ModelCatalog catalog,
    ModelLoader loader,
    StagingArea staging,
    IOptions<InferenceOptions> options,
    ILogger<RepositorySynchronizer> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Folders the scan passes over are logged once, not at every rescan.
    private readonly HashSet<string> _reportedSkips = new(StringComparer.Ordinal);

    /// <summary>The repository folder's full path.</summary>
    public string Root => Path.GetFullPath(options.Value.RepositoryPath);

    /// <summary>Scans the whole repository and loads or unloads what changed.</summary>
    /// <exception cref="DirectoryNotFoundException">The repository folder does not exist.</exception>
    public Task SynchronizeAsync(CancellationToken cancellationToken) => UnderGateAsync(
        () =>
        {
            var sources = ModelRepositoryScanner.Scan(Root, LogSkippedOnce);
            LogScanned(logger, Root, sources.Count);
            Reconcile(sources, static _ => true, cancellationToken);
            staging.RemoveStale();
        },
        cancellationToken);

    /// <summary>Scans one model's folder and loads or unloads what changed (all its versions go when the folder is gone).</summary>
    public Task SynchronizeModelAsync(string model, CancellationToken cancellationToken) => UnderGateAsync(
        () => Reconcile(ModelRepositoryScanner.ScanModel(Root, model), m => m == model, cancellationToken),
        cancellationToken);

    /// <summary>
    /// Makes a validated upload a version: its staged folder becomes <c>&lt;root&gt;/&lt;model&gt;/&lt;version&gt;</c>
    /// in one rename and <paramref name="loaded"/> serves at once; versions the model's policy no longer serves unload.
    /// </summary>
    /// <exception cref="IOException">The version folder exists already (or the move failed); nothing changed.</exception>
    public Task AddAsync(string uploadId, string model, string version, Execution.LoadedModel loaded) => UnderGateAsync(
        () =>
        {
            Directory.Move(staging.FolderOf(uploadId), Path.Combine(Root, model, version));
            catalog.Publish(new ModelVersionEntry(model, version, VersionState.Ready, string.Empty, loaded));
            LogAdded(logger, model, version, loaded.Device, loaded.DeviceReason);
            Reconcile(ModelRepositoryScanner.ScanModel(Root, model), m => m == model, CancellationToken.None);
        },
        CancellationToken.None);

    /// <summary>
    /// Deletes a version's folder (moved out of the repository in one rename first) and unloads it; under a
    /// "latest N" policy an older version may load in its place.
    /// </summary>
    /// <returns>False when the repository has no such version folder.</returns>
    public async Task<bool> RemoveAsync(string model, string version)
    {
        var removed = false;
        await UnderGateAsync(
            () =>
            {
                var folder = Path.Combine(Root, model, version);
                if (!Directory.Exists(folder))
                {
                    return;
                }

                staging.Trash(folder);
                removed = true;
                Reconcile(ModelRepositoryScanner.ScanModel(Root, model), m => m == model, CancellationToken.None);
            },
            CancellationToken.None);
        return removed;
    }

    public void Dispose() => _gate.Dispose();

    private async Task UnderGateAsync(Action change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Loading runs ONNX Runtime synchronously for seconds: never on the caller's thread.
            await Task.Run(change, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// New versions load before the ones that went are unloaded, so a model whose policy swaps one
    /// version for another always has one ready. Versions already in the catalog are left as they are.
    /// </summary>
    private void Reconcile(IReadOnlyList<VersionSource> sources, Func<string, bool> inScope, CancellationToken cancellationToken)
    {
        var snapshot = catalog.Snapshot;
        var added = sources.Where(s => !snapshot.TryGet(s.Model, s.Version, out _)).ToList();
        foreach (var source in added)
        {
            catalog.Publish(new ModelVersionEntry(source.Model, source.Version, VersionState.Loading, "loading", null));
        }

        foreach (var source in added)
        {
            cancellationToken.ThrowIfCancellationRequested();
            catalog.Publish(Load(source));
        }

        var wanted = sources.Select(static s => (s.Model, s.Version)).ToHashSet();
        foreach (var entry in snapshot.All.Where(e => inScope(e.Model) && !wanted.Contains((e.Model, e.Version))))
        {
            if (catalog.Remove(entry.Model, entry.Version))
            {
                LogRemoved(logger, entry.Model, entry.Version);
            }
        }
    }

    private ModelVersionEntry Load(VersionSource source)
    {
        try
        {
            var model = loader.Load(source);
            LogLoaded(logger, source.Model, source.Version, model.Device, model.DeviceReason);
            return new ModelVersionEntry(source.Model, source.Version, VersionState.Ready, string.Empty, model);
        }
        catch (Exception e)
        {
            // Whatever goes wrong with one version stays with that version: the rest still load.
            var reason = e is ModelLoadException ? e.Message : $"unexpected failure while loading: {e.Message}";
            LogRejected(logger, source.Model, source.Version, reason);
            return new ModelVersionEntry(source.Model, source.Version, VersionState.Unavailable, reason, null);
        }
    }

    private void LogSkippedOnce(string path, string reason)
    {
        if (_reportedSkips.Add(path))
        {
            LogSkipped(logger, path, reason);
        }
    }
}
