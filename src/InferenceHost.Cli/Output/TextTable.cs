namespace InferenceHost.Cli.Output;

/// <summary>
/// Plain aligned columns, two spaces apart, no colour or box drawing: the same bytes on a terminal,
/// in a pipe and in a test, and easy to <c>grep</c> or <c>awk</c>.
/// </summary>
internal sealed class TextTable
{
    private const string Gap = "  ";

    private readonly List<string[]> _rows = [];

    private readonly int _columns;

    /// <param name="header">The column titles, written as the first row.</param>
    public TextTable(params string[] header)
        : this(header.Length, header)
    {
    }

    private TextTable(int columns, string[]? header)
    {
        _columns = columns;
        if (header is not null)
        {
            _rows.Add(header);
        }
    }

    /// <summary>A table of <paramref name="columns"/> columns without a header row (help lists, key/value lines).</summary>
    public static TextTable Untitled(int columns) => new(columns, header: null);

    public TextTable AddRow(params string[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(cells.Length, _columns, nameof(cells));
        // A cell is one line: a multi-line reason from the server must not break the columns.
        _rows.Add([.. cells.Select(cell => cell.ReplaceLineEndings(" "))]);
        return this;
    }

    public void WriteTo(TextWriter writer, string indent = "")
    {
        var widths = Enumerable.Range(0, _columns).Select(column => _rows.Select(row => row[column].Length).DefaultIfEmpty().Max()).ToArray();
        foreach (var row in _rows)
        {
            var line = string.Join(Gap, row.Select((cell, column) => cell.PadRight(widths[column])));
            writer.WriteLine((indent + line).TrimEnd());
        }
    }
}
