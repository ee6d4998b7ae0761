using InferenceHost.Abstractions.Routing;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Grains.Management;

/// <summary>The telemetry series for charts: its window and step checked here, where the retention is known, before the telemetry grain is asked.</summary>
public sealed partial class ModelManagementGrain
{
    /// <summary>
    /// The shortest step (or the telemetry's bucket width, when wider): the silos flush about once a second, so a shorter
    /// step would chart the flushes, not the traffic.
    /// </summary>
    public static readonly TimeSpan MinSeriesStep = TimeSpan.FromSeconds(1);

    public async Task<TelemetrySeries> GetTelemetrySeries(string model, TimeSpan window, TimeSpan step, string? baseline)
    {
        Known(model);
        var settings = telemetry.Value;
        CheckSeries(window, step, TimeSpan.FromTicks(Math.Max(MinSeriesStep.Ticks, settings.BucketWidth.Ticks)), settings.Retention);
        if (baseline is not null && !DeploymentRules.IsVersionId(baseline))
        {
            throw Invalid($"the baseline is a version id (a positive integer), not '{baseline}'");
        }

        baseline ??= await ActiveVersion(model);
        return await GrainFactory.GetGrain<IModelTelemetryGrain>(model).GetSeries(window, step, baseline);
    }

    private static void CheckSeries(TimeSpan window, TimeSpan step, TimeSpan shortestStep, TimeSpan retention)
    {
        if (step < shortestStep)
        {
            throw Invalid($"the step must be at least {shortestStep}, not {step}");
        }

        if (window < step || window > retention)
        {
            throw Invalid($"the window must be from one step ({step}) to the telemetry retention ({retention}), not {window}");
        }

        if (window.Ticks > step.Ticks * IModelTelemetryGrain.MaxSeriesPoints)
        {
            var seconds = Math.Ceiling(window.TotalSeconds / IModelTelemetryGrain.MaxSeriesPoints);
            var shortest = TimeSpan.FromSeconds(seconds);
            throw Invalid($"a series has at most {IModelTelemetryGrain.MaxSeriesPoints} points: a window of {window} needs a step of at least {shortest}, not {step}");
        }
    }

    /// <summary>What the model's traffic goes to unless a rollout diverts some: the active colour, or with nothing deployed the highest ready version.</summary>
    private async Task<string?> ActiveVersion(string model)
    {
        var table = await Router(model).GetRouteTable();
        return table.Deployment is { } deployment
            ? deployment[deployment.Active]?.Version
            : directory.ReadyVersions(model) is { Count: > 0 } ready ? ready[^1] : null;
    }
}
