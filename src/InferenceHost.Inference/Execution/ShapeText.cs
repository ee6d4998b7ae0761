namespace InferenceHost.Inference.Execution;

/// <summary>Shapes as clients read them in errors and logs: <c>[-1,4]</c>.</summary>
internal static class ShapeText
{
    public static string Format(ReadOnlySpan<long> shape) => $"[{string.Join(',', shape.ToArray())}]";

    /// <summary>Elements in a concrete shape; -1 when a dimension is negative or the product overflows.</summary>
    public static long ElementCount(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                return -1;
            }

            try
            {
                count = checked(count * dim);
            }
            catch (OverflowException)
            {
                return -1;
            }
        }

        return count;
    }
}
