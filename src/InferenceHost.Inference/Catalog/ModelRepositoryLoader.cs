using InferenceHost.Inference.Repository;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Catalog;

/// <summary>
/// Scans the model repository when the host starts and loads the chosen versions one by one.
/// A broken version is logged and published as unavailable with its reason; the rest serve.
/// </summary>
public sealed partial class ModelRepositoryLoader(
    ModelCatalog catalog, ModelLoader loader, IOptions<InferenceOptions> options, ILogger<ModelRepositoryLoader> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => LoadAll(stoppingToken), stoppingToken);

    private void LoadAll(CancellationToken stoppingToken)
    {
        var root = Path.GetFullPath(options.Value.RepositoryPath);
        var sources = ModelRepositoryScanner.Scan(root, (path, why) => LogSkipped(logger, path, why));
        LogScanned(logger, root, sources.Count);
        foreach (var source in sources)
        {
            catalog.Publish(new ModelVersionEntry(source.Model, source.Version, VersionState.Loading, "loading", null));
        }

        foreach (var source in sources)
        {
            stoppingToken.ThrowIfCancellationRequested();
            catalog.Publish(Load(source));
        }

        catalog.MarkSettled();
    }

    private ModelVersionEntry Load(VersionSource source)
    {
        try
        {
            var model = loader.Load(source);
            LogLoaded(logger, source.Model, source.Version, model.Device, model.DeviceReason);
            return new ModelVersionEntry(source.Model, source.Version, VersionState.Ready, string.Empty, model);
        }
        catch (Exception e)
        {
            // Whatever goes wrong with one version stays with that version: the rest still load.
            var reason = e is ModelLoadException ? e.Message : $"unexpected failure while loading: {e.Message}";
            LogRejected(logger, source.Model, source.Version, reason);
            return new ModelVersionEntry(source.Model, source.Version, VersionState.Unavailable, reason, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model repository {Root}: {Count} versions to load")]
    private static partial void LogScanned(ILogger logger, string root, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring {Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Model} version {Version} on {Device} ({DeviceReason})")]
    private static partial void LogLoaded(ILogger logger, string model, string version, Execution.ExecutionDevice device, string deviceReason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Model} version {Version} is unavailable: {Reason}")]
    private static partial void LogRejected(ILogger logger, string model, string version, string reason);
}
