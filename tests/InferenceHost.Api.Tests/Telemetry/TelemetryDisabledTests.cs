using System.Net;
using System.Text;
using InferenceHost.Telemetry.Recording;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Telemetry;

public sealed class TelemetryDisabledTests(TelemetryDisabledTests.TelemetryOffHostFixture host) : IClassFixture<TelemetryDisabledTests.TelemetryOffHostFixture>
{
    private const string OneFlower = """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}""";

    [Fact]
    public async Task Infer_WithTelemetryDisabled_ServesAndRecordsNothing()
    {
        for (var i = 0; i < 3; i++)
        {
            using var content = new StringContent(OneFlower, Encoding.UTF8, "application/json");
            using var response = await host.Http.PostAsync(new Uri("/v2/models/iris-mlp/versions/1/infer", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(host.Services.GetRequiredService<TelemetryRecorder>().Counters());
    }

    /// <summary>A host of its own with <c>InferenceHost:Telemetry:Enabled=false</c>.</summary>
    public sealed class TelemetryOffHostFixture : InferenceHostFixture
    {
        protected override IEnumerable<string> ExtraArguments() => ["--InferenceHost:Telemetry:Enabled=false"];
    }
}
