using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Abstractions.Management;

/// <summary>
/// The operator's API (key <see cref="DefaultKey"/>): the one facade the REST API, the gRPC
/// management service and the CLI call. Model state is answered from the silo the call lands on
/// (a stateless worker, so that is the caller's silo); deployment changes go to the model's router grain,
/// which validates and audits them.
/// </summary>
[Alias("InferenceHost.IModelManagementGrain")]
public interface IModelManagementGrain : IGrainWithStringKey
{
    public const string DefaultKey = "default";

    /// <summary>Largest number of audit entries one <see cref="Audit"/> call returns.</summary>
    public const int MaxAuditLimit = 1000;

    /// <summary>Every model in the repository with its versions' status on this silo and its deployment revision, by name.</summary>
    [Alias("ListModels")]
    Task<IReadOnlyList<ModelSummary>> ListModels();

    /// <summary>The model's current deployment.</summary>
    /// <exception cref="DeploymentException">The model id is not valid (Invalid) or the model is unknown (NotFound).</exception>
    [Alias("GetDeployment")]
    Task<RouteTable> GetDeployment(string model);

    /// <summary>Replaces the model's deployment; see <see cref="IModelRouterGrain.Deploy"/>.</summary>
    /// <exception cref="DeploymentException">Invalid id or deployment, unknown model, or a revision conflict; nothing changed.</exception>
    [Alias("Deploy")]
    Task<RouteTable> Deploy(string model, Deployment desired, long? expectedRevision, string actor);

    /// <summary>Makes the standby colour active; see <see cref="IModelRouterGrain.Switch"/>.</summary>
    /// <exception cref="DeploymentException">Invalid id, unknown model, or nothing to switch to; nothing changed.</exception>
    [Alias("Switch")]
    Task<RouteTable> Switch(string model, string actor);

    /// <summary>Returns to the previous deployment; see <see cref="IModelRouterGrain.Rollback"/>.</summary>
    /// <exception cref="DeploymentException">Invalid id, unknown model, or no earlier deployment; nothing changed.</exception>
    [Alias("Rollback")]
    Task<RouteTable> Rollback(string model, string actor);

    /// <summary>The newest <paramref name="limit"/> audit entries (1 to <see cref="MaxAuditLimit"/>), oldest first; only <paramref name="model"/>'s when given.</summary>
    /// <remarks>A model no longer in the repository still has its history, so <paramref name="model"/> need only be a valid id.</remarks>
    /// <exception cref="DeploymentException">The limit is out of range or the model id is not valid (Invalid).</exception>
    [Alias("Audit")]
    Task<IReadOnlyList<AuditEntry>> Audit(int limit, string? model);

    /// <summary>
    /// Adds a version to a model from a file staged by <see cref="IVersionUploadStaging.StageAsync"/>: validated first
    /// (loads in ONNX Runtime, matches the model's config, passes warm-up and smoke tests), then moved into the shared
    /// repository in one rename, served on this silo, announced to every other silo, and audited (<c>upload</c>).
    /// The staged file is gone afterwards, whatever the outcome. Only models already in the repository take uploads.
    /// </summary>
    /// <returns>The version's state on every active silo: ready here; the others follow within seconds.</returns>
    /// <exception cref="DeploymentException">
    /// Invalid ids or a file that does not validate (Invalid, with the reason), unknown model (NotFound), a version that
    /// exists or a version policy that would unload a deployed version (Conflict); nothing changed.
    /// </exception>
    [Alias("UploadVersion"), ResponseTimeout("00:10:00")]
    Task<VersionStatus> UploadVersion(string model, string version, string uploadId, string actor);

    /// <summary>
    /// Deletes a version: unloaded on every silo, its folder removed from the repository, audited (<c>delete</c>).
    /// Refused while the model's deployment names it in any slot, or while it is the only ready version of a model
    /// with no deployment (which it then serves).
    /// </summary>
    /// <exception cref="DeploymentException">Invalid ids, unknown model or version (NotFound), or in use (Conflict); nothing changed.</exception>
    [Alias("DeleteVersion")]
    Task DeleteVersion(string model, string version, string actor);

    /// <summary>Where a version stands on every active silo.</summary>
    /// <exception cref="DeploymentException">Invalid ids, or unknown model or version (NotFound).</exception>
    [Alias("GetVersion")]
    Task<VersionStatus> GetVersion(string model, string version);

    /// <summary>The model's telemetry over the last <paramref name="window"/> (1 second to the retention), per version and slot.</summary>
    /// <exception cref="DeploymentException">Invalid id or window, or unknown model.</exception>
    [Alias("GetTelemetry")]
    Task<TelemetryWindow> GetTelemetry(string model, TimeSpan window);

    /// <summary>
    /// The model's telemetry over the last <paramref name="window"/> as one series per version, a point per <paramref name="step"/>
    /// (see <see cref="IModelTelemetryGrain.GetSeries"/>), drift measured against <paramref name="baseline"/>: when null, the version
    /// in the deployment's active colour, or with nothing deployed the highest ready version.
    /// </summary>
    /// <exception cref="DeploymentException">
    /// Invalid id or baseline, a step under 1 second, a window under one step or over the telemetry retention, or more than
    /// <see cref="IModelTelemetryGrain.MaxSeriesPoints"/> steps (Invalid); unknown model (NotFound).
    /// </exception>
    [Alias("GetTelemetrySeries")]
    Task<TelemetrySeries> GetTelemetrySeries(string model, TimeSpan window, TimeSpan step, string? baseline);

    /// <summary>
    /// <paramref name="candidate"/> against <paramref name="baseline"/> over the last <paramref name="window"/>, on every metric:
    /// at the model's policy's thresholds and levels, and <see cref="RolloutPolicyRules.DefaultThreshold"/> for metrics it has no gate for.
    /// </summary>
    /// <exception cref="DeploymentException">Invalid ids or window, unknown model, or the two versions are the same (Invalid).</exception>
    [Alias("CompareVersions")]
    Task<VersionComparison> CompareVersions(string model, string candidate, string baseline, TimeSpan window);

    /// <summary>See <see cref="IModelRolloutGrain.GetPolicy"/>.</summary>
    [Alias("GetRolloutPolicy")]
    Task<RolloutPolicy> GetRolloutPolicy(string model);

    /// <summary>See <see cref="IModelRolloutGrain.SetPolicy"/>.</summary>
    [Alias("SetRolloutPolicy")]
    Task<RolloutPolicy> SetRolloutPolicy(string model, RolloutPolicy policy, string actor);

    /// <summary>See <see cref="IModelRolloutGrain.Start"/>.</summary>
    [Alias("StartRollout")]
    Task<RolloutStatus> StartRollout(string model, string candidate, RolloutPolicy? policy, string actor);

    /// <summary>See <see cref="IModelRolloutGrain.GetStatus"/>.</summary>
    [Alias("GetRollout")]
    Task<RolloutStatus?> GetRollout(string model);

    /// <summary>See <see cref="IModelRolloutGrain.List"/>.</summary>
    [Alias("ListRollouts")]
    Task<IReadOnlyList<RolloutStatus>> ListRollouts(string model, int limit);

    /// <summary>See <see cref="IModelRolloutGrain.GetHistory"/>.</summary>
    [Alias("GetRolloutHistory")]
    Task<IReadOnlyList<RolloutDecision>> GetRolloutHistory(string model, long? number, int limit);

    /// <summary>See <see cref="IModelRolloutGrain.Control"/>.</summary>
    [Alias("ControlRollout")]
    Task<RolloutStatus> ControlRollout(string model, RolloutCommand command, string actor, string? reason);
}
