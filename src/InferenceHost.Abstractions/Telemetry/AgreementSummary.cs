namespace InferenceHost.Abstractions.Telemetry;

/// <summary>How a shadow version's outputs compared with the primary's on the same requests, mergeable.</summary>
/// <param name="Pairs">Paired rows compared (both sides answered).</param>
/// <param name="Top1Agreements">Classifier rows where both predicted the same class.</param>
/// <param name="AbsoluteDifferenceSum">Sum of |shadow − primary| over every compared element of the first output.</param>
/// <param name="Elements">Elements behind <see cref="AbsoluteDifferenceSum"/>.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.AgreementSummary")]
public sealed record AgreementSummary(
    [property: Id(0)] long Pairs,
    [property: Id(1)] long Top1Agreements,
    [property: Id(2)] double AbsoluteDifferenceSum,
    [property: Id(3)] long Elements)
{
    public static readonly AgreementSummary Empty = new(0, 0, 0, 0);

    public AgreementSummary Merge(AgreementSummary other) => new(
        Pairs + other.Pairs,
        Top1Agreements + other.Top1Agreements,
        AbsoluteDifferenceSum + other.AbsoluteDifferenceSum,
        Elements + other.Elements);
}
