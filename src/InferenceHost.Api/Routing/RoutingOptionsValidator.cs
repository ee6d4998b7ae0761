using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Routing;

/// <summary>Rejects <see cref="RoutingOptions"/> out of range at start, listing every problem.</summary>
internal sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StickyParameter))
        {
            failures.Add($"{RoutingOptions.SectionName}:{nameof(RoutingOptions.StickyParameter)} must not be empty.");
        }

        if (options.MaxShadowInFlight is < 1 or > RoutingOptions.MaxShadowInFlightLimit)
        {
            failures.Add(
                $"{RoutingOptions.SectionName}:{nameof(RoutingOptions.MaxShadowInFlight)} is {options.MaxShadowInFlight}; " +
                $"it must be from 1 to {RoutingOptions.MaxShadowInFlightLimit}.");
        }

        if (options.ShadowPairCapacity is < 1 or > RoutingOptions.ShadowPairCapacityLimit)
        {
            failures.Add(
                $"{RoutingOptions.SectionName}:{nameof(RoutingOptions.ShadowPairCapacity)} is {options.ShadowPairCapacity}; " +
                $"it must be from 1 to {RoutingOptions.ShadowPairCapacityLimit}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
