using System.Security;
using System.Text;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// Median throughput per mode and concurrency as horizontal bars on a log scale (raw ONNX Runtime is
/// ten times the servers for the small model), one group per (model, concurrency); SVG written by hand.
/// </summary>
internal static class ThroughputChart
{
    private const int LabelWidth = 330;
    private const int BarArea = 560;
    private const int BarHeight = 14;
    private const int GroupGap = 22;
    private const string Raw = "raw ORT";

    public static string Render(IReadOnlyList<ResultRow> rows, IReadOnlyList<ModelWorkload> workloads)
    {
        var groups = workloads
            .SelectMany(workload => rows.Where(row => row.Model == workload.Model).GroupBy(row => row.Concurrency).OrderBy(group => group.Key)
                .Select(group => (Title: $"{workload.Model}, concurrency {group.Key}", Rows: group.ToList())))
            .ToList();
        var values = rows.Select(row => row.Throughput).Where(value => value > 0).ToList();
        var low = Math.Pow(10, Math.Floor(Math.Log10(values.Count == 0 ? 1 : values.Min())));
        var high = Math.Pow(10, Math.Ceiling(Math.Log10(values.Count == 0 ? 10 : values.Max())));
        var height = 50 + groups.Sum(group => GroupGap + (group.Rows.Count * (BarHeight + 3))) + 30;
        var width = LabelWidth + BarArea + 110;

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        Append(svg, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"10\" y=\"20\" font-size=\"14\">Throughput (req/s, log scale; medians over rounds)</text>");
        var y = 40.0;
        foreach (var (title, groupRows) in groups)
        {
            y += GroupGap;
            Append(svg, $"<text x=\"10\" y=\"{y - 6:F0}\" font-weight=\"bold\">{Escape(title)}</text>");
            foreach (var row in groupRows.OrderByDescending(row => row.Mode == Raw).ThenByDescending(row => row.Throughput))
            {
                var length = row.Throughput <= low ? 1 : BarArea * Math.Log10(row.Throughput / low) / Math.Log10(high / low);
                var colour = row.Mode == Raw ? "#888" : row.Mode.StartsWith("plain", StringComparison.Ordinal) || row.Mode.StartsWith("nginx", StringComparison.Ordinal) ? "#e08a2c" : "#2c7be0";
                Append(svg, $"<text x=\"{LabelWidth - 6}\" y=\"{y + BarHeight - 3:F0}\" text-anchor=\"end\">{Escape(row.Mode)}</text>");
                Append(svg, $"<rect x=\"{LabelWidth}\" y=\"{y:F0}\" width=\"{length:F1}\" height=\"{BarHeight}\" fill=\"{colour}\"/>");
                Append(svg, $"<text x=\"{LabelWidth + length + 4:F1}\" y=\"{y + BarHeight - 3:F0}\">{row.Throughput:N0}</text>");
                y += BarHeight + 3;
            }
        }

        for (var tick = low; tick <= high * 1.0001; tick *= 10)
        {
            var x = LabelWidth + (BarArea * Math.Log10(tick / low) / Math.Log10(high / low));
            Append(svg, $"<line x1=\"{x:F1}\" y1=\"40\" x2=\"{x:F1}\" y2=\"{y + 4:F0}\" stroke=\"#ccc\"/>");
            Append(svg, $"<text x=\"{x:F1}\" y=\"{y + 18:F0}\" text-anchor=\"middle\">{tick:N0}</text>");
        }

        Append(svg, "</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static void Append(StringBuilder svg, string line) => svg.Append(line).Append('\n');
}
