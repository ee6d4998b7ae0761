namespace InferenceHost.Cli.Admin;

/// <summary>A model, its versions' status, and its deployment's revision (0: never deployed).</summary>
internal sealed record ModelEntry(string Name, long Revision, IReadOnlyList<VersionEntry> Versions);
