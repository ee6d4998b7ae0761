namespace InferenceHost.Cli.Admin;

/// <summary>A successful answer: the body read, and the JSON exactly as it came (what <c>--json</c> prints).</summary>
internal sealed record AdminReply<T>(T Body, string Json);
