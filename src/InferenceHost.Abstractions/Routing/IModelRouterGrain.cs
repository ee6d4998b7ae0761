namespace InferenceHost.Abstractions.Routing;

/// <summary>
/// The authority for one model's deployment (keyed by model name). Its state is persisted; every
/// change makes a new <see cref="RouteTable"/> revision, is pushed to subscribed silos, and is audited.
/// Never called per request: silos cache the table.
/// </summary>
[Alias("InferenceHost.IModelRouterGrain")]
public interface IModelRouterGrain : IGrainWithStringKey
{
    [Alias("GetRouteTable")]
    Task<RouteTable> GetRouteTable();

    /// <summary>Replaces the deployment after validating it.</summary>
    /// <param name="desired">The new deployment.</param>
    /// <param name="expectedRevision">When set, the change applies only if the current revision is this one.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <exception cref="DeploymentException">Invalid, conflicting, or naming versions that cannot serve.</exception>
    [Alias("Deploy")]
    Task<RouteTable> Deploy(Deployment desired, long? expectedRevision, string actor);

    /// <summary>Makes the standby colour active with the active colour's weight, atomically.</summary>
    [Alias("Switch")]
    Task<RouteTable> Switch(string actor);

    /// <summary>Returns to the previous revision's deployment (as a new revision).</summary>
    [Alias("Rollback")]
    Task<RouteTable> Rollback(string actor);

    /// <summary>Pushes every future change to <paramref name="observer"/>; call again to stay subscribed.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IRouteTableObserver observer);
}
