using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Grains.Placement;
using InferenceHost.Grains.Serving;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Repository;

/// <summary>
/// This silo's side of the cluster's repository: reports the catalog to the repository grain on every change
/// (and at each poll, which also renews the subscription), and loads or unloads what the grain announces.
/// As a readiness gate it holds the silo's readiness until the cluster has its first report, so a deployment
/// validated right after start sees this silo's versions.
/// </summary>
public sealed partial class SiloRepositoryAgent : IRepositoryObserver, ICatalogReadinessGate, IDisposable
{
    /// <summary>How long the first report may take before the silo calls itself ready anyway (and the poll retries).</summary>
    public static readonly TimeSpan FirstReportTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly IGrainFactory _grains;
    private readonly ModelCatalog _catalog;
    private readonly SiloModelDirectory _directory;
    private readonly ClusterPlacementView _placement;
    private readonly AcceleratorProbe _accelerator;
    private readonly RepositorySynchronizer _repository;
    private readonly ILocalSiloDetails _silo;
    private readonly TimeProvider _time;
    private readonly ILogger<SiloRepositoryAgent> _logger;
    private readonly Lock _referenceLock = new();
    private IRepositoryObserver? _reference;

    public SiloRepositoryAgent(
        IGrainFactory grains,
        ModelCatalog catalog,
        SiloModelDirectory directory,
        ClusterPlacementView placement,
        AcceleratorProbe accelerator,
        RepositorySynchronizer repository,
        ILocalSiloDetails silo,
        TimeProvider time,
        ILogger<SiloRepositoryAgent> logger)
    {
        _grains = grains;
        _catalog = catalog;
        _directory = directory;
        _placement = placement;
        _accelerator = accelerator;
        _repository = repository;
        _silo = silo;
        _time = time;
        _logger = logger;
        _catalog.Changed += OnCatalogChanged;
    }

    private IModelRepositoryGrain Cluster => _grains.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey);

    /// <summary>One reference for this silo's lifetime: the repository grain keys subscriptions by silo.</summary>
    private IRepositoryObserver Reference
    {
        get
        {
            lock (_referenceLock)
            {
                return _reference ??= _grains.CreateObjectReference<IRepositoryObserver>(this);
            }
        }
    }

    /// <summary>Loads or unloads the announced version, off the caller's thread; a failure is logged and healed by the next rescan.</summary>
    public Task OnRepositoryChanged(RepositoryChange change)
    {
        LogChangeArrived(_logger, change.Kind, change.Model, change.Version);
        _ = SynchronizeLoggedAsync(change.Model);
        return Task.CompletedTask;
    }

    /// <summary>Takes the cluster's new picture of where versions are ready, for forwarding what this silo cannot serve.</summary>
    public Task OnPlacementChanged(IReadOnlyList<ModelVersionInfo> ready)
    {
        _placement.Update(ready);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes and reports, retrying until it works or <see cref="FirstReportTimeout"/> passes.</summary>
    public async Task PassAsync(CatalogSnapshot loaded, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + FirstReportTimeout;
        while (true)
        {
            try
            {
                // A silo that is still starting may not answer at all: each try is bounded.
                await SubscribeAndReportAsync().WaitAsync(AttemptTimeout, _time, cancellationToken);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (_time.GetUtcNow() >= deadline)
                {
                    LogFirstReportFailed(_logger, FirstReportTimeout, exception);
                    return;
                }
            }

            await Task.Delay(RetryDelay, _time, cancellationToken);
        }
    }

    /// <summary>Renews the subscription and reports again (a lost report or a new repository grain activation heals); never throws.</summary>
    public async Task PollAsync()
    {
        try
        {
            await SubscribeAndReportAsync();
        }
        catch (Exception exception)
        {
            LogPollFailed(_logger, exception);
        }
    }

    /// <summary>Reports this silo's catalog now.</summary>
    public Task ReportAsync()
    {
        // The revision is read before the versions: the report is at least as new as it says.
        var revision = _catalog.Snapshot.Revision;
        var accelerator = _accelerator.Info;
        return Cluster.Report(new SiloVersionsReport(_silo.SiloAddress, revision, _directory.ListVersions())
        {
            Name = _silo.Name,
            Accelerator = new SiloAccelerator(accelerator.CudaUsable, accelerator.DeviceName, accelerator.MemoryBytes, accelerator.Detail),
            Ready = _directory.ReadyHere(_silo.SiloAddress),
            ReportedAt = _time.GetUtcNow(),
        });
    }

    public void Dispose() => _catalog.Changed -= OnCatalogChanged;

    private async Task SubscribeAndReportAsync()
    {
        await Cluster.Subscribe(_silo.SiloAddress, Reference);
        await ReportAsync();
        _placement.Update(await Cluster.GetPlacement());
    }

    private void OnCatalogChanged(CatalogSnapshot snapshot) => _ = ReportLoggedAsync();

    private async Task ReportLoggedAsync()
    {
        try
        {
            await ReportAsync();
        }
        catch (Exception exception)
        {
            // Before the silo has started, or while the cluster is busy: the next poll reports again.
            LogReportFailed(_logger, exception);
        }
    }

    private async Task SynchronizeLoggedAsync(string model)
    {
        try
        {
            await _repository.SynchronizeModelAsync(model, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogSynchronizeFailed(_logger, model, exception);
        }
    }
}
