using System.Globalization;
using System.Security.Cryptography;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Grains.Routing;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Repository;

public sealed partial class RepositoryVersionChanges
{
    /// <summary>
    /// Validates a staged upload, makes it a version, serves it here and announces it. A refused upload stays staged:
    /// the caller discards it (<see cref="Discard"/>), whatever the outcome.
    /// </summary>
    /// <exception cref="DeploymentException">Nothing changed: see <see cref="Abstractions.Management.IModelManagementGrain.UploadVersion"/>.</exception>
    public async Task<VersionStatus> UploadAsync(string model, string version, string uploadId, string actor)
    {
        CheckNewVersion(model, version);
        if (!staging.TryGetModelPath(uploadId, out var staged))
        {
            throw Invalid("there is no staged upload with that id (it was used or removed); stage the file again");
        }

        var candidate = ModelRepositoryScanner.Candidate(repository.Root, model, version, staged);
        if (!candidate.IsServed)
        {
            throw Invalid(
                $"model '{model}' would not serve version '{version}': its version_policy serves only {Join(candidate.ServedAfter)} of the versions it would then hold");
        }

        await CheckDeployedVersionsStayAsync(model, version, candidate.ServedAfter);
        var after = await DescribeAsync(version, staged);
        var loaded = await ValidateAsync(candidate.Source, staged);
        await AddAsync(uploadId, model, version, loaded);
        LogUploaded(logger, model, version, actor);
        await PublishAsync(new RepositoryChange(model, version, RepositoryChangeKind.Added));
        await AuditAsync(actor, "upload", model, $"no version {version}", after);
        return await StatusAsync(model, version);
    }

    /// <summary>Loads the staged file as the model's new version would load: ONNX Runtime, signature, warm-up, smoke tests.</summary>
    private async Task<LoadedModel> ValidateAsync(VersionSource source, string staged)
    {
        try
        {
            return await Task.Run(() => loader.Load(source));
        }
        catch (ModelLoadException e)
        {
            // The staging path means nothing to whoever uploaded the file.
            throw Invalid(e.Message.Replace(staged, "the uploaded file", StringComparison.Ordinal));
        }
    }

    private async Task AddAsync(string uploadId, string model, string version, LoadedModel loaded)
    {
        try
        {
            await repository.AddAsync(uploadId, model, version, loaded);
        }
        catch (IOException)
        {
            loaded.Dispose();

            // Another upload of the same id won the rename.
            if (Directory.Exists(VersionFolder(model, version)))
            {
                throw Conflict($"model '{model}' already has version '{version}'; delete it first or upload under another id");
            }

            throw;
        }
    }

    /// <summary>Under a "latest N" policy a new version unloads the oldest: refused while the deployment names one of those.</summary>
    private async Task CheckDeployedVersionsStayAsync(string model, string version, IReadOnlyList<string> servedAfter)
    {
        var dropped = directory.ListVersions().Where(v => v.Model == model && !servedAfter.Contains(v.Version)).Select(v => v.Version).ToList();
        if (dropped.Count == 0)
        {
            return;
        }

        var table = await Router(model).GetRouteTable();
        var deployed = table.Deployment is { } deployment
            ? ModelRouterGrain.NamedVersions(deployment).Where(n => dropped.Contains(n.Version)).Select(n => $"{n.Slot} '{n.Version}'").ToList()
            : [];
        if (deployed.Count > 0)
        {
            throw Conflict(
                $"adding version '{version}' would unload {Join(dropped)} (model '{model}''s version_policy), but its deployment at revision {table.Revision} " +
                $"names {string.Join(", ", deployed)}; deploy without it first");
        }
    }

    private static async Task<string> DescribeAsync(string version, string staged)
    {
        await using var file = File.OpenRead(staged);
        var digest = await SHA256.HashDataAsync(file);
        return $"version {version} ({file.Length.ToString(CultureInfo.InvariantCulture)} bytes, sha256 {Convert.ToHexStringLower(digest)})";
    }

    private static string Join(IEnumerable<string> versions) => string.Join(", ", versions.Select(static v => $"'{v}'"));

    [LoggerMessage(EventId = 3221, Level = LogLevel.Information, Message = "{Actor} uploaded {Model} version {Version}")]
    private static partial void LogUploaded(ILogger logger, string model, string version, string actor);
}
