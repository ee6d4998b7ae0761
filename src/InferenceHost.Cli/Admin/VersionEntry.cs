namespace InferenceHost.Cli.Admin;

/// <summary>A version's state (<c>LOADING</c>, <c>READY</c>, <c>UNAVAILABLE</c>) and why it is not ready (empty when it is).</summary>
internal sealed record VersionEntry(string Version, string State, string Reason);
