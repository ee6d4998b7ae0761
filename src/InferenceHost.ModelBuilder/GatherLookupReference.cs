namespace InferenceHost.ModelBuilder;

/// <summary>
/// Predicts the output of the <c>gather-lookup</c> sample model: an embedding-style lookup of
/// each index in a fixed 10-entry table. An index outside [-10, 9] has no answer; ONNX Runtime's
/// CPU Gather fails the run, which is why the model exists.
/// </summary>
public static class GatherLookupReference
{
    public const string ModelName = "gather-lookup";
    public const string InputName = "index";
    public const string OutputName = "value";
    public const string TableName = "table";
    public const int TableSize = 10;

    public static IReadOnlyList<int> Versions { get; } = [1];

    /// <summary>The table the model holds: entry i is 0.5 * i + 1, so 1, 1.5, ..., 5.5 (exact in float).</summary>
    public static IReadOnlyList<float> Table { get; } = [.. Enumerable.Range(0, TableSize).Select(i => (0.5f * i) + 1f)];

    /// <summary>Whether Gather accepts the index: 0..9, or -10..-1 counting from the end.</summary>
    public static bool IsInRange(long index) => index is >= -TableSize and < TableSize;

    /// <summary>value[k] = table[index[k]], a negative index counting from the end as ONNX Gather does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [-10, 9].</exception>
    public static float[] Lookup(ReadOnlySpan<long> indices)
    {
        var values = new float[indices.Length];
        for (var k = 0; k < values.Length; k++)
        {
            var index = indices[k];
            if (!IsInRange(index))
            {
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"A table index lies in [-{TableSize}, {TableSize - 1}].");
            }

            values[k] = Table[(int)(index < 0 ? index + TableSize : index)];
        }

        return values;
    }
}
