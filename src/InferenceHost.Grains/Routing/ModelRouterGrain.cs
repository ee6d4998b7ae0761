using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace InferenceHost.Grains.Routing;

/// <summary>
/// The authority for one model's deployment. Every accepted change is persisted first, then
/// audited and pushed to the silos that cache the table; a refused change touches nothing.
/// </summary>
public sealed partial class ModelRouterGrain : Grain, IModelRouterGrain
{
    private readonly IPersistentState<RouterState> _state;
    private readonly IModelDirectory _directory;
    private readonly TimeProvider _time;
    private readonly ObserverManager<IRouteTableObserver> _observers;

    public ModelRouterGrain(
        [PersistentState("router", GrainStorage.Name)] IPersistentState<RouterState> state,
        IModelDirectory directory,
        TimeProvider time,
        ILogger<ModelRouterGrain> logger)
    {
        _state = state;
        _directory = directory;
        _time = time;
        _observers = new ObserverManager<IRouteTableObserver>(TimeSpan.FromMinutes(1), logger);
    }

    private string Model => this.GetPrimaryKeyString();

    private RouteTable Current => _state.State.Current ?? RouteTable.Initial(Model);

    public Task<RouteTable> GetRouteTable() => Task.FromResult(Current);

    public Task Subscribe(IRouteTableObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public async Task<RouteTable> Deploy(Deployment desired, long? expectedRevision, string actor)
    {
        if (expectedRevision is { } expected && expected != Current.Revision)
        {
            throw new DeploymentException(
                DeploymentErrorKind.Conflict,
                $"model '{Model}' is at revision {Current.Revision}, not {expected}; read it again and retry");
        }

        await ValidateAsync(desired);
        return await Commit(desired, "deploy", actor, keepHistory: true);
    }

    public async Task<RouteTable> Switch(string actor)
    {
        var deployment = Current.Deployment
            ?? throw new DeploymentException(DeploymentErrorKind.Conflict, $"model '{Model}' has no deployment to switch");
        var standby = deployment[deployment.Standby]
            ?? throw new DeploymentException(
                DeploymentErrorKind.Conflict,
                $"model '{Model}' has no version on the standby colour {SlotNames.Of(deployment.Standby)} to switch to");
        var active = deployment[deployment.Active]!;

        // The whole colour share moves at once; the canary keeps its weight.
        var colours = active.Weight + standby.Weight;
        var switched = deployment.Active == ServingSlot.Blue
            ? deployment with { Blue = active with { Weight = 0 }, Green = standby with { Weight = colours }, Active = ServingSlot.Green }
            : deployment with { Green = active with { Weight = 0 }, Blue = standby with { Weight = colours }, Active = ServingSlot.Blue };
        await ValidateAsync(switched);
        return await Commit(switched, "switch", actor, keepHistory: true);
    }

    public async Task<RouteTable> Rollback(string actor)
    {
        var history = _state.State.Previous;
        if (history.Count == 0)
        {
            throw new DeploymentException(DeploymentErrorKind.Conflict, $"model '{Model}' has no earlier deployment to roll back to");
        }

        // The earlier deployment may name a version deleted since: refuse rather than route to it.
        var previous = history[^1];
        if (previous is not null)
        {
            try
            {
                await ValidateAsync(previous);
            }
            catch (DeploymentException e)
            {
                throw new DeploymentException(DeploymentErrorKind.Conflict, $"cannot roll back to the earlier deployment: {e.Message}");
            }
        }

        return await Commit(previous, "rollback", actor, keepHistory: false);
    }

    /// <summary>
    /// Every version the deployment names must be servable (ready on some active silo and settled on the others, which
    /// forward to it: the repository grain knows each silo's versions), and the rules must hold.
    /// </summary>
    private async Task ValidateAsync(Deployment deployment)
    {
        var problems = DeploymentRules.Check(deployment).ToList();
        if (problems.Count == 0 && _directory.ReadyVersions(Model) is { Count: 0 })
        {
            throw new DeploymentException(DeploymentErrorKind.NotFound, $"unknown model '{Model}' (or none of its versions is ready)");
        }

        if (problems.Count == 0)
        {
            var named = NamedVersions(deployment).ToList();
            var statuses = await GrainFactory.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey)
                .GetVersions(Model, [.. named.Select(static n => n.Version).Distinct()]);
            foreach (var (slot, version) in named)
            {
                var status = statuses.First(s => s.Version == version);
                if (!status.IsServable)
                {
                    problems.Add(NotReady(slot, status));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new DeploymentException(DeploymentErrorKind.Invalid, $"invalid deployment: {string.Join("; ", problems)}");
        }
    }

    /// <summary>A version no silo holds is simply not loaded; otherwise the refusal names the silos that stand in the way.</summary>
    private string NotReady(string slot, VersionStatus status)
    {
        var problem = $"{slot} version '{status.Version}' of model '{Model}' is not loaded and ready";
        if (status.IsAbsentEverywhere)
        {
            return problem;
        }

        var anyReady = status.Silos.Any(static s => s.State == ModelVersionState.Ready);
        var blocking = anyReady
            ? status.Silos.Where(static s => s.State == ModelVersionState.Loading || (s.State is null && s.Reason == VersionStatus.NotReportedReason))
            : status.NotReady;
        var where = string.Join(", ", blocking.Select(static s => s.State is { } state ? $"{s.Silo} ({state}: {s.Reason})" : $"{s.Silo} ({s.Reason})"));
        return anyReady ? $"{slot} version '{status.Version}' of model '{Model}' is still loading on {where}" : $"{problem} on any silo: {where}";
    }

    private async Task<RouteTable> Commit(Deployment? deployment, string action, string actor, bool keepHistory)
    {
        var before = Current;
        var after = new RouteTable(Model, before.Revision + 1, deployment, _time.GetUtcNow(), actor);
        var history = new List<Deployment?>(_state.State.Previous);
        if (keepHistory)
        {
            history.Add(before.Deployment);
            if (history.Count > RouterState.HistoryLimit)
            {
                history.RemoveAt(0);
            }
        }
        else
        {
            history.RemoveAt(history.Count - 1);
        }

        // Only a change that reached storage is served: a failed write leaves the grain as it was.
        var previousHistory = _state.State.Previous;
        _state.State.Current = after;
        _state.State.Previous = history;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            _state.State.Current = before.Revision == 0 ? null : before;
            _state.State.Previous = previousHistory;
            throw;
        }

        await _observers.Notify(o => o.OnRouteTableChanged(after));
        await GrainFactory.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey).Append(
            new AuditEntry(0, after.ChangedAt, actor, action, Model, DeploymentText.Describe(before), DeploymentText.Describe(after)));
        return after;
    }

    /// <summary>Every slot of <paramref name="deployment"/> that names a version (the shadow included), with the version.</summary>
    internal static IEnumerable<(string Slot, string Version)> NamedVersions(Deployment deployment)
    {
        foreach (var slot in Enum.GetValues<ServingSlot>())
        {
            if (deployment[slot] is { } assignment)
            {
                yield return (SlotNames.Of(slot), assignment.Version);
            }
        }

        if (deployment.Shadow is { } shadow)
        {
            yield return (SlotNames.Shadow, shadow.Version);
        }
    }
}
