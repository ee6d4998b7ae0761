using System.ComponentModel.DataAnnotations;

namespace InferenceHost.Silo.Hosting;

/// <summary>
/// Where clients reach the host, section <c>InferenceHost:Endpoints</c>. Defaults are Triton's,
/// so existing clients work unchanged. Cleartext HTTP/2 (gRPC) cannot share a port with HTTP/1.1.
/// </summary>
public sealed class EndpointOptions : IValidatableObject
{
    public const string SectionName = "InferenceHost:Endpoints";

    private static readonly TimeSpan MaxDrainPeriod = TimeSpan.FromMinutes(5);

    /// <summary>Address to listen on: an IP, or <c>localhost</c>. Default <c>0.0.0.0</c> (every interface).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>v2 REST over HTTP/1.1. Default 8000.</summary>
    [Range(1, 65535)]
    public int HttpPort { get; set; } = 8000;

    /// <summary>v2 gRPC over cleartext HTTP/2. Default 8001.</summary>
    [Range(1, 65535)]
    public int GrpcPort { get; set; } = 8001;

    /// <summary>
    /// How long a silo told to stop keeps serving after its readiness turns false, so a load balancer
    /// takes it out before it refuses anything; then Orleans shuts down and hands its grains over.
    /// Default 5 s, from 0 to 5 min.
    /// </summary>
    public TimeSpan DrainPeriod { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HttpPort == GrpcPort)
        {
            yield return new ValidationResult($"HttpPort and GrpcPort must differ (both are {HttpPort})", [nameof(GrpcPort)]);
        }

        if (ListenAddress != "localhost" && !System.Net.IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult($"ListenAddress '{ListenAddress}' is neither an IP address nor 'localhost'", [nameof(ListenAddress)]);
        }

        if (DrainPeriod < TimeSpan.Zero || DrainPeriod > MaxDrainPeriod)
        {
            yield return new ValidationResult($"DrainPeriod must be from 00:00:00 to {MaxDrainPeriod} (is {DrainPeriod})", [nameof(DrainPeriod)]);
        }
    }
}
