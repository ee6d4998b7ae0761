using Microsoft.Extensions.Options;

namespace InferenceHost.Grains.Routing;

/// <summary>Rejects <see cref="SiloRouteTablesOptions"/> out of range at start, listing every problem.</summary>
internal sealed class SiloRouteTablesOptionsValidator : IValidateOptions<SiloRouteTablesOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloRouteTablesOptions options) =>
        options.PollInterval < SiloRouteTablesOptions.MinPollInterval || options.PollInterval > SiloRouteTablesOptions.MaxPollInterval
            ? ValidateOptionsResult.Fail(
                $"{SiloRouteTablesOptions.SectionName}:{nameof(SiloRouteTablesOptions.PollInterval)} is {options.PollInterval}; " +
                $"it must be from {SiloRouteTablesOptions.MinPollInterval} to {SiloRouteTablesOptions.MaxPollInterval}.")
            : ValidateOptionsResult.Success;
}
