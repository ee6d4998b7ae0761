using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Telemetry.Tests.Statistics;

public class NormalMixtureBoundTests
{
    private const double Alpha = 0.05;
    private const int Runs = 300;
    private const int Looks = 100;
    private const int PerLook = 50;

    /// <summary>
    /// Two identical Bernoulli streams looked at 100 times each: the always-valid interval on their difference
    /// must miss 0 at any look in at most about α of the runs, where the one-look z interval misses far more often.
    /// </summary>
    [Fact]
    public void Radius_EvaluatedAtEveryLook_MissesTheTruthInAtMostAlphaOfRuns()
    {
        var random = new Random(7);
        int mixtureMisses = 0, fixedMisses = 0;
        for (var run = 0; run < Runs; run++)
        {
            bool mixtureMissed = false, fixedMissed = false;
            long candidate = 0, baseline = 0;
            for (var look = 1; look <= Looks; look++)
            {
                for (var i = 0; i < PerLook; i++)
                {
                    candidate += random.NextDouble() < 0.1 ? 1 : 0;
                    baseline += random.NextDouble() < 0.1 ? 1 : 0;
                }

                var n = look * PerLook;
                var difference = (double)(candidate - baseline) / n;
                var variance = SmoothedVariance(candidate, n) + SmoothedVariance(baseline, n);
                mixtureMissed |= Math.Abs(difference) > NormalMixtureBound.Instance.Radius(variance, Alpha, 0.02);
                fixedMissed |= Math.Abs(difference) > 1.96 * Math.Sqrt(variance);
            }

            mixtureMisses += mixtureMissed ? 1 : 0;
            fixedMisses += fixedMissed ? 1 : 0;
        }

        Assert.InRange((double)mixtureMisses / Runs, 0, Alpha + 0.02);
        Assert.InRange((double)fixedMisses / Runs, 0.2, 1);
    }

    [Fact]
    public void Radius_MoreInformation_Shrinks()
    {
        var bound = NormalMixtureBound.Instance;

        Assert.True(bound.Radius(1e-4, Alpha, 0.01) < bound.Radius(1e-3, Alpha, 0.01));
        Assert.True(bound.Radius(1e-6, Alpha, 0.01) < bound.Radius(1e-4, Alpha, 0.01));
    }

    [Fact]
    public void Radius_ComparedWithOneLookInterval_IsWiderButSameOrder()
    {
        var variance = 1e-4;
        var radius = NormalMixtureBound.Instance.Radius(variance, Alpha, 0.02);

        Assert.InRange(radius / (1.96 * Math.Sqrt(variance)), 1.05, 2.5);
    }

    [Fact]
    public void Radius_ZeroVariance_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalMixtureBound.Instance.Radius(0, Alpha, 0.01));

    private static double SmoothedVariance(long count, long total)
    {
        var p = (count + 1.0) / (total + 2);
        return p * (1 - p) / total;
    }
}
