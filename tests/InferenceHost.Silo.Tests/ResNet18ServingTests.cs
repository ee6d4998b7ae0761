using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Tests.Common;
using Microsoft.ML.OnnxRuntime;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// The real pretrained ResNet18 (from its NuGet package) served end to end: what the host returns
/// over gRPC and over HTTP binary tensors is what ONNX Runtime itself computes for the same image.
/// </summary>
public sealed class ResNet18ServingTests(InferenceHostFixture host) : IClassFixture<InferenceHostFixture>
{
    private const string Input = "Input247";
    private const string Output = "Pooling395_Output_0";
    private static readonly long[] ImageShape = [1, 3, 224, 224];

    [Fact]
    public async Task ModelInfer_GrpcRawImage_MatchesInProcessOnnxRuntime()
    {
        var image = Image();
        var request = new ModelInferRequest { ModelName = "resnet18", Id = "img-1" };
        request.Inputs.Add(new ModelInferRequest.Types.InferInputTensor { Name = Input, Datatype = "FP32", Shape = { ImageShape } });
        request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(image.AsSpan())));

        var response = await new GRPCInferenceService.GRPCInferenceServiceClient(host.GrpcChannel).ModelInferAsync(request);

        Assert.Equal(("resnet18", "1", "img-1"), (response.ModelName, response.ModelVersion, response.Id));
        Assert.Equal([1L, 512, 1, 1], response.Outputs.Single().Shape);
        AssertFeatures(Reference(image), MemoryMarshal.Cast<byte, float>(response.RawOutputContents.Single().Span));
    }

    [Fact]
    public async Task Infer_HttpBinaryImage_MatchesInProcessOnnxRuntime()
    {
        var image = Image();
        var header = Encoding.UTF8.GetBytes(
            $$$"""{"inputs":[{"name":"{{{Input}}}","shape":[1,3,224,224],"datatype":"FP32","parameters":{"binary_data_size":{{{image.Length * 4}}}}}],"parameters":{"binary_data_output":true}}""");
        using var content = new ByteArrayContent([.. header, .. MemoryMarshal.AsBytes(image.AsSpan())]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("Inference-Header-Content-Length", $"{header.Length}");

        using var response = await host.Http.PostAsync(new Uri("/v2/models/resnet18/infer", UriKind.Relative), content);

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var jsonLength = int.Parse(response.Headers.GetValues("Inference-Header-Content-Length").Single(), System.Globalization.CultureInfo.InvariantCulture);
        using var json = JsonDocument.Parse(body.AsMemory(0, jsonLength));
        var output = json.RootElement.GetProperty("outputs")[0];
        Assert.Equal(Output, output.GetProperty("name").GetString());
        Assert.Equal(512 * 4, output.GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        AssertFeatures(Reference(image), MemoryMarshal.Cast<byte, float>(body.AsSpan(jsonLength)));
    }

    /// <summary>A deterministic, image-like input: smooth gradients per channel.</summary>
    private static float[] Image()
    {
        var image = new float[3 * 224 * 224];
        for (var i = 0; i < image.Length; i++)
        {
            var (channel, pixel) = Math.DivRem(i, 224 * 224);
            image[i] = (((pixel % 224) + (pixel / 224) + (channel * 50)) % 255) / 255f;
        }

        return image;
    }

    private static float[] Reference(float[] image)
    {
        using var session = new InferenceSession(Path.Combine(RepositoryPaths.Models, "resnet18", "1", "model.onnx"));
        using var input = OrtValue.CreateTensorValueFromMemory(image, ImageShape);
        using var results = session.Run(new RunOptions(), [Input], [input], [Output]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static void AssertFeatures(float[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Contains(expected, v => v != 0f);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-4f);
        }
    }
}
