using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Admin;

/// <summary>Rejects unusable <see cref="AdminOptions"/> at start, listing every problem.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Token)
            && (options.Token.Length < AdminOptions.MinTokenLength || options.Token.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            // Never echo the token: start-up errors end up in logs.
            failures.Add(
                $"{AdminOptions.SectionName}:{nameof(AdminOptions.Token)} must be at least {AdminOptions.MinTokenLength} characters " +
                "without whitespace or control characters; leave it unset to have one generated.");
        }

        if (string.IsNullOrEmpty(options.Token) && string.IsNullOrWhiteSpace(options.TokenFile))
        {
            failures.Add($"{AdminOptions.SectionName}:{nameof(AdminOptions.TokenFile)} must name a file when no token is configured.");
        }

        if (string.IsNullOrWhiteSpace(options.Principal)
            || options.Principal.Length > AdminOptions.MaxPrincipalLength
            || options.Principal.Any(char.IsControl))
        {
            failures.Add(
                $"{AdminOptions.SectionName}:{nameof(AdminOptions.Principal)} must be 1 to {AdminOptions.MaxPrincipalLength} characters " +
                "without control characters.");
        }

        if (options.MaxUploadBytes < 1)
        {
            failures.Add($"{AdminOptions.SectionName}:{nameof(AdminOptions.MaxUploadBytes)} must be 1 or more, not {options.MaxUploadBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
