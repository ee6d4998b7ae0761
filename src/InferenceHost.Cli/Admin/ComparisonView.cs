namespace InferenceHost.Cli.Admin;

/// <summary><c>GET /admin/v1/models/{m}/compare</c>: a candidate against a baseline over the window, on every gate.</summary>
internal sealed record ComparisonView(
    string Model,
    string Candidate,
    string Baseline,
    string Window,
    DateTimeOffset From,
    DateTimeOffset To,
    long CandidateRequests,
    long BaselineRequests,
    IReadOnlyList<GateView> Gates);
