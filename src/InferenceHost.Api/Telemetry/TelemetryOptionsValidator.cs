using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Telemetry;

/// <summary>Rejects <see cref="TelemetryOptions"/> out of range at start, listing every problem.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (options.FlushInterval < TelemetryOptions.MinFlushInterval || options.FlushInterval > TelemetryOptions.MaxFlushInterval)
        {
            failures.Add(
                $"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.FlushInterval)} is {options.FlushInterval}; " +
                $"it must be from {TelemetryOptions.MinFlushInterval} to {TelemetryOptions.MaxFlushInterval}.");
        }

        if (options.ServedCapacity is < TelemetryOptions.MinServedCapacity or > TelemetryOptions.MaxServedCapacity)
        {
            failures.Add(
                $"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.ServedCapacity)} is {options.ServedCapacity}; " +
                $"it must be from {TelemetryOptions.MinServedCapacity} to {TelemetryOptions.MaxServedCapacity}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
