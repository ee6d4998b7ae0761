namespace InferenceHost.Silo.Hosting;

/// <summary>
/// Holds the host's shutdown for <see cref="EndpointOptions.DrainPeriod"/> before any hosted service stops:
/// readiness answers false from its start (it reads <c>ApplicationStopping</c>), while Kestrel and the silo
/// keep serving in-flight and new requests until a load balancer has taken this silo out. The host calls
/// every <see cref="StoppingAsync"/> before any <c>StopAsync</c>, so the drain precedes Kestrel's and Orleans' stops.
/// </summary>
internal sealed partial class GracefulDrain(
    TimeSpan drainPeriod, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<GracefulDrain> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // A signal (SIGTERM) raises ApplicationStopping before the host stops, but IHost.StopAsync raises it
        // only after every StoppingAsync: raising it here makes readiness go false first on both paths.
        lifetime.StopApplication();
        if (drainPeriod <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(logger, drainPeriod);
        try
        {
            await Task.Delay(drainPeriod, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout (or a second signal) cut the drain short: stop now rather than fail the stop.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
