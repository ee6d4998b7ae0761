using InferenceHost.Grains.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InferenceHost.Grains.Repository;

/// <summary>
/// Runs <see cref="SiloRepositoryAgent.PollAsync"/> as often as silos poll route tables: a repository grain
/// activated afresh (after a silo joins or leaves) knows no silo's versions until each reports again, and
/// until then refuses deployments, so the reports must come back within seconds.
/// </summary>
internal sealed class SiloRepositoryPoller(SiloRepositoryAgent agent, IOptions<SiloRouteTablesOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await agent.PollAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
