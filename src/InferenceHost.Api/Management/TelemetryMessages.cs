using Google.Protobuf.WellKnownTypes;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Api.Management;

/// <summary>A telemetry window as <c>management.proto</c> has it, field for field what <see cref="Admin.TelemetryJsonWriter"/> writes.</summary>
internal static class TelemetryMessages
{
    public static Protocol.TelemetryResponse Write(TelemetryWindow telemetry, TimeSpan window)
    {
        var response = new Protocol.TelemetryResponse
        {
            Model = telemetry.Model,
            Window = Duration.FromTimeSpan(window),
            From = Timestamp.FromDateTimeOffset(telemetry.From),
            To = Timestamp.FromDateTimeOffset(telemetry.To),
        };
        response.Slots.AddRange(telemetry.Slots.Select(Write));
        return response;
    }

    private static Protocol.SlotTelemetry Write(SlotTelemetry slot)
    {
        var counts = slot.Counts;
        var summary = VersionSummary.Of(counts);
        var message = new Protocol.SlotTelemetry
        {
            Version = slot.Version,
            Slot = slot.Slot,
            Requests = counts.Requests,
            Errors = counts.Errors,
            BadInput = counts.BadInput,
            InvalidOutputs = counts.InvalidOutputs,
            ErrorRate = summary.ErrorRate,
            BadInputRate = summary.BadInputRate,
            InvalidOutputRate = summary.InvalidOutputRate,
            P50Ms = summary.P50Milliseconds,
            P95Ms = summary.P95Milliseconds,
            P99Ms = summary.P99Milliseconds,
            OutputKind = (Protocol.OutputKind)counts.Outputs.Kind,
            MeanConfidence = summary.MeanConfidence,
            ShadowPairs = counts.Agreement.Pairs,
            Agreement = summary.Agreement,
            MeanAbsDiff = summary.MeanAbsoluteDifference,
            Labelled = counts.Feedback.Labelled,
            Accuracy = summary.Accuracy,
            MeanAbsoluteError = summary.MeanAbsoluteError,
        };

        var outputs = counts.Outputs;
        if (outputs.Kind == OutputKind.Classifier && outputs.Rows > 0)
        {
            for (var i = 0; i < outputs.Classes.Indexes.Length; i++)
            {
                message.ClassShares[outputs.Classes.Indexes[i]] = (double)outputs.Classes.Counts[i] / outputs.Rows;
            }
        }

        return message;
    }
}
