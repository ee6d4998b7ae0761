using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace InferenceHost.Api.Tests.Telemetry;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): HELP and TYPE lines, samples with
/// label sets, each sample belonging to a typed family declared before it, histograms whose buckets are
/// cumulative and end in +Inf equal to their count. Anything else throws <see cref="FormatException"/>.
/// </summary>
internal sealed partial class PrometheusText
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly List<PrometheusSample> _samples = [];

    private PrometheusText()
    {
    }

    public IReadOnlyDictionary<string, string> FamilyTypes => _types;

    public IReadOnlyList<PrometheusSample> Samples => _samples;

    public static PrometheusText Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition does not end with a line feed");
        }

        var parsed = new PrometheusText();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            try
            {
                parsed.Read(lines[i]);
            }
            catch (FormatException error)
            {
                throw new FormatException($"line {i + 1} '{lines[i]}': {error.Message}", error);
            }
        }

        parsed.CheckHistograms();
        return parsed;
    }

    /// <summary>The samples named <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IEnumerable<PrometheusSample> Find(string name, params (string Name, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value));

    /// <summary>
    /// The one sample named <paramref name="name"/> with exactly these labels, besides the exporter's
    /// <c>otel_scope_*</c> labels; 0 when absent.
    /// </summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        Find(name, labels).SingleOrDefault(s => s.Labels.Keys.Count(k => !k.StartsWith("otel_scope_", StringComparison.Ordinal)) == labels.Length)?.Value ?? 0;

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    private void Read(string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith('#'))
        {
            ReadComment(line);
            return;
        }

        var position = 0;
        var name = Token(line, ref position, static c => c is '{' or ' ');
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"'{name}' is not a metric name");
        }

        var labels = position < line.Length && line[position] == '{' ? ReadLabels(line, ref position) : new Dictionary<string, string>(StringComparer.Ordinal);
        if (position >= line.Length || line[position] != ' ')
        {
            throw new FormatException("a space must separate the sample's name and labels from its value");
        }

        var rest = line[(position + 1)..].Split(' ');
        if (rest.Length > 2 || (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException("a sample is a value and an optional integer timestamp");
        }

        var family = FamilyOf(name) ?? throw new FormatException($"sample '{name}' has no TYPE before it");
        _samples.Add(new PrometheusSample(name, family, labels, ParseValue(rest[0])));
    }

    private void ReadComment(string line)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
        {
            return;
        }

        if (!MetricName().IsMatch(parts[2]))
        {
            throw new FormatException($"'{parts[2]}' is not a metric name");
        }

        if (parts[1] == "TYPE")
        {
            if (parts.Length != 4 || !Types.Contains(parts[3]))
            {
                throw new FormatException("TYPE needs one of " + string.Join(", ", Types));
            }

            if (!_types.TryAdd(parts[2], parts[3]) || _samples.Any(s => s.Family == parts[2]))
            {
                throw new FormatException($"TYPE of '{parts[2]}' is given twice or after its samples");
            }
        }
    }

    private string? FamilyOf(string name)
    {
        if (_types.ContainsKey(name))
        {
            return name;
        }

        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && _types.TryGetValue(name[..^suffix.Length], out var type) && type is "histogram" or "summary")
            {
                return name[..^suffix.Length];
            }
        }

        return null;
    }

    private static Dictionary<string, string> ReadLabels(string line, ref int position)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        position++;
        while (position < line.Length && line[position] != '}')
        {
            var name = Token(line, ref position, static c => c == '=');
            if (!LabelName().IsMatch(name) || position + 1 >= line.Length || line[position + 1] != '"')
            {
                throw new FormatException($"'{name}' is not a label name followed by =\"");
            }

            position += 2;
            var value = new StringBuilder();
            while (position < line.Length && line[position] != '"')
            {
                if (line[position] == '\\')
                {
                    value.Append(position + 1 < line.Length ? line[position + 1] switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        var other => throw new FormatException($"'\\{other}' is not an escape"),
                    } : throw new FormatException("an escape ends the line"));
                    position += 2;
                }
                else
                {
                    value.Append(line[position++]);
                }
            }

            if (position >= line.Length || !labels.TryAdd(name, value.ToString()))
            {
                throw new FormatException($"label '{name}' is unterminated or repeated");
            }

            position++;
            if (position < line.Length && line[position] == ',')
            {
                position++;
            }
        }

        if (position >= line.Length)
        {
            throw new FormatException("the label set is not closed");
        }

        position++;
        return labels;
    }

    private static string Token(string line, ref int position, Func<char, bool> end)
    {
        var start = position;
        while (position < line.Length && !end(line[position]))
        {
            position++;
        }

        return line[start..position];
    }

    private static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a sample value"),
    };

    private void CheckHistograms()
    {
        foreach (var (family, _) in _types.Where(t => t.Value == "histogram"))
        {
            var series = _samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
            foreach (var buckets in series)
            {
                var ordered = buckets.OrderBy(b => ParseValue(b.Labels["le"])).ToList();
                if (ordered.Zip(ordered.Skip(1)).Any(p => p.Second.Value < p.First.Value) || !double.IsPositiveInfinity(ParseValue(ordered[^1].Labels["le"])))
                {
                    throw new FormatException($"histogram '{family}' {{{buckets.Key}}}: buckets are not cumulative or lack +Inf");
                }

                var count = _samples.Single(s => s.Name == family + "_count"
                    && s.Labels.Count == ordered[^1].Labels.Count - 1 && s.Labels.All(l => ordered[^1].Labels.TryGetValue(l.Key, out var v) && v == l.Value));
                if (count.Value != ordered[^1].Value)
                {
                    throw new FormatException($"histogram '{family}' {{{buckets.Key}}}: +Inf bucket {ordered[^1].Value} is not the count {count.Value}");
                }
            }
        }
    }
}
