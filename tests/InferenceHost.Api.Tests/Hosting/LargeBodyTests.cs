using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InferenceHost.Api.Tests.Routing;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>Bodies past Kestrel's own default limit (about 28.6 MiB) but within the host's (64 MiB by default).</summary>
[Collection(RoutingHostCollection.Name)]
public sealed class LargeBodyTests(InferenceHostFixture host)
{
    private const int DataBytes = 30 * 1024 * 1024;

    /// <summary>
    /// A large binary body is read into a pooled array, past Kestrel's default: it reaches the model's checks
    /// (here, too many bytes for the shape), never a 413 from the server's own default.
    /// </summary>
    [Fact]
    public async Task Infer_BinaryBodyPastKestrelsDefaultLimit_IsReadWhole()
    {
        var header = Encoding.UTF8.GetBytes(
            $$"""{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","parameters":{"binary_data_size":{{DataBytes}} } }]}""");
        var content = new ByteArrayContent([.. header, .. new byte[DataBytes]]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(CultureInfo.InvariantCulture));

        var response = await host.Http.PostAsync(new Uri("/v2/models/iris-mlp/versions/1/infer", UriKind.Relative), content);

        await HttpAssert.ErrorAsync(
            response, HttpStatusCode.BadRequest, $"input 'input': shape [1,4] of FP32 needs 16 bytes but its binary data has {DataBytes}");
    }
}
