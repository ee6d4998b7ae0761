namespace InferenceHost.Cli.Admin;

/// <summary>The request counts and gate results a decision was made on.</summary>
internal sealed record EvidenceView(long CandidateRequests, long BaselineRequests, long PhaseRequests, IReadOnlyList<GateView> Gates);
