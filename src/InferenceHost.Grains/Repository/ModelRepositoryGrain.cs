using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace InferenceHost.Grains.Repository;

/// <summary>
/// The cluster's view of the model repository: the latest report of every silo, and each silo's
/// subscription to repository changes. Held in memory only: silos report on every change of their
/// catalog and again at every rescan, so a new activation knows the cluster again within one interval.
/// </summary>
public sealed partial class ModelRepositoryGrain : Grain, IModelRepositoryGrain
{
    /// <summary>A silo that has not renewed its subscription for this long is no longer told of changes.</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(1);

    private readonly Dictionary<SiloAddress, SiloVersionsReport> _reports = [];
    private readonly ObserverManager<SiloAddress, IRepositoryObserver> _observers;
    private readonly ILogger<ModelRepositoryGrain> _logger;

    public ModelRepositoryGrain(ILogger<ModelRepositoryGrain> logger)
    {
        _logger = logger;
        _observers = new ObserverManager<SiloAddress, IRepositoryObserver>(SubscriptionExpiry, logger);
    }

    public Task Subscribe(SiloAddress silo, IRepositoryObserver observer)
    {
        _observers.Subscribe(silo, observer);
        return Task.CompletedTask;
    }

    public async Task Report(SiloVersionsReport report)
    {
        if (!_reports.TryGetValue(report.Silo, out var kept) || kept.Revision < report.Revision)
        {
            _reports[report.Silo] = report;
            if (kept is null || !SameReady(kept.Ready, report.Ready))
            {
                await _observers.Notify(o => o.OnPlacementChanged(Placement()));
            }
        }
    }

    public async Task<IReadOnlyList<SiloInventory>> GetInventory()
    {
        var active = await ActiveSilosAsync();
        return [.. active.Select(silo => _reports.TryGetValue(silo, out var report)
            ? new SiloInventory(silo.ToParsableString(), report.Name, report.Accelerator, report.ReportedAt, report.Versions)
            : new SiloInventory(silo.ToParsableString(), null, null, null, []))];
    }

    public async Task<IReadOnlyList<ModelVersionInfo>> GetPlacement()
    {
        await ActiveSilosAsync();
        return Placement();
    }

    public async Task Announce(RepositoryChange change)
    {
        if (change.Kind == RepositoryChangeKind.Removed)
        {
            // Deleted is deleted from now on: a deploy or rollback must not pass on reports that predate the unload.
            foreach (var (silo, report) in _reports.ToList())
            {
                _reports[silo] = report with
                {
                    Versions = [.. report.Versions.Where(v => v.Model != change.Model || v.Version != change.Version)],
                    Ready = [.. report.Ready.Where(v => v.Model != change.Model || v.Version != change.Version)],
                };
            }
        }

        LogAnnounced(_logger, change.Kind, change.Model, change.Version, _observers.Count);
        await _observers.Notify(o => o.OnRepositoryChanged(change));
        if (change.Kind == RepositoryChangeKind.Removed)
        {
            await _observers.Notify(o => o.OnPlacementChanged(Placement()));
        }
    }

    public async Task<IReadOnlyList<VersionStatus>> GetVersions(string model, IReadOnlyList<string> versions)
    {
        var active = await ActiveSilosAsync();
        return [.. versions.Select(version => new VersionStatus(model, version, [.. active.Select(silo => On(silo, model, version))]))];
    }

    /// <summary>The active silos in address order; reports of silos that left the cluster are dropped (they would only grow the state).</summary>
    private async Task<List<SiloAddress>> ActiveSilosAsync()
    {
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        foreach (var gone in _reports.Keys.Where(s => !hosts.ContainsKey(s)).ToList())
        {
            _reports.Remove(gone);
        }

        return [.. hosts.Keys.OrderBy(static s => s.ToParsableString(), StringComparer.Ordinal)];
    }

    /// <summary>Every ready version on every silo that reported; deleted versions are gone from the reports already.</summary>
    private List<ModelVersionInfo> Placement() => [.. _reports.Values.SelectMany(static r => r.Ready)];

    private static bool SameReady(IReadOnlyList<ModelVersionInfo> before, IReadOnlyList<ModelVersionInfo> after) =>
        before.Count == after.Count && before.Select(static i => (i.Model, i.Version, i.Device)).SequenceEqual(after.Select(static i => (i.Model, i.Version, i.Device)));

    private SiloVersionStatus On(SiloAddress silo, string model, string version)
    {
        var name = silo.ToParsableString();
        if (!_reports.TryGetValue(silo, out var report))
        {
            return new SiloVersionStatus(name, null, VersionStatus.NotReportedReason);
        }

        var status = report.Versions.FirstOrDefault(v => v.Model == model && v.Version == version);
        return status is null
            ? new SiloVersionStatus(name, null, "not loaded on this silo")
            : new SiloVersionStatus(name, status.State, status.Reason) { Device = status.Device };
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Repository change: {Kind} {Model} version {Version}; telling {Silos} silos")]
    private static partial void LogAnnounced(ILogger logger, RepositoryChangeKind kind, string model, string version, int silos);
}
