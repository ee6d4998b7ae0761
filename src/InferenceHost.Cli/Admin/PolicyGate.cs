namespace InferenceHost.Cli.Admin;

/// <summary>A gate of a policy: the metric and its threshold.</summary>
internal sealed record PolicyGate(string Metric, double Threshold);
