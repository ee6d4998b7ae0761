using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Feedback;

/// <summary>
/// <c>POST /v2/models/{m}/feedback</c>: ground truth for a request the host answered, counted for the version that
/// answered it. The body is read within the v2 limit; the answer says which version and slot that was.
/// </summary>
internal sealed class FeedbackHttpHandler(FeedbackIntake intake, IOptions<InferenceApiOptions> options)
{
    public async Task PostAsync(HttpContext context)
    {
        var (model, _) = V2Routes.Target(context);
        intake.RequireKnown(model);
        var body = await HttpRequestBodyReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, context.RequestAborted);
        var (id, labels) = FeedbackJsonReader.Read(body);
        var receipt = await intake.AddAsync(model, id, labels, context.RequestAborted);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, (model, receipt), static (writer, state) => Write(writer, state.model, state.receipt));
    }

    private static void Write(System.Text.Json.Utf8JsonWriter writer, string model, FeedbackReceipt receipt)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, receipt.Id);
        writer.WriteString("model_name"u8, model);
        writer.WriteString("model_version"u8, receipt.Version);
        writer.WriteString("slot"u8, receipt.Slot);
        writer.WriteNumber("rows"u8, receipt.Rows);
        writer.WriteNumber("correct"u8, receipt.Correct);
        writer.WriteNumber("absolute_error"u8, receipt.AbsoluteError);
        writer.WriteEndObject();
    }
}
