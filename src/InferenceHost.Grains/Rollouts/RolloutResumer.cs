using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Rollouts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Rollouts;

/// <summary>
/// Wakes every model's rollout grain once this silo is serving, so a rollout that was running
/// when the cluster stopped goes on without waiting for its reminder (which in-memory reminder
/// services do not keep across a restart). Waking an idle model's grain costs one state read.
/// </summary>
internal sealed partial class RolloutResumer(
    IGrainFactory grains, IModelDirectory directory, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<RolloutResumer> logger)
    : BackgroundService
{
    private static readonly TimeSpan SettleCheck = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(static _ => { }, TaskScheduler.Default);
            while (!directory.IsSettled)
            {
                await Task.Delay(SettleCheck, time, stoppingToken);
            }

            foreach (var model in directory.ListVersions().Select(static v => v.Model).Distinct(StringComparer.Ordinal))
            {
                await WakeAsync(model);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo stopped before it was serving.
        }
    }

    private async Task WakeAsync(string model)
    {
        try
        {
            if (await grains.GetGrain<IModelRolloutGrain>(model).GetStatus() is { IsFinished: false } running)
            {
                LogResumed(logger, model, running.Number, running.Candidate);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWakeFailed(logger, model, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model '{Model}': rollout {Number} of version '{Candidate}' is running and resumes")]
    private static partial void LogResumed(ILogger logger, string model, long number, string candidate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model '{Model}': could not wake its rollout grain; its reminder will")]
    private static partial void LogWakeFailed(ILogger logger, string model, Exception exception);
}
