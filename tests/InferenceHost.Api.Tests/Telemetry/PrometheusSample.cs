namespace InferenceHost.Api.Tests.Telemetry;

/// <summary>One sample line of a Prometheus exposition.</summary>
internal sealed record PrometheusSample(string Name, string Family, IReadOnlyDictionary<string, string> Labels, double Value);
