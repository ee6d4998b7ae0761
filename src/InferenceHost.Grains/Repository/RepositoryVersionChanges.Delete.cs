using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Grains.Routing;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Repository;

public sealed partial class RepositoryVersionChanges
{
    /// <summary>Deletes a version that serves no traffic: its folder leaves the repository, every silo unloads it.</summary>
    /// <exception cref="DeploymentException">Nothing changed: see <see cref="Abstractions.Management.IModelManagementGrain.DeleteVersion"/>.</exception>
    public async Task DeleteAsync(string model, string version, string actor)
    {
        CheckIds(model, version);
        if (!Directory.Exists(ModelFolder(model)))
        {
            throw UnknownModel(model);
        }

        if (!Directory.Exists(VersionFolder(model, version)))
        {
            throw NoSuchVersion(model, version);
        }

        var table = await Router(model).GetRouteTable();
        CheckServesNoTraffic(model, version, table);
        if (!await repository.RemoveAsync(model, version))
        {
            throw NoSuchVersion(model, version);
        }

        LogDeleted(logger, model, version, actor);
        await PublishAsync(new RepositoryChange(model, version, RepositoryChangeKind.Removed));
        await AuditAsync(actor, "delete", model, $"version {version}", $"no version {version}");
    }

    private void CheckServesNoTraffic(string model, string version, RouteTable table)
    {
        if (table.Deployment is { } deployment)
        {
            var slots = ModelRouterGrain.NamedVersions(deployment).Where(n => n.Version == version).Select(static n => n.Slot).ToList();
            if (slots.Count > 0)
            {
                throw Conflict(
                    $"version '{version}' of model '{model}' serves traffic: its deployment at revision {table.Revision} names it as {string.Join(", ", slots)}; " +
                    "deploy without it first");
            }

            return;
        }

        // With nothing deployed, the highest ready version serves: the model must keep one.
        if (directory.ReadyVersions(model) is [var only] && only == version)
        {
            throw Conflict(
                $"version '{version}' is the only ready version of model '{model}', which serves it by default (nothing is deployed); " +
                "upload another version first");
        }
    }

    [LoggerMessage(EventId = 3222, Level = LogLevel.Information, Message = "{Actor} deleted {Model} version {Version}")]
    private static partial void LogDeleted(ILogger logger, string model, string version, string actor);
}
