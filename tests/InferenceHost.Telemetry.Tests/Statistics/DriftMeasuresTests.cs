using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Telemetry.Tests.Statistics;

public class DriftMeasuresTests
{
    [Fact]
    public void PopulationStability_SameShares_IsZero() =>
        Assert.Equal(0, DriftMeasures.PopulationStability([500, 300, 200], [1000, 600, 400]), 3);

    [Fact]
    public void PopulationStability_ClassOneSideNeverPredicted_IsLargeButFinite()
    {
        var psi = DriftMeasures.PopulationStability([0, 500, 500], [500, 250, 250]);

        Assert.True(double.IsFinite(psi));
        Assert.True(psi > 1);
    }

    [Fact]
    public void KolmogorovSmirnov_ShiftedShares_IsLargestCumulativeGap() =>
        Assert.Equal(0.1, DriftMeasures.KolmogorovSmirnov([400, 350, 250], [500, 300, 200]), 9);
}
