namespace InferenceHost.Cli.Admin;

/// <summary>The shadow's version and the percent of requests also sent to it, off the response path.</summary>
internal sealed record ShadowAssignment(string Version, int Percent);
