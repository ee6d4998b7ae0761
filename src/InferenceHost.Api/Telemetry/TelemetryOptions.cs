using InferenceHost.Telemetry.Recording;

namespace InferenceHost.Api.Telemetry;

/// <summary>
/// How this silo records and flushes telemetry, bound from <c>InferenceHost:Telemetry</c> and validated
/// at start (<see cref="TelemetryOptionsValidator"/>).
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "InferenceHost:Telemetry";

    public static readonly TimeSpan MinFlushInterval = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan MaxFlushInterval = TimeSpan.FromMinutes(1);

    public const int MinServedCapacity = 16;

    public const int MaxServedCapacity = 1 << 20;

    /// <summary>
    /// Whether requests are recorded at all. Default true. False serves requests without recording
    /// counters or durations and without flushing to the telemetry grains, so rollout gates and
    /// <c>/metrics</c> see nothing from this silo: for measuring what recording costs, not for production.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often this silo sends what it recorded to each model's telemetry grain. Default 1 s;
    /// 50 ms to 1 min. Shorter makes decisions and feedback joins see requests sooner, at a grain call per model each time.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Answers with an id kept between two flushes (older ones are dropped and counted), and the most
    /// kept for a telemetry grain that cannot be reached. Default 16,384; 16 to 1,048,576.
    /// </summary>
    public int ServedCapacity { get; set; } = TelemetryRecorder.DefaultServedCapacity;
}
