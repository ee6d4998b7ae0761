namespace InferenceHost.Inference.Catalog;

/// <summary>Orders canonical version ids numerically ("9" before "10") without parsing.</summary>
public sealed class VersionIdComparer : IComparer<string>
{
    public static readonly VersionIdComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var byLength = (x?.Length ?? 0).CompareTo(y?.Length ?? 0);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }
}
