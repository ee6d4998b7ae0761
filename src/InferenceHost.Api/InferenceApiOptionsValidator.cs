using Microsoft.Extensions.Options;

namespace InferenceHost.Api;

/// <summary>Rejects <see cref="InferenceApiOptions"/> out of range at start, listing every problem.</summary>
internal sealed class InferenceApiOptionsValidator : IValidateOptions<InferenceApiOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < InferenceApiOptions.MinRequestBodyBytes or > InferenceApiOptions.MaxRequestBodyBytesLimit)
        {
            failures.Add(
                $"{InferenceApiOptions.SectionName}:{nameof(InferenceApiOptions.MaxRequestBodyBytes)} is {options.MaxRequestBodyBytes}; " +
                $"it must be from {InferenceApiOptions.MinRequestBodyBytes} to {InferenceApiOptions.MaxRequestBodyBytesLimit} bytes.");
        }

        if (string.IsNullOrWhiteSpace(options.ServerName))
        {
            failures.Add($"{InferenceApiOptions.SectionName}:{nameof(InferenceApiOptions.ServerName)} must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
