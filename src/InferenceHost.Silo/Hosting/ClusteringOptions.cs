using System.ComponentModel.DataAnnotations;

namespace InferenceHost.Silo.Hosting;

/// <summary>Orleans cluster membership, section <c>InferenceHost:Cluster</c>.</summary>
public sealed class ClusteringOptions : IValidatableObject
{
    public const string SectionName = "InferenceHost:Cluster";

    /// <summary><c>Localhost</c> (default) or <c>Redis</c>.</summary>
    public ClusteringMode Mode { get; set; } = ClusteringMode.Localhost;

    /// <summary>StackExchange.Redis connection string, e.g. <c>127.0.0.1:6379</c>; required for Redis mode.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Silos with the same ClusterId form one cluster. Default <c>inferencehost</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ClusterId { get; set; } = "inferencehost";

    /// <summary>Identifies the service across cluster restarts (persisted state is keyed by it). Default <c>inferencehost</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ServiceId { get; set; } = "inferencehost";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients (the CLI). Default 30000.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this one at (Redis mode); this host's address when empty.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Running in Kubernetes (Redis mode only): Orleans' Kubernetes hosting names the silo after its pod,
    /// advertises the pod's IP unless <see cref="AdvertisedAddress"/> is set, and deletes the pods of silos
    /// the cluster declared dead. Default false.
    /// </summary>
    public bool Kubernetes { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == ClusteringMode.Redis && string.IsNullOrWhiteSpace(RedisConnectionString))
        {
            yield return new ValidationResult("RedisConnectionString is required when Mode is Redis", [nameof(RedisConnectionString)]);
        }

        if (Kubernetes && Mode != ClusteringMode.Redis)
        {
            yield return new ValidationResult("Kubernetes hosting needs Mode Redis (membership must outlive any one pod)", [nameof(Kubernetes)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"SiloPort and GatewayPort must differ (both are {SiloPort})", [nameof(GatewayPort)]);
        }

        if (AdvertisedAddress is { Length: > 0 } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            yield return new ValidationResult($"AdvertisedAddress '{address}' is not an IP address", [nameof(AdvertisedAddress)]);
        }
    }
}
