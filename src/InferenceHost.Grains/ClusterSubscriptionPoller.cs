using InferenceHost.Grains.Repository;
using InferenceHost.Grains.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InferenceHost.Grains;

/// <summary>
/// Every <see cref="SiloRouteTablesOptions.PollInterval"/>, renews this silo's subscriptions to the
/// cluster's authorities and heals what a lost push missed: route tables are re-read, and this silo's
/// versions are reported again (a repository grain activated afresh knows none until silos report).
/// </summary>
internal sealed class ClusterSubscriptionPoller(
    SiloRouteTables tables, SiloRepositoryAgent repository, IOptions<SiloRouteTablesOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await tables.PollAsync();
                await repository.PollAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
