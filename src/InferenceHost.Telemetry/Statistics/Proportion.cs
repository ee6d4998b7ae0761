namespace InferenceHost.Telemetry.Statistics;

/// <summary>A count out of a total, with the smoothed variance the gates use.</summary>
internal readonly record struct Proportion(double Count, double Total)
{
    public double Rate => Total > 0 ? Count / Total : double.NaN;

    /// <summary>
    /// The variance of <see cref="Rate"/>, from the Laplace-smoothed rate (x+1)/(n+2): with no NaN
    /// (or no error) on either side the plain estimate would claim zero variance and a zero-width
    /// interval after a handful of requests; the smoothed one shrinks only as requests accumulate.
    /// </summary>
    public double Variance
    {
        get
        {
            var smoothed = (Count + 1) / (Total + 2);
            return smoothed * (1 - smoothed) / Total;
        }
    }
}
