using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace InferenceHost.Silo.Tests;

public sealed class RedisClusteringTests(RedisClusteredHostFixture host) : IClassFixture<RedisClusteredHostFixture>
{
    [Fact]
    public async Task Infer_HostJoinedThroughRedis_Serves()
    {
        using var body = new StringContent(
            """{"id":"r","inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}""",
            Encoding.UTF8,
            "application/json");

        using var response = await host.Http.PostAsync(new Uri("/v2/models/iris-mlp/versions/1/infer", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("1", json.RootElement.GetProperty("model_version").GetString());
        var label = json.RootElement.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "label");
        Assert.Equal(0, label.GetProperty("data")[0].GetInt64());
    }
}
