using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Repository;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Repository;

/// <summary>
/// Uploads and deletions of versions, run on the silo that received them (the management grain is a stateless
/// worker): every check comes before any change, the repository on disk changes by atomic renames, this silo
/// applies the change at once and the repository grain tells the others. REST and gRPC share this one path.
/// </summary>
public sealed partial class RepositoryVersionChanges(
    RepositorySynchronizer repository,
    StagingArea staging,
    ModelLoader loader,
    SiloRepositoryAgent agent,
    IModelDirectory directory,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<RepositoryVersionChanges> logger)
    : IVersionUploadStaging
{
    private IModelRepositoryGrain Cluster => grains.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey);

    public async Task<string> StageAsync(string model, string version, Stream content, CancellationToken cancellationToken)
    {
        CheckNewVersion(model, version);
        return await staging.WriteAsync(content, cancellationToken);
    }

    public void Discard(string uploadId) => staging.Discard(uploadId);

    /// <summary>Where a version stands on every active silo.</summary>
    /// <exception cref="DeploymentException">Invalid ids, or a model or version neither in the repository nor on any silo (NotFound).</exception>
    public async Task<VersionStatus> GetAsync(string model, string version)
    {
        CheckIds(model, version);
        var status = await StatusAsync(model, version);
        if (status.IsAbsentEverywhere && !Directory.Exists(VersionFolder(model, version)))
        {
            throw Directory.Exists(ModelFolder(model)) || directory.ListVersions().Any(v => v.Model == model)
                ? NoSuchVersion(model, version)
                : UnknownModel(model);
        }

        return status;
    }

    /// <summary>The checks an upload passes before its bytes are even read: ids, an existing model, a new version.</summary>
    private void CheckNewVersion(string model, string version)
    {
        CheckIds(model, version);
        if (!Directory.Exists(ModelFolder(model)))
        {
            throw new DeploymentException(
                DeploymentErrorKind.NotFound, $"unknown model '{model}': versions are uploaded to models the repository already holds");
        }

        if (Directory.Exists(VersionFolder(model, version)))
        {
            throw new DeploymentException(
                DeploymentErrorKind.Conflict, $"model '{model}' already has version '{version}'; delete it first or upload under another id");
        }
    }

    private static void CheckIds(string model, string version)
    {
        if (!ModelIds.IsValid(model))
        {
            throw Invalid(ModelIds.Problem(model));
        }

        if (!DeploymentRules.IsVersionId(version))
        {
            var shown = string.Concat((version ?? string.Empty).Take(ModelIds.MaxLength).Select(static c => char.IsControl(c) ? '?' : c));
            throw Invalid($"'{shown}' is not a valid version id: use a positive integer of up to 18 digits, without leading zeros");
        }
    }

    private async Task<VersionStatus> StatusAsync(string model, string version) => (await Cluster.GetVersions(model, [version]))[0];

    /// <summary>Reports and announces a change this silo made; a failure is logged, as polling and rescans heal it.</summary>
    private async Task PublishAsync(RepositoryChange change)
    {
        try
        {
            await agent.ReportAsync();
            await Cluster.Announce(change);
        }
        catch (Exception exception)
        {
            LogPublishFailed(logger, change.Kind, change.Model, change.Version, exception);
        }
    }

    private Task<AuditEntry> AuditAsync(string actor, string action, string model, string before, string after) =>
        grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey).Append(new AuditEntry(0, time.GetUtcNow(), actor, action, model, before, after));

    private IModelRouterGrain Router(string model) => grains.GetGrain<IModelRouterGrain>(model);

    private string ModelFolder(string model) => Path.Combine(repository.Root, model);

    private string VersionFolder(string model, string version) => Path.Combine(repository.Root, model, version);

    private static DeploymentException Invalid(string message) => new(DeploymentErrorKind.Invalid, message);

    private static DeploymentException Conflict(string message) => new(DeploymentErrorKind.Conflict, message);

    private static DeploymentException UnknownModel(string model) => new(DeploymentErrorKind.NotFound, $"unknown model '{model}'");

    private static DeploymentException NoSuchVersion(string model, string version) =>
        new(DeploymentErrorKind.NotFound, $"model '{model}' has no version '{version}'");

    [LoggerMessage(EventId = 3220, Level = LogLevel.Warning, Message = "{Kind} {Model} version {Version} is done here but could not be announced; the other silos pick it up at their next rescan")]
    private static partial void LogPublishFailed(ILogger logger, RepositoryChangeKind kind, string model, string version, Exception exception);
}
