namespace InferenceHost.Cli.Admin;

/// <summary>A serving slot's version and its percent of requests.</summary>
internal sealed record SlotAssignment(string Version, int Weight);
