using InferenceHost.Inference;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InferenceHost.Grains.Repository;

/// <summary>Runs <see cref="SiloRepositoryAgent.PollAsync"/> every <see cref="InferenceOptions.RescanInterval"/>, beside the silo's rescans.</summary>
internal sealed class SiloRepositoryPoller(SiloRepositoryAgent agent, IOptions<InferenceOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RescanInterval, time);
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
