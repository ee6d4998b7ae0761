using Microsoft.Extensions.Options;

namespace InferenceHost.Inference;

/// <summary>Stops the host at start when the model repository is missing, naming the folder it looked for.</summary>
internal sealed class RepositoryPathValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options) =>
        string.IsNullOrWhiteSpace(options.RepositoryPath) || Directory.Exists(options.RepositoryPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"InferenceHost:Inference:RepositoryPath must name an existing folder; '{Path.GetFullPath(options.RepositoryPath)}' does not exist");
}
