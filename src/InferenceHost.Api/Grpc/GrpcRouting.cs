using System.Globalization;
using Grpc.Core;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Http;
using InferenceHost.Api.Routing;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// The routing half of <c>ModelInfer</c>: hints come from metadata (<c>x-inference-slot</c>,
/// <c>x-routing-key</c>) and the request's <c>parameters</c>; the decision goes back both as
/// response parameters (<see cref="GrpcInferReplyWriter"/>) and as trailers, under the HTTP headers' names.
/// </summary>
internal static class GrpcRouting
{
    /// <summary>The <c>x-routing-key</c> metadata wins over the request's routing parameter.</summary>
    /// <exception cref="InferenceException">The routing parameter is neither a string nor an integer (InvalidInput).</exception>
    public static RouteHints Hints(GrpcInferRequest request, ServerCallContext context, string routingParameter)
    {
        // Read from the HTTP request rather than context.RequestHeaders, which copies every header into a new Metadata.
        var headers = context.GetHttpContext().Request.Headers;
        return new RouteHints(
            request.ModelVersion.Length > 0 ? request.ModelVersion : null,
            LastValue(headers, RoutingHeaders.Slot),
            LastValue(headers, RoutingHeaders.RoutingKey) ?? ParameterKey(request, routingParameter));
    }

    /// <summary>The header's last value, as <see cref="Metadata.GetValue"/> gives a repeated key's; null when absent.</summary>
    private static string? LastValue(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? values[values.Count - 1] : null;

    /// <summary>The decision as the reply reports it: its version, else the one that answered.</summary>
    public static RouteDecision Served(RouteDecision decision, string answeredVersion) =>
        decision with { Version = decision.Version ?? answeredVersion };

    /// <summary>
    /// Adds the served decision as trailers, which gRPC sends after the reply's message. Added to the HTTP response's
    /// trailers directly, where gRPC puts its <see cref="ServerCallContext.ResponseTrailers"/> too, so no
    /// <see cref="Metadata"/> is built per call; the revision's text is cached.
    /// </summary>
    public static void AddTrailers(ServerCallContext context, RouteDecision served)
    {
        var response = context.GetHttpContext().Response;
        response.AppendTrailer(RoutingHeaders.ModelVersion, served.Version);
        response.AppendTrailer(RoutingHeaders.Slot, served.Slot);
        response.AppendTrailer(RoutingHeaders.Reason, served.Reason);
        response.AppendTrailer(RoutingHeaders.Revision, NumberText.Of(served.Revision));
    }

    private static string? ParameterKey(GrpcInferRequest request, string name)
    {
        if (!request.Parameters.TryGetValue(name, out var parameter))
        {
            return null;
        }

        return parameter.Kind switch
        {
            InferParameter.ParameterChoiceOneofCase.StringParam => parameter.Text,
            InferParameter.ParameterChoiceOneofCase.Int64Param => parameter.Int64Value.ToString(CultureInfo.InvariantCulture),
            InferParameter.ParameterChoiceOneofCase.Uint64Param => parameter.Uint64Value.ToString(CultureInfo.InvariantCulture),
            InferParameter.ParameterChoiceOneofCase.None => null,
            _ => throw InferenceException.InvalidInput($"parameter '{name}' must be a string or an integer"),
        };
    }
}
