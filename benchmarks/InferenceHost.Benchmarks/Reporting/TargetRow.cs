namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// One line of issue 5's target table: a measured value per round (median and min–max), the target,
/// and whether the median meets it (<paramref name="AtMost"/>: the target is an upper bound).
/// <paramref name="Note"/> replaces the numbers when the row was not measured; <paramref name="Kind"/> says
/// whether the row is a target at all.
/// </summary>
internal sealed record TargetRow(
    string Id, string Description, double Target, bool AtMost, string Unit, Ratio? Value, string? Note = null, TargetRowKind Kind = TargetRowKind.Target);

/// <summary>How a <see cref="TargetRow"/> is judged.</summary>
internal enum TargetRowKind
{
    /// <summary>Met or missed against its target.</summary>
    Target,

    /// <summary>An A/A control: ≈ 1 within the noise.</summary>
    Control,

    /// <summary>The most the setup can measure for a target's ratio: below the target, no server can meet it here.</summary>
    Ceiling,

    /// <summary>Reported beside the targets, with no target of its own.</summary>
    Reported,
}
