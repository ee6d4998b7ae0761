using System.ComponentModel.DataAnnotations;

namespace InferenceHost.Silo.Storage;

/// <summary>Persisted grain state, section <c>InferenceHost:Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "InferenceHost:Storage";

    /// <summary><c>File</c> (default) or <c>Redis</c>.</summary>
    public StorageMode Mode { get; set; } = StorageMode.File;

    /// <summary>Folder for <c>File</c> mode, relative to the working directory. Default <c>state</c>.</summary>
    public string Path { get; set; } = "state";

    /// <summary>Redis for <c>Redis</c> mode; the cluster's Redis when empty.</summary>
    public string? RedisConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == StorageMode.File && string.IsNullOrWhiteSpace(Path))
        {
            yield return new ValidationResult("Path is required when Mode is File", [nameof(Path)]);
        }
    }
}
