using InferenceHost.Abstractions.Models;

namespace InferenceHost.Grains.Placement;

/// <summary>
/// This silo's copy of where every version is ready on the other silos (pushed by the repository grain on each
/// change, re-read at every poll), so a version this silo cannot serve resolves to a silo that can without a grain
/// call per request. Silos that left the cluster are skipped at lookup, from the silo's own membership view.
/// </summary>
public sealed class ClusterPlacementView(ILocalSiloDetails localSilo, IClusterMembershipService membership)
{
    private volatile Dictionary<(string Model, string Version), ModelVersionInfo[]> _elsewhere = [];
    private int _turn;

    /// <summary>Replaces the picture with <paramref name="ready"/> (this silo's own entries are left out: it serves those itself).</summary>
    public void Update(IReadOnlyList<ModelVersionInfo> ready) =>
        _elsewhere = ready
            .Where(info => info.ServedBy is { } silo && !silo.Equals(localSilo.SiloAddress))
            .GroupBy(static info => (info.Model, info.Version))
            .ToDictionary(static g => g.Key, static g => g.ToArray());

    /// <summary>True when some other active silo has a version of <paramref name="model"/> ready.</summary>
    public bool HasModel(string model) => ReadyVersions(model).Any();

    /// <summary>Ready version ids of <paramref name="model"/> on other active silos.</summary>
    public IEnumerable<string> ReadyVersions(string model)
    {
        var members = membership.CurrentSnapshot;
        return _elsewhere
            .Where(p => p.Key.Model == model && p.Value.Any(c => members.GetSiloStatus(c.ServedBy!) == SiloStatus.Active))
            .Select(static p => p.Key.Version);
    }

    /// <summary>
    /// An active silo where the version is ready (GPU silos first, turns taken among equals), as the info to route
    /// with; null when none.
    /// </summary>
    public ModelVersionInfo? Find(string model, string version)
    {
        if (!_elsewhere.TryGetValue((model, version), out var candidates))
        {
            return null;
        }

        var members = membership.CurrentSnapshot;
        var start = Interlocked.Increment(ref _turn);
        foreach (var gpuOnly in (ReadOnlySpan<bool>)[true, false])
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                var candidate = candidates[(int)((uint)(start + i) % (uint)candidates.Length)];
                if ((!gpuOnly || candidate.Device == DeviceNames.Gpu) && members.GetSiloStatus(candidate.ServedBy!) == SiloStatus.Active)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
