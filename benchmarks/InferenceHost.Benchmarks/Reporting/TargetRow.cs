namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// One line of issue 5's target table: a measured value per round (median and min–max), the target,
/// and whether the median meets it (<paramref name="AtMost"/>: the target is an upper bound).
/// <paramref name="Note"/> replaces the numbers when the row was not measured.
/// </summary>
internal sealed record TargetRow(string Id, string Description, double Target, bool AtMost, string Unit, Ratio? Value, string? Note = null);
