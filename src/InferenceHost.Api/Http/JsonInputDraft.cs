namespace InferenceHost.Api.Http;

/// <summary>
/// One input as read from the JSON header. Fields arrive in any order, so problems are noted
/// here and reported once the input's name is known; the data is kept as a slice to decode
/// when its datatype and shape are.
/// </summary>
internal sealed class JsonInputDraft(int index)
{
    public int Index { get; } = index;

    public string? Name { get; set; }

    public string? Datatype { get; set; }

    public long[]? Shape { get; set; }

    /// <summary>Start of the <c>data</c> value in the JSON header; -1 when absent.</summary>
    public int DataStart { get; set; } = -1;

    public int DataLength { get; set; }

    /// <summary>The <c>binary_data_size</c> parameter; -1 when absent.</summary>
    public long BinarySize { get; set; } = -1;

    /// <summary>The first problem found, phrased to follow <c>input 'name': </c>.</summary>
    public string? Problem { get; set; }

    public string Label => Name is null ? $"input {Index}" : $"input '{Name}'";

    public void NoteProblem(string problem) => Problem ??= problem;
}
