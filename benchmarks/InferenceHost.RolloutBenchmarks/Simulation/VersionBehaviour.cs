namespace InferenceHost.RolloutBenchmarks.Simulation;

/// <summary>How a simulated version answers.</summary>
/// <param name="ErrorRate">Share of requests the model fails.</param>
/// <param name="MedianMs">Median latency (lognormal).</param>
/// <param name="Sigma">Lognormal σ of latency: a larger one fattens the tail and leaves the median alone.</param>
/// <param name="ClassShares">Share of each predicted class (three classes).</param>
/// <param name="NaNRate">Share of answered requests whose outputs hold NaN.</param>
/// <param name="Coupling">
/// On a request both versions answer, the chance the candidate copies the baseline's class; otherwise it
/// draws from the residual that keeps its class shares as given. Sets agreement on mirrored pairs.
/// </param>
internal sealed record VersionBehaviour(double ErrorRate, double MedianMs, double Sigma, double[] ClassShares, double NaNRate, double Coupling)
{
    public static readonly VersionBehaviour Baseline = new(0.005, 20, 0.4, [0.5, 0.3, 0.2], 0, 1);

    /// <summary>The residual class distribution (c − a·b)/(1 − a) that, mixed with copying at <see cref="Coupling"/>, keeps the class shares.</summary>
    public double[] Residual(VersionBehaviour baseline)
    {
        if (Coupling >= 1)
        {
            return ClassShares;
        }

        var residual = new double[ClassShares.Length];
        for (var k = 0; k < residual.Length; k++)
        {
            residual[k] = (ClassShares[k] - (Coupling * baseline.ClassShares[k])) / (1 - Coupling);
            if (residual[k] < -1e-12)
            {
                throw new ArgumentException($"coupling {Coupling} is too high for class shares [{string.Join(", ", ClassShares)}]");
            }
        }

        return residual;
    }
}
