using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Grains.Repository;
using InferenceHost.Grains.Telemetry;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace InferenceHost.Grains.Management;

/// <summary>
/// The operator's facade. A stateless worker, so it runs on the caller's silo and answers model
/// status from that silo's directory; every deployment change is the router grain's to validate, persist and
/// audit, and every version upload or deletion is this silo's <see cref="RepositoryVersionChanges"/>' (where
/// the uploaded file was staged).
/// </summary>
[StatelessWorker]
public sealed partial class ModelManagementGrain(
    IModelDirectory directory, RepositoryVersionChanges versions, IOptions<TelemetryRetentionOptions> telemetry) : Grain, IModelManagementGrain
{
    public async Task<IReadOnlyList<ModelSummary>> ListModels()
    {
        var models = directory.ListVersions().GroupBy(static v => v.Model, StringComparer.Ordinal).ToList();
        var tables = await Task.WhenAll(models.Select(m => Router(m.Key).GetRouteTable()));
        return [.. models.Select((m, i) => new ModelSummary(m.Key, [.. m], tables[i].Revision))];
    }

    public Task<RouteTable> GetDeployment(string model) => Router(Known(model)).GetRouteTable();

    public Task<RouteTable> Deploy(string model, Deployment desired, long? expectedRevision, string actor)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return Router(Known(model)).Deploy(desired, expectedRevision, Actor(actor));
    }

    public Task<RouteTable> Switch(string model, string actor) => Router(Known(model)).Switch(Actor(actor));

    public Task<RouteTable> Rollback(string model, string actor) => Router(Known(model)).Rollback(Actor(actor));

    public Task<IReadOnlyList<AuditEntry>> Audit(int limit, string? model)
    {
        if (limit is < 1 or > IModelManagementGrain.MaxAuditLimit)
        {
            throw Invalid($"limit must be from 1 to {IModelManagementGrain.MaxAuditLimit}, not {limit}");
        }

        if (model is not null && !ModelIds.IsValid(model))
        {
            throw Invalid(ModelIds.Problem(model));
        }

        return GrainFactory.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey).Recent(limit, model);
    }

    public async Task<VersionStatus> UploadVersion(string model, string version, string uploadId, string actor)
    {
        try
        {
            return await versions.UploadAsync(model, version, uploadId, Actor(actor));
        }
        finally
        {
            // Whatever the outcome, the staged file does not outlive the upload (once added, it is the version's).
            versions.Discard(uploadId);
        }
    }

    public Task DeleteVersion(string model, string version, string actor) => versions.DeleteAsync(model, version, Actor(actor));

    public Task<VersionStatus> GetVersion(string model, string version) => versions.GetAsync(model, version);

    /// <summary>
    /// Refuses a bad id before it becomes a grain key, and an unknown model before a router
    /// activation (and its persisted state) is made for it.
    /// </summary>
    private string Known(string model)
    {
        if (!ModelIds.IsValid(model))
        {
            throw Invalid(ModelIds.Problem(model));
        }

        return directory.ListVersions().Any(v => v.Model == model)
            ? model
            : throw new DeploymentException(DeploymentErrorKind.NotFound, $"unknown model '{model}'");
    }

    private static string Actor(string actor) =>
        string.IsNullOrWhiteSpace(actor) ? throw Invalid("the actor must be named, for the audit log") : actor;

    private static DeploymentException Invalid(string message) => new(DeploymentErrorKind.Invalid, message);

    private IModelRouterGrain Router(string model) => GrainFactory.GetGrain<IModelRouterGrain>(model);
}
