namespace InferenceHost.Api.Tests.Telemetry;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Parse_ValidExposition_ReadsFamiliesLabelsAndValues()
    {
        var text = PrometheusText.Parse(
            "# HELP a_total Help text.\n# TYPE a_total counter\na_total{model=\"m\",path=\"x\\\"y\\\\z\"} 3 1700000000\n" +
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3.5\nh_count 2\n");

        Assert.Equal("counter", text.FamilyTypes["a_total"]);
        Assert.Equal(3, text.Value("a_total", ("model", "m"), ("path", "x\"y\\z")));
        Assert.Equal(2, text.Value("h_count"));
    }

    [Theory]
    [InlineData("a 1\n")]
    [InlineData("# TYPE a counter\na{b=\"c} 1\n")]
    [InlineData("# TYPE a counter\na{1b=\"c\"} 1\n")]
    [InlineData("# TYPE a counter\na{b=\"\\t\"} 1\n")]
    [InlineData("# TYPE a counter\na one\n")]
    [InlineData("# TYPE a counter\na 1")]
    [InlineData("# TYPE a counter\n# TYPE a gauge\n")]
    [InlineData("# TYPE a widget\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n")]
    public void Parse_InvalidExposition_Throws(string exposition)
    {
        Assert.Throws<FormatException>(() => PrometheusText.Parse(exposition));
    }
}
