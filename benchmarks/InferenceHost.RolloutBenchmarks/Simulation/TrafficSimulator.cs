namespace InferenceHost.RolloutBenchmarks.Simulation;

/// <summary>
/// A steady request stream split between a baseline and a candidate: each request goes to the candidate
/// with the canary weight, and a request the baseline serves is mirrored to the candidate with the shadow
/// percent. Every outcome of request n is drawn from (run, n) alone, so all policies see the same stream.
/// </summary>
internal sealed class TrafficSimulator(Scenario scenario, ulong run, int requestsPerInterval)
{
    private const int RouteField = 0;
    private const int MirrorField = 1;
    private const int BaselineFields = 10;
    private const int CandidateFields = 20;

    private readonly StreamRandom random = new(run);
    private readonly VersionBehaviour baseline = VersionBehaviour.Baseline;
    private readonly VersionBehaviour candidate = scenario.Candidate;
    private readonly double[] residual = scenario.Candidate.Residual(VersionBehaviour.Baseline);

    public IntervalTraffic Next(int interval, int canaryWeight, int mirrorPercent)
    {
        var candidateDelta = new AggregateBuilder();
        var baselineDelta = new AggregateBuilder();
        long served = 0;
        var first = (long)interval * requestsPerInterval;
        for (var request = first; request < first + requestsPerInterval; request++)
        {
            var baselineClass = Draw(baseline.ClassShares, random.Uniform(request, BaselineFields + 4));
            if (random.Uniform(request, RouteField) * 100 < canaryWeight)
            {
                served++;
                Answer(candidateDelta, candidate, request, CandidateFields, CandidateClass(request, baselineClass));
                continue;
            }

            var baselineAnswered = Answer(baselineDelta, baseline, request, BaselineFields, baselineClass);
            if (random.Uniform(request, MirrorField) * 100 < mirrorPercent)
            {
                var candidateClass = CandidateClass(request, baselineClass);
                if (Answer(candidateDelta, candidate, request, CandidateFields, candidateClass) && baselineAnswered)
                {
                    candidateDelta.Paired(candidateClass == baselineClass);
                }
            }
        }

        return new IntervalTraffic(candidateDelta.Build(), baselineDelta.Build(), served);
    }

    private static int Draw(double[] shares, double u)
    {
        for (var k = 0; k < shares.Length - 1; k++)
        {
            u -= shares[k];
            if (u < 0)
            {
                return k;
            }
        }

        return shares.Length - 1;
    }

    /// <summary>Copies the baseline's class with the coupling, else draws from the residual: the candidate's shares come out as given.</summary>
    private int CandidateClass(long request, int baselineClass) =>
        random.Uniform(request, CandidateFields + 5) < candidate.Coupling ? baselineClass : Draw(residual, random.Uniform(request, CandidateFields + 6));

    /// <summary>Records one answer (or failure); a NaN answer has no class, so it is left out of the mirrored pairs. Returns whether it answered with a valid output.</summary>
    private bool Answer(AggregateBuilder delta, VersionBehaviour version, long request, int fields, int predictedClass)
    {
        if (random.Uniform(request, fields) < version.ErrorRate)
        {
            delta.Failed();
            return false;
        }

        var milliseconds = version.MedianMs * Math.Exp(version.Sigma * random.Normal(request, fields + 1));
        var invalid = random.Uniform(request, fields + 3) < version.NaNRate;
        delta.Answered(milliseconds, predictedClass, invalid);
        return !invalid;
    }
}
