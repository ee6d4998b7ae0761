using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InferenceHost.Grains.Routing;

/// <summary>Runs <see cref="SiloRouteTables.PollAsync"/> every <see cref="SiloRouteTablesOptions.PollInterval"/>.</summary>
internal sealed class SiloRouteTablesPoller(SiloRouteTables tables, IOptions<SiloRouteTablesOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await tables.PollAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
