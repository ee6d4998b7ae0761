using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Catalog;

/// <summary>
/// Loads the model repository when the host starts (a broken version is logged and published as
/// unavailable with its reason; the rest serve), passes the readiness gates, settles the catalog,
/// then rescans every <see cref="InferenceOptions.RescanInterval"/> to pick up versions that appeared
/// or went on disk (healing a missed push from the cluster).
/// </summary>
public sealed partial class ModelRepositoryLoader(
    ModelCatalog catalog,
    RepositorySynchronizer repository,
    IEnumerable<ICatalogReadinessGate> gates,
    IOptions<InferenceOptions> options,
    TimeProvider time,
    ILogger<ModelRepositoryLoader> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => RunAsync(stoppingToken), stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await repository.SynchronizeAsync(stoppingToken);
        LogLoaded(logger, repository.Root, options.Value.RescanInterval);
        foreach (var gate in gates)
        {
            await gate.PassAsync(catalog.Snapshot, stoppingToken);
        }

        catalog.MarkSettled();
        using var timer = new PeriodicTimer(options.Value.RescanInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RescanAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RescanAsync(CancellationToken stoppingToken)
    {
        try
        {
            await repository.SynchronizeAsync(stoppingToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A repository that cannot be read right now (a shared volume away) keeps what is loaded.
            LogRescanFailed(logger, repository.Root, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model repository {Root} loaded; rescanning it every {Interval}")]
    private static partial void LogLoaded(ILogger logger, string root, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not rescan the model repository {Root}; the loaded versions keep serving")]
    private static partial void LogRescanFailed(ILogger logger, string root, Exception exception);
}
