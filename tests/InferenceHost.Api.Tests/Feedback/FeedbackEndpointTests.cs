using System.Net;
using System.Text;
using Grpc.Core;
using InferenceHost.Api.Feedback.Protocol;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Api.Tests.Feedback;

/// <summary><c>POST /v2/models/{m}/feedback</c> and <c>inferencehost.feedback.v1.Feedback</c> on the real host.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class FeedbackEndpointTests(ApiHostFixture host)
{
    private InferenceHost.Api.Feedback.Protocol.Feedback.FeedbackClient Grpc => new(host.GrpcChannel);

    [Fact]
    public async Task PostFeedback_ForAServedRequest_IsCountedForTheVersionThatServedIt()
    {
        var id = $"req-{Guid.NewGuid():N}";
        var infer = await host.Http.PostAsync(
            new Uri("/v2/models/iris-mlp/versions/2/infer", UriKind.Relative),
            Json($$"""{"id": "{{id}}", "inputs": [{"name": "{{IrisMlpReference.InputName}}", "shape": [2, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2, 6.3, 3.3, 6.0, 2.5]}]}"""));
        Assert.Equal(HttpStatusCode.OK, infer.StatusCode);

        var labels = IrisAssert.Labels(2, IrisAssert.TwoFlowers);
        var response = await PostAsync("iris-mlp", $$"""{"id": "{{id}}", "labels": [{{labels[0]}}, {{labels[1]}}]}""");

        var json = await HttpAssert.OkJsonAsync(response);
        Assert.Equal(["id", "model_name", "model_version", "slot", "rows", "correct", "absolute_error"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal((id, "iris-mlp", "2", 2), (json.GetProperty("id").GetString(), json.GetProperty("model_name").GetString(), json.GetProperty("model_version").GetString(), json.GetProperty("rows").GetInt32()));
        Assert.Equal(2, json.GetProperty("correct").GetInt32());

        // The same id again is refused: a label is counted once.
        await HttpAssert.ErrorMessageAsync(await PostAsync("iris-mlp", $$"""{"id": "{{id}}", "labels": [0, 0]}"""), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostFeedback_UnknownModel_Answers404AsInferenceDoes()
    {
        var feedback = await PostAsync("no-such-model", """{"id": "req-1", "label": 1}""");
        var infer = await host.Http.PostAsync(new Uri("/v2/models/no-such-model/infer", UriKind.Relative), Json("{}"));

        var message = await HttpAssert.ErrorMessageAsync(feedback, HttpStatusCode.NotFound);
        Assert.Equal(await HttpAssert.ErrorMessageAsync(infer, HttpStatusCode.NotFound), message);
    }

    [Fact]
    public async Task PostFeedback_UnknownId_Answers404()
    {
        var message = await HttpAssert.ErrorMessageAsync(await PostAsync("iris-mlp", """{"id": "never-served", "label": 1}"""), HttpStatusCode.NotFound);

        Assert.Contains("never-served", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "invalid feedback: the request body is empty; send {\"id\": \"<request id>\", \"label\": <label>}")]
    [InlineData("""{"label": 1}""", "invalid feedback: 'id' is missing: name the request the labels are for")]
    [InlineData("""{"id": "req-1", "label": "setosa"}""", "invalid feedback: 'label' must be a number (a class index, or a regressor's value), not \"setosa\"")]
    [InlineData("""{"id": "req-1", "labels": [1, "x"]}""", "invalid feedback: 'labels[1]' must be a number, not \"x\"")]
    [InlineData("""{"id": "req-1"}""", "invalid feedback: 'label' is missing: send 'label', or 'labels' with one per batch row")]
    [InlineData("""{"id": "req-1", "label": 1, "labels": [1]}""", "invalid feedback: send 'label' or 'labels', not both")]
    [InlineData("""{"id": 7, "label": 1, "extra": true}""", "invalid feedback: 'id' must be the request's id, a string, not 7; unknown field 'extra' (expected id, label, labels)")]
    public async Task PostFeedback_BadBody_Answers400(string body, string message)
    {
        await HttpAssert.ErrorAsync(await PostAsync("iris-mlp", body), HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task PostFeedback_MalformedJson_Answers400()
    {
        var message = await HttpAssert.ErrorMessageAsync(await PostAsync("iris-mlp", """{"id": """), HttpStatusCode.BadRequest);

        Assert.StartsWith("malformed JSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostFeedback_OversizeBody_Answers413()
    {
        var body = $$"""{"id": "{{new string('x', (int)ApiHostFixture.MaxRequestBodyBytes)}}", "label": 1}""";

        await HttpAssert.ErrorAsync(
            await PostAsync("iris-mlp", body), HttpStatusCode.RequestEntityTooLarge, $"the request body exceeds the limit of {ApiHostFixture.MaxRequestBodyBytes} bytes");
    }

    [Fact]
    public async Task GrpcPostFeedback_UnknownModelOrId_IsNotFound()
    {
        var unknownModel = await Assert.ThrowsAsync<RpcException>(async () =>
            await Grpc.PostFeedbackAsync(new PostFeedbackRequest { ModelName = "no-such-model", Id = "req-1", Labels = { 1 } }));
        var unknownId = await Assert.ThrowsAsync<RpcException>(async () =>
            await Grpc.PostFeedbackAsync(new PostFeedbackRequest { ModelName = "iris-mlp", Id = "never-served", Labels = { 1 } }));

        Assert.Equal(StatusCode.NotFound, unknownModel.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownId.StatusCode);
    }

    [Theory]
    [InlineData("", 1.0, "'id' is missing: name the request the labels are for")]
    [InlineData("req-1", double.NaN, "label 0 is NaN; labels must be finite numbers")]
    public async Task GrpcPostFeedback_BadRequest_IsInvalidArgument(string id, double label, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Grpc.PostFeedbackAsync(new PostFeedbackRequest { ModelName = "iris-mlp", Id = id, Labels = { label } }));

        Assert.Equal((StatusCode.InvalidArgument, message), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task GrpcPostFeedback_NoLabels_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Grpc.PostFeedbackAsync(new PostFeedbackRequest { ModelName = "iris-mlp", Id = "req-1" }));

        Assert.Equal((StatusCode.InvalidArgument, "no labels: send 'label', or 'labels' with one per batch row"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task GrpcPostFeedback_MalformedProtobuf_IsInvalidArgument()
    {
        var call = host.GrpcChannel.CreateCallInvoker().AsyncUnaryCall(
            new Method<byte[], byte[]>(
                MethodType.Unary,
                InferenceHost.Api.Feedback.Protocol.Feedback.Descriptor.FullName,
                "PostFeedback",
                Marshallers.Create(static b => b, static b => b),
                Marshallers.Create(static b => b, static b => b)),
            null,
            default,
            [0x0A, 0xFF]);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string model, string body) =>
        host.Http.PostAsync(new Uri($"/v2/models/{model}/feedback", UriKind.Relative), Json(body));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
